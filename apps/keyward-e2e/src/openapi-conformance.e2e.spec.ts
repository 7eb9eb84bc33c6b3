import { ErrorCodes } from '@keyward/contracts';
import { KeywardStack } from './support/keyward-stack';
import { conformanceOfThisFile } from './support/openapi-conformance';

/**
 * The gateway's OpenAPI document is exact enough to generate the console and the CLI from: every
 * operation declares its success answer with a schema and each error it can answer with the
 * section 7 error body. Every e2e file checks each answer it gets against it (see
 * support/openapi-conformance.setup.ts); this one checks the document itself, and that the check runs.
 */
jest.setTimeout(120_000);

interface Schema {
  readonly $ref?: string;
  readonly allOf?: readonly Schema[];
  readonly type?: string;
  readonly items?: Schema;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly enum?: readonly unknown[];
  readonly additionalProperties?: Schema | boolean;
}

interface Response {
  readonly content?: Readonly<Record<string, { readonly schema?: Schema }>>;
  readonly headers?: Readonly<Record<string, unknown>>;
}

interface Operation {
  readonly responses: Readonly<Record<string, Response>>;
  readonly parameters?: readonly { readonly name: string; readonly in: string }[];
  readonly security?: readonly unknown[];
  readonly 'x-required-permission'?: string;
  /** A write whose answers are never kept (the broker): it refuses Idempotency-Key and writes no event. */
  readonly 'x-not-idempotent'?: boolean;
  readonly 'x-root-only'?: boolean;
}

interface Document {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components: { readonly schemas: Readonly<Record<string, Schema>> };
}

const operationsOf = (doc: Document): [string, Operation][] =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]): [string, Operation] => [`${method.toUpperCase()} ${path}`, op]));

const schemaOf = (response: Response): Schema | undefined => response.content?.['application/json']?.schema;

describe('the OpenAPI document', () => {
  let stack: KeywardStack;
  let doc: Document;

  beforeAll(async () => {
    stack = await KeywardStack.start();
    doc = (await fetch(`${stack.baseUrl}/docs-json`).then((r) => r.json())) as Document;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('declares a success answer for every operation, with a named schema (or a list of one: a leak report answers GitHub\'s shape) unless it is 204', () => {
    const missing = operationsOf(doc).filter(([, op]) => {
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      return success.length === 0 || success.some(([status, response]) => status !== '204' && !(schemaOf(response)?.$ref ?? schemaOf(response)?.items?.$ref));
    });
    expect(missing.map(([name]) => name)).toEqual([]);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['KeyView', 'KeyPage', 'CreateKeyResult', 'RotateKeyResult', 'RevokeKeyResult', 'RoleView', 'RoleList', 'WorkspaceView', 'WorkspaceList', 'CreateWorkspaceResult', 'ApiKeyUserPage', 'HealthReport', 'ErrorBody']),
    );
  });

  it('answers every error with the section 7 body, narrowed to the codes of its status', () => {
    const ref = '#/components/schemas/ErrorBody';
    const wrong = operationsOf(doc).flatMap(([name, op]) =>
      Object.entries(op.responses)
        .filter(([status]) => Number(status) >= 400 && !(name === 'GET /health' && status === '503'))
        .filter(([status, response]) => {
          const schema = schemaOf(response);
          const narrowed = schema?.allOf?.[1]?.properties;
          return schema?.allOf?.[0]?.$ref !== ref || narrowed?.statusCode?.enum?.[0] !== Number(status) || !narrowed?.code?.enum?.length;
        })
        .map(([status]) => `${name} ${status}`),
    );
    expect(wrong).toEqual([]);
    expect(doc.components.schemas.ErrorBody).toMatchObject({ additionalProperties: false, properties: { code: { allOf: [{ $ref: '#/components/schemas/ErrorCode' }] } } });
    expect(doc.components.schemas.ErrorCode.enum).toEqual(Object.values(ErrorCodes));
  });

  it('declares what the guard, the middleware and the write path answer, on every operation they serve', () => {
    const gaps: string[] = [];
    for (const [name, op] of operationsOf(doc)) {
      const statuses = Object.keys(op.responses);
      const expected = ['400', '413'];
      // The console's sign-in and sign-out are outside the write path (an answer holding a CSRF token is never kept); sign-out authenticates no one.
      const session = name === 'POST /v1/session' || name === 'DELETE /v1/session';
      // Unauthenticated by design, and outside the write path like the session: no key is checked, so no 401 for one nor 402 for its plan (a leak report's bad signature is its own 401).
      const keyless = name === 'POST /v1/leaks' || name === 'POST /v1/keys/revoke-leaked';
      if (name !== 'GET /health' && name !== 'DELETE /v1/session') expected.push(...(keyless ? ['503'] : ['401', '402', '503']));
      if (op['x-required-permission'] || op['x-root-only']) expected.push('403');
      const write = !name.startsWith('GET ') && name.includes(' /v1/') && !session && !keyless;
      if (write) expected.push('409');
      for (const status of expected) if (!statuses.includes(status)) gaps.push(`${name} does not declare ${status}`);
      if (op.responses['503'] && name !== 'GET /health' && !op.responses['503'].headers?.['Retry-After']) gaps.push(`${name} 503 without Retry-After`);
      const kept = write && op['x-not-idempotent'] !== true;
      if (kept && !op.parameters?.some((p) => p.name === 'Idempotency-Key' && p.in === 'header')) gaps.push(`${name} without Idempotency-Key`);
      if (!kept && op.parameters?.some((p) => p.name === 'Idempotency-Key')) gaps.push(`${name} offers an Idempotency-Key it refuses`);
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      for (const [status, response] of kept ? success : []) {
        for (const header of ['Idempotent-Replayed', 'Keyward-Consistency']) if (!response.headers?.[header]) gaps.push(`${name} ${status} without ${header}`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('declares no object open to fields it does not name', () => {
    const open = Object.entries(doc.components.schemas).filter(([, s]) => s.properties && s.additionalProperties !== false).map(([name]) => name);
    expect(open).toEqual([]);
  });

  it('checks the answers this file gets, and catches one the document does not declare', async () => {
    const before = conformanceOfThisFile().checked;
    expect((await stack.api('GET', '/v1/keys')).status).toBe(200);
    expect((await stack.api('GET', '/v1/keys', undefined, null)).status).toBe(401);
    expect(conformanceOfThisFile()).toEqual({ checked: before + 2, mismatches: [] });
    // An answer the gateway never gives, seen by the same checker: found, then taken back so the file's hook passes.
    stack.openApi.check({ method: 'GET', target: '/v1/keys', status: 418, headers: {}, body: '' });
    expect(stack.openApi.mismatches.splice(0)).toEqual([expect.stringContaining('GET /v1/keys (/v1/keys) → 418: status not declared')]);
  });
});
