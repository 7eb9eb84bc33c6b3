import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { ErrorCodes, type CreateKeyResult, type CreateWorkspaceResult, type KeyAccessResult, type KeyView, type RoleView } from '@keyward/contracts';
import { holdsAll, parsePermission, type Permission } from '@keyward/domain';
import { KeywardStack } from './support/keyward-stack';
import { rawHttp, type RawResponse } from './support/raw-http';
import { retryingUnavailable } from './support/retry-unavailable';
import { leakedSecrets } from './support/secrets';

/**
 * Fuzzes every operation of the gateway's OpenAPI document with what a careless client or an
 * attacker sends: random types, missing and extra fields, deep nesting, huge bodies, bad
 * encodings, lone surrogates, duplicate headers, bad ids. Fixed seed, bounded runs;
 * KEYWARD_FUZZ_RUNS raises the number of random requests per operation for a longer run,
 * KEYWARD_FUZZ_SEED explores other cases.
 */
jest.setTimeout(600_000);

const SEED = Number(process.env.KEYWARD_FUZZ_SEED ?? 6_006);
const RUNS_PER_OPERATION = Number(process.env.KEYWARD_FUZZ_RUNS ?? 12);
const ACCESS_RUNS = Math.max(40, RUNS_PER_OPERATION * 5);

interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly items?: Schema;
  readonly additionalProperties?: Schema | boolean;
}

interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly schema?: Schema;
}

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly Parameter[];
  readonly body?: Schema;
}

interface OpenApi {
  readonly paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  readonly components: { readonly schemas: Record<string, Schema> };
}

/** One request as the fuzz builds it, before it is written to the wire. */
interface FuzzRequest {
  readonly method: string;
  readonly target: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: Buffer;
  /** The JSON value sent, when the body is one: the fail-closed check reads what it named. */
  readonly json?: unknown;
}

const operationsOf = (doc: OpenApi): Operation[] =>
  Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      parameters: op.parameters ?? [],
      body: op.requestBody?.content?.['application/json']?.schema,
    })),
  );

/** Every byte of the UTF-8 form percent-encoded (a lone surrogate becomes U+FFFD, as any client would send it). */
const percentEncode = (text: string): string => [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

const LONE_SURROGATES = ['a\ud800', '\udc00', 'x\ud83d', '\udfff\ud800'];
const anyJson = fc.jsonValue({ maxDepth: 3 });
const oddString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.constantFrom(...LONE_SURROGATES, 'x\u0000y', '', ' ', '\n', 'kw_live_not-a-key', '../../etc', '%00', '*', '__proto__', 'constructor'),
  fc.constant('x'.repeat(5_000)),
);
const oddNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 2 ** 53, 1e308, -0));

/** A JSON value 2,000 levels deep, the size of the body that overflowed the transformer's stack. */
const DEEP = JSON.parse(`${'{"a":['.repeat(1_000)}1${']}'.repeat(1_000)}`) as unknown;

/**
 * A value for a schema: mostly of the right type (enum members and examples included, so that
 * many requests get far enough to write), sometimes of any type, null, or absurd.
 */
const valueFor = (doc: OpenApi, schema: Schema, depth = 0): fc.Arbitrary<unknown> => {
  const s = schema.$ref ? (doc.components.schemas[schema.$ref.split('/').pop() ?? ''] ?? {}) : schema;
  const typed = ((): fc.Arbitrary<unknown> => {
    if (s.enum) return fc.constantFrom(...s.enum);
    if (s.type === 'string') return s.example === undefined ? oddString : fc.oneof(fc.constant(s.example), oddString);
    if (s.type === 'number' || s.type === 'integer') return oddNumber;
    if (s.type === 'boolean') return fc.boolean();
    if (s.type === 'array') return depth > 3 ? fc.constant([]) : fc.oneof(...(s.example === undefined ? [] : [fc.constant(s.example)]), fc.array(valueFor(doc, s.items ?? {}, depth + 1), { maxLength: 4 }));
    if (s.type === 'object' || s.properties || s.additionalProperties) return depth > 3 ? fc.constant({}) : objectFor(doc, s, depth + 1);
    return anyJson;
  })();
  return fc.oneof({ weight: 6, arbitrary: typed }, { weight: 1, arbitrary: anyJson }, { weight: 1, arbitrary: fc.constant(null) });
};

