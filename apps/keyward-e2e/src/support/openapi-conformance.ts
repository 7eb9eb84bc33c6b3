import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The parts of the gateway's OpenAPI document (3.0) that say what an operation answers. */
interface JsonSchema {
  readonly [keyword: string]: unknown;
}

interface DeclaredResponse {
  readonly content?: Readonly<Record<string, { readonly schema?: JsonSchema }>>;
  readonly headers?: Readonly<Record<string, { readonly required?: boolean; readonly schema?: JsonSchema }>>;
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, { readonly responses?: Readonly<Record<string, DeclaredResponse>> }>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, JsonSchema>> };
}

/** One answer as a client saw it: the request line, and the status, headers (lower-case names) and body text it got. */
export interface ObservedAnswer {
  readonly method: string;
  readonly target: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

interface Route {
  readonly template: string;
  readonly pattern: RegExp;
  /** Literal segments win over parameters where both match, as a reader of the paths would expect. */
  readonly literals: number;
}

/** Headers only Keyward sets: one on an answer whose operation does not declare it is a mismatch. */
const KEYWARD_HEADERS = ['keyward-consistency', 'idempotent-replayed', 'retry-after'];
const DOCUMENT_ID = 'openapi';

/** Every checker made in this test file, so that one hook can assert, after all its tests, that none found a mismatch. */
const made: OpenApiConformance[] = [];

export const conformanceOfThisFile = (): { readonly checked: number; readonly mismatches: readonly string[] } => ({
  checked: made.reduce((n, c) => n + c.checked, 0),
  mismatches: made.flatMap((c) => c.mismatches),
});

const routeOf = (template: string): Route => {
  const segments = template.split('/').filter(Boolean);
  // Express matches paths case-insensitively and with or without a trailing slash.
  const source = segments.map((s) => (/^\{\w+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/');
  return { template, pattern: new RegExp(`^/${source}/?$`, 'i'), literals: segments.filter((s) => !s.startsWith('{')).length };
};

/** The path a target names, as Express routes it: not normalised (`%2e%2e` stays a segment), an absolute-form target by its path. */
const pathOf = (target: string): string => (target.startsWith('/') ? target.split(/[?#]/)[0] : new URL(target, 'http://any').pathname);

/**
 * Checks answers against the gateway's OpenAPI document: that the operation declares the status,
 * that the body is valid against the schema declared for it (objects closed, as the document
 * declares them), that required headers are there, and that Keyward's own headers appear only
 * where declared, with declared values.
 * Requests to paths or methods the document does not have are not its business (the fuzz test
 * checks those answer 404 or 400 in the error format); they are counted, not checked.
 */
export class OpenApiConformance {
  private readonly ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  private readonly routes: readonly Route[];
  private readonly validators = new Map<string, ValidateFunction>();
  readonly mismatches: string[] = [];
  checked = 0;
  outside = 0;

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    // OpenAPI's annotations; `components` holds the schemas that `$ref`s point into.
    this.ajv.addKeyword('example').addKeyword('components');
    this.ajv.addSchema({ $id: DOCUMENT_ID, components: document.components ?? {} });
    this.routes = Object.keys(document.paths).map(routeOf);
    made.push(this);
  }

  check(answer: ObservedAnswer): void {
    const method = answer.method.toLowerCase();
    const path = pathOf(answer.target);
    const route = this.routes.filter((r) => r.pattern.test(path) && this.document.paths[r.template][method]).sort((a, b) => b.literals - a.literals)[0];
    if (!route) {
      this.outside++;
      return;
    }
    this.checked++;
    const where = `${answer.method} ${route.template} (${answer.target.slice(0, 100)}) → ${answer.status}`;
    const responses = this.document.paths[route.template][method].responses ?? {};
    const declared = responses[String(answer.status)];
    if (!declared) {
      this.mismatches.push(`${where}: status not declared (declared: ${Object.keys(responses).join(', ')}); body ${answer.body.slice(0, 200)}`);
      return;
    }
    for (const problem of [...this.bodyProblems(route.template, method, answer, declared), ...this.headerProblems(answer, declared)]) this.mismatches.push(`${where}: ${problem}`);
  }

  private bodyProblems(template: string, method: string, answer: ObservedAnswer, declared: DeclaredResponse): string[] {
    const schema = declared.content?.['application/json']?.schema;
    if (!schema) return answer.body === '' ? [] : [`a body where none is declared: ${answer.body.slice(0, 200)}`];
    if (!/^application\/json\b/.test(answer.headers['content-type'] ?? '')) return [`content-type ${answer.headers['content-type']} where JSON is declared`];
    let body: unknown;
    try {
      body = JSON.parse(answer.body);
    } catch {
      return [`a body that is not JSON: ${answer.body.slice(0, 200)}`];
    }
    const validate = this.validator(`${method} ${template} ${answer.status}`, schema);
    if (validate(body)) return [];
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
    return [`body does not match the declared schema: ${errors.join('; ')}; body ${answer.body.slice(0, 300)}`];
  }

  private headerProblems(answer: ObservedAnswer, declared: DeclaredResponse): string[] {
    const headers = new Map(Object.entries(declared.headers ?? {}).map(([name, header]) => [name.toLowerCase(), header.schema ?? {}]));
    const missing = Object.entries(declared.headers ?? {})
      .filter(([name, header]) => header.required && answer.headers[name.toLowerCase()] === undefined)
      .map(([name]) => `required header ${name} missing`);
    return [...missing, ...KEYWARD_HEADERS.flatMap((name) => {
      const value = answer.headers[name];
      if (value === undefined) return [];
      const schema = headers.get(name);
      if (!schema) return [`header ${name} not declared`];
      const typed = schema.type === 'integer' ? Number(value) : value;
      const validate = this.validator(`header ${JSON.stringify(schema)}`, schema);
      return validate(typed) ? [] : [`header ${name}: ${value} does not match ${JSON.stringify(schema)}`];
    })];
  }

  /** `$ref`s of the document point at `#/components/…`: here they point into the document added above. */
  private validator(key: string, schema: JsonSchema): ValidateFunction {
    const known = this.validators.get(key);
    if (known) return known;
    const rooted = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`)) as JsonSchema;
    const validate = this.ajv.compile(rooted);
    this.validators.set(key, validate);
    return validate;
  }
}
