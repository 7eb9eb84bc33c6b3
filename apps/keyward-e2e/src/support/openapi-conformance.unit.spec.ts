import { OpenApiConformance, type ObservedAnswer, type OpenApiDocument } from './openapi-conformance';

/** A document in the shape the gateway serves: components referenced, objects closed, a nullable field, an error body. */
const DOCUMENT: OpenApiDocument = {
  paths: {
    '/v1/things/{id}': {
      get: {
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          '404': { content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } },
        },
      },
      delete: {
        responses: {
          '204': { headers: { 'Keyward-Consistency': { schema: { type: 'string', enum: ['pending'] } } } },
          '503': { content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } }, headers: { 'Retry-After': { required: true, schema: { type: 'integer' } } } },
        },
      },
    },
    '/v1/things/special': { get: { responses: { '200': { content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Thing' } } } } } } } },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: { id: { type: 'string', example: 't_1' }, at: { type: 'string', format: 'date-time', nullable: true } },
        required: ['id', 'at'],
        additionalProperties: false,
      },
      ErrorBody: {
        type: 'object',
        properties: { statusCode: { type: 'integer' }, code: { type: 'string' }, message: { type: 'string' } },
        required: ['statusCode', 'code', 'message'],
        additionalProperties: false,
      },
    },
  },
};

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
const answer = (partial: Partial<ObservedAnswer> & Pick<ObservedAnswer, 'status'>): ObservedAnswer => ({ method: 'GET', target: '/v1/things/t_1', headers: JSON_TYPE, body: '', ...partial });

const mismatchesOf = (...answers: ObservedAnswer[]): string[] => {
  const conformance = new OpenApiConformance(DOCUMENT);
  for (const a of answers) conformance.check(a);
  return conformance.mismatches;
};

describe('OpenApiConformance', () => {
  it('accepts answers the document declares', () => {
    expect(
      mismatchesOf(
        answer({ status: 200, body: '{"id":"t_1","at":null}' }),
        answer({ status: 200, target: '/v1/things/t_1/?x=1', body: '{"id":"t_1","at":"2026-01-01T00:00:00.000Z"}' }),
        answer({ status: 404, body: '{"statusCode":404,"code":"NOT_FOUND","message":"no"}' }),
        answer({ method: 'DELETE', status: 204, headers: { 'keyward-consistency': 'pending' } }),
        answer({ method: 'DELETE', status: 503, headers: { ...JSON_TYPE, 'retry-after': '2' }, body: '{"statusCode":503,"code":"UNAVAILABLE","message":"later"}' }),
        answer({ status: 200, target: '/v1/things/special', body: '[{"id":"t_2","at":null}]' }),
      ),
    ).toEqual([]);
  });

  it('finds a status the operation does not declare', () => {
    expect(mismatchesOf(answer({ status: 401, body: '{"statusCode":401,"code":"UNAUTHENTICATED","message":"no"}' }))).toEqual([
      expect.stringContaining('GET /v1/things/{id} (/v1/things/t_1) → 401: status not declared (declared: 200, 404)'),
    ]);
  });

  it('finds a body that does not match its schema: a missing field, a wrong type, a field the document does not name, a bad date', () => {
    const found = mismatchesOf(
      answer({ status: 200, body: '{"id":"t_1"}' }),
      answer({ status: 200, body: '{"id":1,"at":null}' }),
      answer({ status: 200, body: '{"id":"t_1","at":null,"secret":"x"}' }),
      answer({ status: 200, body: '{"id":"t_1","at":"yesterday"}' }),
      answer({ status: 200, target: '/v1/things/special', body: '[{"id":"t_2"}]' }),
    );
    expect(found).toEqual([
      expect.stringContaining("must have required property 'at'"),
      expect.stringContaining('/id must be string'),
      expect.stringContaining('must NOT have additional properties (secret)'),
      expect.stringContaining('/at must match format "date-time"'),
      expect.stringContaining("/0 must have required property 'at'"),
    ]);
  });

  it('finds a body that is not JSON, a body where none is declared, a Keyward header not declared or not as declared, a required header missing', () => {
    const found = mismatchesOf(
      answer({ status: 200, body: 'oops' }),
      answer({ status: 200, headers: { 'content-type': 'text/html' }, body: '<p>' }),
      answer({ method: 'DELETE', status: 204, body: '{}' }),
      answer({ status: 200, headers: { ...JSON_TYPE, 'idempotent-replayed': 'true' }, body: '{"id":"t_1","at":null}' }),
      answer({ method: 'DELETE', status: 204, headers: { 'keyward-consistency': 'maybe' } }),
      answer({ method: 'DELETE', status: 503, body: '{"statusCode":503,"code":"UNAVAILABLE","message":"later"}' }),
    );
    expect(found).toEqual([
      expect.stringContaining('a body that is not JSON'),
      expect.stringContaining('content-type text/html where JSON is declared'),
      expect.stringContaining('a body where none is declared'),
      expect.stringContaining('header idempotent-replayed not declared'),
      expect.stringContaining('header keyward-consistency: maybe does not match'),
      expect.stringContaining('required header Retry-After missing'),
    ]);
  });

  it('prefers a literal segment to a parameter, and leaves paths and methods outside the document to others', () => {
    const conformance = new OpenApiConformance(DOCUMENT);
    conformance.check(answer({ status: 200, target: '/v1/things/special', body: '[]' }));
    conformance.check(answer({ status: 404, target: '/v1/nothing', body: '{}' }));
    conformance.check(answer({ method: 'PATCH', status: 404, body: '{}' }));
    expect(conformance).toMatchObject({ mismatches: [], checked: 1, outside: 2 });
  });
});