/** Each known field present or not, sometimes extra fields (odd names included), sometimes the example as it is. */
const objectFor = (doc: OpenApi, s: Schema, depth: number): fc.Arbitrary<Record<string, unknown>> => {
  const known = fc.record(Object.fromEntries(Object.entries(s.properties ?? {}).map(([name, p]) => [name, fc.option(valueFor(doc, p, depth), { nil: undefined, freq: 3 })])));
  const additional =
    typeof s.additionalProperties === 'object'
      ? fc.dictionary(fc.oneof(fc.constantFrom('calls', 'contacts', '*', 'Calls', 'a\ud800'), fc.string({ maxLength: 10 })), valueFor(doc, s.additionalProperties, depth), { maxKeys: 4 })
      : fc.constant({});
  const extra = fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.dictionary(fc.oneof(oddString, fc.string({ maxLength: 8 })), anyJson, { maxKeys: 3 }) });
  const example = s.example === undefined ? [] : [fc.constant(s.example as Record<string, unknown>)];
  const built = fc.tuple(known, additional, extra).map(([k, a, e]) => {
    const out: Record<string, unknown> = { ...e, ...a };
    for (const [name, value] of Object.entries(k)) if (value !== undefined) out[name] = value;
    return out;
  });
  return fc.oneof(built, ...example);
};

/** The ways a body can reach the gateway: JSON of a generated value, or bytes that are not what their headers say. */
type BodyKind =
  | { kind: 'json'; value: unknown }
  | { kind: 'deep' }
  | { kind: 'huge'; bytes: number }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'encoding'; encoding: string; value: unknown }
  | { kind: 'gzipped'; value: unknown }
  | { kind: 'charset'; contentType: string; value: unknown };

const bodyKind = (doc: OpenApi, op: Operation): fc.Arbitrary<BodyKind | undefined> => {
  const value = op.body ? valueFor(doc, op.body) : anyJson;
  return fc.oneof(
    { weight: 8, arbitrary: value.map((v): BodyKind => ({ kind: 'json', value: v })) },
    { weight: op.body ? 0 : 3, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant<BodyKind>({ kind: 'deep' }) },
    { weight: 1, arbitrary: fc.constantFrom(60_000, 70_000, 2_000_000).map((bytes): BodyKind => ({ kind: 'huge', bytes })) },
    { weight: 1, arbitrary: fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.constant(Uint8Array.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]))).map((bytes): BodyKind => ({ kind: 'bytes', bytes })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('gzip', 'br', 'deflate', 'zstd', 'gzip, gzip', 'x-unknown', 'GZIP'), value).map(([encoding, v]): BodyKind => ({ kind: 'encoding', encoding, value: v })) },
    { weight: 1, arbitrary: value.map((v): BodyKind => ({ kind: 'gzipped', value: v })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('application/json; charset=utf-16', 'application/json; charset=latin1', 'application/json; charset=x-bogus', 'text/plain', 'application/x-www-form-urlencoded', ''), value)
        .map(([contentType, v]): BodyKind => ({ kind: 'charset', contentType, value: v })),
    },
  );
};

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value) ?? 'null', 'utf8');

const encodeBody = (body: BodyKind | undefined): { headers: [string, string][]; body?: Buffer; json?: unknown } => {
  const asJson: [string, string] = ['Content-Type', 'application/json'];
  if (body === undefined) return { headers: [] };
  switch (body.kind) {
    case 'json':
      return { headers: [asJson], body: json(body.value), json: body.value };
    case 'deep':
      return { headers: [asJson], body: json({ name: 'deep', permissions: DEEP, roles: [DEEP] }) };
    case 'huge':
      return { headers: [asJson], body: json({ name: 'x'.repeat(body.bytes) }) };
    case 'bytes':
      return { headers: [asJson], body: Buffer.from(body.bytes) };
    case 'encoding':
      return { headers: [asJson, ['Content-Encoding', body.encoding]], body: json(body.value) };
    case 'gzipped':
      return { headers: [asJson, ['Content-Encoding', 'gzip']], body: gzipSync(json(body.value)), json: body.value };
    case 'charset':
      return { headers: body.contentType ? [['Content-Type', body.contentType]] : [], body: json(body.value) };
  }
};

