import { failingFields, validateDto } from '../../testing/validate-dto';
import { GetKeyAccessRequestDto, keyAccessQuestionOf } from './get-key-access.request.dto';

const NOW = new Date('2026-11-23T10:00:00Z');

describe('GetKeyAccessRequestDto', () => {
  it.each([[{}], [{ asOf: '2026-11-23T10:00:00Z', require: 'calls:read' }], [{ require: ['calls:read', 'workflows/wf_42:write'], ip: '2001:db8::1' }], [{ ip: '203.0.113.7' }], [{ require: '(contacts:read OR contacts:write) AND calls:read' }]])(
    'accepts %j',
    async (query) => {
      expect(await validateDto(GetKeyAccessRequestDto, query)).toMatchObject({ ok: true });
    },
  );

  it.each<[Record<string, unknown>, string[]]>([
    [{ asOf: '2026-11-23T10:00:00' }, ['asOf']],
    [{ require: 'calls' }, ['require']],
    [{ require: ['calls:read', 'nope'] }, ['require']],
    [{ require: { a: 'calls:read' } }, ['require']],
    [{ require: Array.from({ length: 33 }, () => 'calls:read') }, ['require']],
    [{ require: 'calls:read AND' }, ['require']],
    [{ require: ['calls:read', 'calls:read OR contacts:read'] }, ['require']],
    [{ require: 'calls:read and contacts:read' }, ['require']],
    [{ require: `${'('.repeat(9)}calls:read${')'.repeat(9)}` }, ['require']],
    [{ ip: '203.0.113.0/24' }, ['ip']],
    [{ ip: ['203.0.113.7'] }, ['ip']],
  ])('refuses %j', async (query, fields) => {
    expect(failingFields(await validateDto(GetKeyAccessRequestDto, query))).toEqual(fields);
  });

  it('asks about now when asOf is left out, with what is required parsed', () => {
    expect(keyAccessQuestionOf({}, NOW)).toEqual({ asOf: NOW, required: [], ip: undefined });
    expect(keyAccessQuestionOf({ asOf: '2026-01-01T00:00:00+01:00', require: 'calls:read', ip: '203.0.113.7' }, NOW)).toEqual({
      asOf: new Date('2025-12-31T23:00:00Z'),
      required: [{ resource: 'calls', action: 'read' }],
      ip: '203.0.113.7',
    });
    expect(keyAccessQuestionOf({ require: 'calls:read OR calls:write' }, NOW).required).toEqual([
      { anyOf: [{ resource: 'calls', action: 'read' }, { resource: 'calls', action: 'write' }] },
    ]);
  });
});
