import { MAX_PERMISSION_QUERY_DEPTH, MAX_PERMISSION_QUERY_LENGTH, MAX_REQUIRED_PERMISSIONS } from '@keyward/contracts';
import { permission, permissions } from '../testing';
import { holdsQuery } from './permission-evaluator';
import { formatPermissionQuery, parsePermissionQuery, requirementOf, type PermissionQuery } from './permission-query';

const CALLS_READ = permission('calls:read');
const CALLS_WRITE = permission('calls:write');
const CONTACTS_READ = permission('contacts:read');
const CONTACTS_WRITE = permission('contacts:write');

const nested = (depth: number, inner = 'calls:read'): string => `${'('.repeat(depth)}${inner}${')'.repeat(depth)}`;
const query = (require: unknown): PermissionQuery => {
  const parsed = parsePermissionQuery(require);
  if (parsed === undefined) throw new Error(`${JSON.stringify(require)} does not parse`);
  return parsed;
};

describe('parsePermissionQuery', () => {
  it('reads nothing, one permission, or a list of them as before', () => {
    expect(parsePermissionQuery(undefined)).toEqual([]);
    expect(parsePermissionQuery([])).toEqual([]);
    expect(parsePermissionQuery('calls:read')).toEqual([CALLS_READ]);
    expect(parsePermissionQuery(['calls:read', 'workflows/wf_42:write'])).toEqual(permissions('calls:read', 'workflows/wf_42:write'));
  });

  it.each<[string, unknown, PermissionQuery]>([
    ['OR', 'calls:read OR contacts:read', [{ anyOf: [CALLS_READ, CONTACTS_READ] }]],
    ['AND', 'calls:read AND contacts:read', [CALLS_READ, CONTACTS_READ]],
    ['the example of product.md', '(contacts:read OR contacts:write) AND calls:read', [{ anyOf: [CONTACTS_READ, CONTACTS_WRITE] }, CALLS_READ]],
    ['AND before OR', 'calls:read OR contacts:read AND calls:write', [{ anyOf: [CALLS_READ, [CONTACTS_READ, CALLS_WRITE]] }]],
    ['AND before OR, on the left too', 'calls:read AND contacts:read OR calls:write', [{ anyOf: [[CALLS_READ, CONTACTS_READ], CALLS_WRITE] }]],
    ['parentheses first', 'calls:read AND (contacts:read OR calls:write)', [CALLS_READ, { anyOf: [CONTACTS_READ, CALLS_WRITE] }]],
    ['a nested AND joins its parent', 'calls:read AND (contacts:read AND (calls:write))', [CALLS_READ, CONTACTS_READ, CALLS_WRITE]],
    ['a nested OR joins its parent', '(calls:read OR (contacts:read OR calls:write))', [{ anyOf: [CALLS_READ, CONTACTS_READ, CALLS_WRITE] }]],
    ['redundant parentheses', nested(MAX_PERMISSION_QUERY_DEPTH), [CALLS_READ]],
    ['parentheses need no spaces', '(calls:read)AND(contacts:read OR calls:write)', [CALLS_READ, { anyOf: [CONTACTS_READ, CALLS_WRITE] }]],
    ['tabs, newlines and padding', ' \tcalls:read\n AND\r\n  contacts:read  ', [CALLS_READ, CONTACTS_READ]],
    ['wildcards and shares', '*:read OR workflows/wf_42:write', [{ anyOf: [permission('*:read'), permission('workflows/wf_42:write')] }]],
  ])('reads %s', (_, require, expected) => {
    expect(parsePermissionQuery(require)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['the empty string', ''],
    ['only whitespace', ' \t\n'],
    ['a word that is no permission', 'calls'],
    ['an unknown action', 'calls:delete'],
    ['an upper-case resource', 'Calls:read'],
    ['a lone operator', 'AND'],
    ['a dangling AND', 'calls:read AND'],
    ['a dangling OR', 'calls:read OR '],
    ['a leading operator', 'OR calls:read'],
    ['two operators', 'calls:read AND OR contacts:read'],
    ['two permissions without an operator', 'calls:read contacts:read'],
    ['lower-case keywords', 'calls:read and contacts:read'],
    ['mixed-case keywords', 'calls:read Or contacts:read'],
    ['other spellings of operators', 'calls:read && contacts:read'],
    ['a keyword glued to a permission', 'calls:readAND contacts:read'],
    ['a keyword glued after a permission', 'calls:read ANDcontacts:read'],
    ['NOT, which the grammar has not', 'NOT calls:read'],
    ['empty parentheses', '()'],
    ['empty parentheses in a query', 'calls:read AND ()'],
    ['an unclosed parenthesis', '(calls:read'],
    ['an unopened parenthesis', 'calls:read)'],
    ['parentheses the wrong way round', ')calls:read('],
    ['an operator inside parentheses alone', 'calls:read AND (OR)'],
    ['a no-break space between words', 'calls:read\u00a0AND contacts:read'],
    ['full-width keywords', 'calls:read ＡＮＤ contacts:read'],
    ['a letter outside ASCII', 'cälls:read'],
    ['an emoji', 'calls:read AND 🔑:read'],
    ['a lone surrogate', 'calls:read AND \ud800'],
    ['NUL', 'calls:read\u0000'],
    ['a share with a space', 'workflows/wf 42:read'],
    ['nesting one level too deep', nested(MAX_PERMISSION_QUERY_DEPTH + 1)],
    ['nesting too deep on one side', `calls:read OR ${nested(MAX_PERMISSION_QUERY_DEPTH + 1, 'contacts:read AND calls:write')}`],
    ['1,000 open parentheses', '('.repeat(1_000)],
    ['500 pairs of parentheses', nested(500)],
    ['a string one character too long', `calls:read${' '.repeat(MAX_PERMISSION_QUERY_LENGTH - 9)}`],
    ['a megabyte', 'calls:read OR '.repeat(80_000)],
    ['one permission too many in a query', Array.from({ length: MAX_REQUIRED_PERMISSIONS + 1 }, () => 'calls:read').join(' OR ')],
    ['a query in a list: a list is permissions only', ['calls:read', 'calls:read OR contacts:read']],
    ['a spliced OR in a list', [`workflows/${'x:read OR calls'}:read`]],
    ['a permission in parentheses in a list', ['(calls:read)']],
    ['a list one item too long', Array.from({ length: MAX_REQUIRED_PERMISSIONS + 1 }, () => 'calls:read')],
    ['a list holding a bad one', ['calls:read', 'nope']],
    ['a list holding a bad query', ['calls:read', 'calls:read OR']],
    ['a nested list', [['calls:read']]],
    ['a number', 42],
    ['null', null],
    ['an object', { 0: 'calls:read' }],
    ['a list holding a number', [42]],
  ])('refuses %s', (_, require) => {
    expect(parsePermissionQuery(require)).toBeUndefined();
  });

  it('takes exactly the limits: the longest query, the deepest nesting and the most permissions', () => {
    expect(parsePermissionQuery(`calls:read${' '.repeat(MAX_PERMISSION_QUERY_LENGTH - 10)}`)).toEqual([CALLS_READ]);
    const most = Array.from({ length: MAX_REQUIRED_PERMISSIONS }, () => 'calls:read');
    expect(parsePermissionQuery(most.join(' OR '))).toEqual([{ anyOf: most.map(() => CALLS_READ) }]);
    expect(parsePermissionQuery(most)).toHaveLength(MAX_REQUIRED_PERMISSIONS);
    // Depth counts parentheses open at once, not how many there are.
    const wide = Array.from({ length: 20 }, () => nested(MAX_PERMISSION_QUERY_DEPTH)).join(' AND ');
    expect(parsePermissionQuery(wide)).toHaveLength(20);
  });

  it('does bounded work on hostile input', () => {
    const hostile = [nested(100_000), '('.repeat(999), `${'calls:read AND '.repeat(66)}calls:read`, 'a'.repeat(MAX_PERMISSION_QUERY_LENGTH), ' '.repeat(10_000_000)];
    const started = process.hrtime.bigint();
    for (let i = 0; i < 1_000; i++) for (const text of hostile) expect(parsePermissionQuery(text)).toBeUndefined();
    // Generous for a shared machine: far below what a quadratic or backtracking reader would need.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2_000);
  });
});

describe('holdsQuery', () => {
  const grants = permissions('calls:write', 'contacts:read', 'workflows/wf_42:read');
  it.each<[string, boolean]>([
    ['calls:read', true],
    ['contacts:write', false],
    ['contacts:write OR calls:read', true],
    ['contacts:write AND calls:read', false],
    ['(contacts:read OR contacts:write) AND calls:read', true],
    ['(contacts:write OR billing:read) AND calls:read', false],
    ['contacts:write AND billing:read OR workflows/wf_42:read', true],
    ['workflows/wf_43:read OR workflows:read', false],
    ['*:read OR calls:write AND workflows/wf_42:write', false],
  ])('%s: %s', (text, expected) => {
    expect(holdsQuery(grants, query(text))).toBe(expected);
  });

  it('requires nothing of an empty list; no grant meets an empty OR', () => {
    expect(holdsQuery([], [])).toBe(true);
    expect(holdsQuery(grants, { anyOf: [] })).toBe(false);
  });
});

describe('formatPermissionQuery and requirementOf', () => {
  it.each<[unknown, string | string[]]>([
    ['calls:read', ['calls:read']],
    [['calls:read', 'workflows/wf_42:write'], ['calls:read', 'workflows/wf_42:write']],
    ['calls:read AND (contacts:read AND calls:write)', ['calls:read', 'contacts:read', 'calls:write']],
    ['(contacts:read OR contacts:write) AND calls:read', '(contacts:read OR contacts:write) AND calls:read'],
    ['calls:read OR (contacts:read AND calls:write)', 'calls:read OR contacts:read AND calls:write'],
    ['((calls:read OR contacts:read) AND calls:write) OR workflows/wf_42:read', '(calls:read OR contacts:read) AND calls:write OR workflows/wf_42:read'],
  ])('%j is required as %j, which reads back the same', (require, expected) => {
    const parsed = query(require);
    expect(requirementOf(parsed)).toEqual(expected);
    expect(query(requirementOf(parsed))).toEqual(parsed);
    expect(query(formatPermissionQuery(parsed))).toEqual(parsed);
  });

  it('prints nothing required as an empty list', () => {
    expect(requirementOf(query(undefined))).toEqual([]);
  });
});