interface Fixtures {
  readonly stack: KeywardStack;
  /** Path values that name something real, so that fuzzed requests also get past the lookups. */
  readonly ids: Readonly<Record<string, readonly string[]>>;
  /** Credentials to present: the root key, a key that may manage keys, and an admin key of another workspace. */
  readonly tokens: readonly string[];
  readonly callsRole: { readonly id: string; readonly grants: readonly string[] };
}

const credentials = (f: Fixtures): fc.Arbitrary<[string, string][]> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...f.tokens).map((t): [string, string][] => [['Authorization', `Bearer ${t}`]]) },
    { weight: 1, arbitrary: fc.constant<[string, string][]>([]) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom(...f.tokens), fc.constantFrom(...f.tokens), fc.constantFrom('Authorization', 'authorization', 'AUTHORIZATION')).map(([a, b, name]): [string, string][] => [
        ['Authorization', `Bearer ${a}`],
        [name, `Bearer ${b}`],
      ]),
    },
    { weight: 1, arbitrary: fc.constantFrom('Basic cm9vdDpyb290', 'Bearer', `Bearer ${'x'.repeat(2_000)}`, 'Bearer kw_live_AAAA, Bearer kw_live_BBBB').map((v): [string, string][] => [['Authorization', v]]) },
  );

const pathValue = (f: Fixtures, name: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(f.ids[name] ?? ['x'])).map(encodeURIComponent) },
    { weight: 2, arbitrary: oddString.map(percentEncode) },
    { weight: 1, arbitrary: fc.constantFrom('%00', '%ED%A0%80', '%E0', '%', '..', '%2e%2e%2f', 'a'.repeat(3_000), 'key_' + 'A'.repeat(24), 'role_' + 'A'.repeat(20)) },
  );

const queryString = (op: Operation): fc.Arbitrary<string> => {
  const declared = op.parameters.filter((p) => p.in === 'query');
  const pair = fc.tuple(declared.length ? fc.oneof(fc.constantFrom(...declared.map((p) => p.name)), fc.string({ maxLength: 6 })) : fc.string({ maxLength: 6 }), fc.oneof(oddString, fc.constantFrom('1', '100', '-1', 'active', 'live', 'abc')));
  const raw = fc.constantFrom('search=%00', 'search=%ED%A0%80', 'search[a][b][c][d][e][f][g]=1', 'limit[]=1&limit[]=2', 'cursor=%', `${'a[b]'.repeat(50)}=1`);
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant('') },
    { weight: 3, arbitrary: fc.array(pair, { maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&')) },
    { weight: 1, arbitrary: raw },
  );
};

const requestFor = (doc: OpenApi, f: Fixtures, op: Operation): fc.Arbitrary<FuzzRequest> => {
  const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  return fc
    .tuple(
      fc.tuple(...names.map((n) => pathValue(f, n))),
      queryString(op),
      bodyKind(doc, op),
      credentials(f),
      fc.option(fc.oneof(oddString.map(percentEncode), fc.constant('x'.repeat(500))), { nil: undefined }),
    )
    .map(([values, query, body, auth, requestId]) => {
      let path = op.path;
      names.forEach((n, i) => (path = path.replace(`{${n}}`, values[i])));
      const encoded = encodeBody(body);
      const headers: [string, string][] = [...auth, ...encoded.headers, ...(requestId === undefined ? [] : [['X-Request-Id', requestId] as [string, string]])];
      return { method: op.method, target: query ? `${path}?${query}` : path, headers, body: encoded.body, json: encoded.json };
    });
};

/** Bytes no client library would send: Node's HTTP parser refuses them before any route sees them. */
const MALFORMED_HTTP: readonly FuzzRequest[] = [
  { method: 'GET', target: '/v1/keys', headers: [['X-Bad', 'a\u0001b']] },
  { method: 'POST', target: '/v1/keys', headers: [['Content-Length', '5'], ['Content-Length', '7']], body: Buffer.from('{}') },
  { method: 'GET', target: '/v1/keys', headers: [['Bad Name', 'x']] },
  { method: 'GET', target: '/v1/keys', headers: [['X-Huge', 'x'.repeat(70_000)]] },
  { method: 'GET', target: `/v1/keys?search=${'x'.repeat(20_000)}`, headers: [] },
  { method: 'GET', target: '/v1/keys/%', headers: [] },
  { method: 'OPTIONS', target: '*', headers: [] },
  { method: 'OPTIONS', target: '/v1/keys', headers: [] },
  { method: 'PROPFIND', target: '/v1/keys', headers: [] },
  { method: 'TRACE', target: '/v1/keys', headers: [] },
  { method: 'PATCH', target: '/v1/keys', headers: [['Content-Type', 'application/json']], body: Buffer.from('{}') },
  { method: 'GET', target: 'http://elsewhere.example/v1/keys', headers: [] },
];

const ERROR_CODES: readonly string[] = Object.values(ErrorCodes);

/**
 * 503 UNAVAILABLE is an honest answer while a service is slow for a moment (these machines are
 * shared), so it is retried after its Retry-After; one that persists is a problem, since it is
 * what a malformed request taken for a dependency failure would get.
 */
const UNAVAILABLE_RETRIES = { retries: 2, maxWaitMs: 5_000 };

/** What is wrong with an answer in itself (the last one, after the retries): a 5xx, or an error body not in the section 7 format. */
const answerProblem = (res: RawResponse): string | undefined => {
  if (res.status >= 500 || res.status < 100) return `status ${res.status}`;
  if (res.status < 400) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    return `error body is not JSON: ${res.body.slice(0, 100)}`;
  }
  const b = body as Record<string, unknown>;
  const detailsOk = b.details === undefined || (Array.isArray(b.details) && b.details.every((d: { field?: unknown; message?: unknown }) => typeof d.field === 'string' && typeof d.message === 'string'));
  const shapeOk =
    Object.keys(b).every((k) => ['statusCode', 'code', 'message', 'details'].includes(k)) &&
    b.statusCode === res.status &&
    typeof b.code === 'string' &&
    ERROR_CODES.includes(b.code) &&
    typeof b.message === 'string' &&
    detailsOk;
  return shapeOk ? undefined : `error body not in the section 7 format: ${res.body.slice(0, 200)}`;
};

const permissionOf = (text: string): Permission => {
  const parsed = parsePermission(text);
  if (!parsed) throw new Error(`not a permission: ${text}`);
  return parsed;
};

/** What a create or edit request named, as grants: `undefined` when it asked for full access. */
const namedGrants = (body: Record<string, unknown>, f: Fixtures, create: boolean): Permission[] | undefined => {
  const { roles, permissions, unrestricted } = body;
  if (unrestricted === true) return undefined;
  if (create && roles === undefined && permissions === undefined && unrestricted === undefined) return undefined;
  const grants: Permission[] = [];
  for (const role of Array.isArray(roles) ? roles : []) {
    if (role === 'admin') grants.push(permissionOf('*:write'));
    if (role === 'read-only') grants.push(permissionOf('*:read'));
    if (role === f.callsRole.id) grants.push(...f.callsRole.grants.map(permissionOf));
  }
  for (const [resource, level] of Object.entries(typeof permissions === 'object' && permissions !== null ? permissions : {})) {
    if (level === 'read' || level === 'write') grants.push(permissionOf(`${resource}:${level}`));
  }
  return grants;
};

describe('REST fuzz, driven by the OpenAPI document', () => {
  let stack: KeywardStack;
  let doc: OpenApi;
  let fixtures: Fixtures;
  let witness: CreateKeyResult;
  const problems: string[] = [];
  /** How many answers of each status class (2, 4, 5), to show the fuzz gets past validation too. */
  const classes = new Map<number, number>();
  /** Requests sent again after a 503: a few on a loaded machine. */
  let retriedAfter503 = 0;

  const send = async (request: FuzzRequest): Promise<RawResponse> => {
    const { response: res, retried } = await retryingUnavailable(() => rawHttp(stack.baseUrl, request), UNAVAILABLE_RETRIES);
    retriedAfter503 += retried;
    stack.openApi.check({ method: request.method, target: request.target, status: res.status, headers: res.headers, body: res.body });
    const statusClass = Math.floor(res.status / 100);
    classes.set(statusClass, (classes.get(statusClass) ?? 0) + 1);
    const problem = answerProblem(res);
    if (problem) problems.push(`${request.method} ${request.target.slice(0, 120)} [${request.headers.map(([n]) => n).join(',')}] ${request.body?.subarray(0, 120).toString('utf8') ?? ''} → ${problem}`);
    return res;
  };

  /** Fails closed: a key made or edited by any request holds no more than the request named. */
  const checkFailClosed = async (request: FuzzRequest, res: RawResponse): Promise<void> => {
    const body = request.json;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
    const named = body as Record<string, unknown>;
    if (request.method === 'POST' && request.target.split('?')[0] === '/v1/keys' && res.status === 201) {
      const created = JSON.parse(res.body) as CreateKeyResult;
      const allowed = namedGrants(named, fixtures, true);
      if (created.unrestricted !== (allowed === undefined)) problems.push(`create ${JSON.stringify(named)} → unrestricted ${created.unrestricted}`);
      const answer = await stack.verify(created.key);
      const held = (answer.permissions ?? []).map(permissionOf);
      if (allowed !== undefined && !holdsAll(allowed, held)) problems.push(`create ${JSON.stringify(named)} → holds ${answer.permissions?.join(' ')}`);
    }
    const edit = /^\/v1\/keys\/[^/]+\/(roles|permissions)$/.exec(request.target.split('?')[0]);
    if (request.method === 'PUT' && edit && res.status === 200) {
      const key = JSON.parse(res.body) as KeyView | KeyAccessResult;
      const restricted = 'restricted' in key ? key.restricted : !key.unrestricted;
      const full = edit[1] === 'permissions' && named.unrestricted === true;
      if (restricted === full) problems.push(`PUT ${edit[1]} ${JSON.stringify(named)} → restricted ${restricted}`);
    }
  };

  beforeAll(async () => {
    stack = await KeywardStack.start();
    doc = (await fetch(`${stack.baseUrl}/docs-json`).then((r) => r.json())) as OpenApi;
    const api = async <T>(method: string, route: string, body: unknown, token?: string): Promise<T> => {
      const res = await stack.api<T>(method, route, body, token);
      if (res.status >= 300) throw new Error(`${method} ${route} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const callsRole = await api<RoleView>('POST', '/v1/roles', { name: 'calls reader', permissions: ['calls:read'] });
    const other = await api<CreateWorkspaceResult>('POST', '/v1/workspaces', { name: 'fuzzed tenant', plan: 'enterprise' });
    const keys = await Promise.all([1, 2, 3].map((n) => api<CreateKeyResult>('POST', '/v1/keys', { name: `fuzz target ${n}`, permissions: { calls: 'read' } })));
    const manager = await api<CreateKeyResult>('POST', '/v1/keys', { name: 'key manager', permissions: { api_keys: 'write', roles: 'write', calls: 'write' } });
    witness = await api<CreateKeyResult>('POST', '/v1/keys', { name: 'witness', roles: ['read-only'] });
    fixtures = {
      stack,
      ids: { id: [...keys.map((k) => k.id), callsRole.id, other.id, 'read-only'], resource: ['calls', 'workflows'], resourceId: ['wf_1', 'c_1'] },
      tokens: [stack.rootKey, manager.key, other.adminKey],
      callsRole: { id: callsRole.id, grants: ['calls:read'] },
    };
  });

  afterAll(async () => {
    console.log(`REST fuzz: answers by status class ${JSON.stringify(Object.fromEntries(classes))}; ${retriedAfter503} sent again after a 503`);
    await stack?.stop();
  });

  it('reads every operation of the OpenAPI document', () => {
    expect(operationsOf(doc).length).toBeGreaterThanOrEqual(20);
  });

  it('fails closed: keys created or edited with any mix of roles, permissions and unrestricted hold no more than named', async () => {
    const role = fc.constantFrom('admin', 'read-only', fixtures.callsRole.id, 'role_AAAAAAAAAAAAAAAAAAAA');
    const levels = fc.dictionary(fc.constantFrom('calls', 'contacts', '*', 'api_keys'), fc.constantFrom('none', 'read', 'write'), { maxKeys: 3 });
    const absentOr = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined, freq: 2 });
    const access = fc.record({ roles: absentOr(fc.array(role, { maxLength: 3 })), permissions: absentOr(levels), unrestricted: absentOr(fc.constantFrom(true, false, null)) });
    const cases = fc.sample(fc.tuple(access, fc.constantFrom('create', 'roles', 'permissions'), fc.constantFrom(...fixtures.tokens.slice(0, 2))), { seed: SEED, numRuns: ACCESS_RUNS });
    let written = 0;
    for (const [body, what, token] of cases) {
      const named = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
      const target = what === 'create' ? '/v1/keys' : `/v1/keys/${fixtures.ids.id[0]}/${what}`;
      const payload = what === 'create' ? { name: 'access fuzz', ...named } : what === 'roles' ? { roles: named.roles ?? [] } : { permissions: named.permissions ?? {}, ...(named.unrestricted === undefined ? {} : { unrestricted: named.unrestricted }) };
      const request: FuzzRequest = { method: what === 'create' ? 'POST' : 'PUT', target, headers: [['Authorization', `Bearer ${token}`], ['Content-Type', 'application/json']], body: json(payload), json: payload };
      const res = await send(request);
      if (res.status < 300) written++;
      await checkFailClosed(request, res);
    }
    expect(problems).toEqual([]);
    // Worth something only if many of them were written.
    expect(written).toBeGreaterThan(ACCESS_RUNS / 4);
  });

  it('answers every fuzzed request of every operation below 500, errors in the section 7 format, never more access than named', async () => {
    const operations = operationsOf(doc);
    for (const [i, op] of operations.entries()) {
      const requests = fc.sample(requestFor(doc, fixtures, op), { seed: SEED + i, numRuns: RUNS_PER_OPERATION });
      for (const request of requests) await checkFailClosed(request, await send(request));
    }
    for (const request of MALFORMED_HTTP) await send(request);
    expect(problems).toEqual([]);
    expect(classes.get(2)).toBeGreaterThan(operations.length);
    expect(classes.get(4)).toBeGreaterThan(operations.length * RUNS_PER_OPERATION / 2);
  });

  it('the fixed cases of the issue each answer 400 in the section 7 format', async () => {
    const root: [string, string] = ['Authorization', `Bearer ${stack.rootKey}`];
    const asJson: [string, string] = ['Content-Type', 'application/json'];
    const readOnly: [string, string] = ['Authorization', `Bearer ${witness.key}`];
    const cases: [string, FuzzRequest][] = [
      ...['gzip', 'br', 'deflate'].map((e): [string, FuzzRequest] => [`Content-Encoding ${e}, plain body, no key`, { method: 'POST', target: '/v1/keys', headers: [asJson, ['Content-Encoding', e]], body: json({ name: 'x' }) }]),
      ['a body 2,000 levels deep', { method: 'POST', target: '/v1/keys', headers: [root, asJson], body: json({ name: 'deep', permissions: DEEP }) }],
      ['a lone surrogate', { method: 'POST', target: '/v1/keys', headers: [root, asJson], body: Buffer.from('{"name":"a\\ud800"}') }],
      ['root first, read-only second', { method: 'POST', target: '/v1/keys', headers: [root, readOnly, asJson], body: json({ name: 'x' }) }],
      ['read-only first, root second', { method: 'POST', target: '/v1/keys', headers: [readOnly, root, asJson], body: json({ name: 'x' }) }],
      ['NUL in a query', { method: 'GET', target: '/v1/keys?search=%00', headers: [root] }],
      ['a field the transformer would drop silently', { method: 'POST', target: '/v1/keys', headers: [root, asJson], body: json({ name: 'x', constructor: { unrestricted: true } }) }],
    ];
    const answers: [string, number, string | undefined][] = [];
    for (const [what, request] of cases) {
      const res = await send(request);
      answers.push([what, res.status, (JSON.parse(res.body) as { code?: string }).code]);
    }
    expect(answers).toEqual(cases.map(([what]) => [what, 400, 'VALIDATION_FAILED']));
    expect(problems).toEqual([]);
  });

  it('leaves every service running and healthy, with no stack trace in any log', async () => {
    for (const service of ['gateway', 'key-command', 'projector', 'verifier'] as const) expect(stack.running(service)).toHaveLength(1);
    expect((await fetch(`${stack.baseUrl}/health`)).status).toBe(200);
    // The fuzz may have moved the workspace to another plan; the witness must be VALID once it is back on enterprise.
    expect((await stack.api('PATCH', '/v1/workspace', { plan: 'enterprise' })).status).toBe(200);
    expect(await stack.verify(witness.key)).toMatchObject({ valid: true, code: 'VALID' });
    expect((await stack.api('POST', '/v1/keys', { name: 'after the fuzz' })).status).toBe(201);
    expect(stack.logs).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(stack.logs).not.toMatch(/unexpected failure|command failed|Unhandled/);
    expect(leakedSecrets(stack.logs, [stack.rootKey, witness.key, ...fixtures.tokens])).toEqual([]);
  });
});
