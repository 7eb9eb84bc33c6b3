import { MAX_PERMISSION_QUERY_DEPTH, MAX_PERMISSION_QUERY_LENGTH, MAX_REQUIRED_PERMISSIONS } from '@keyward/contracts';
import { formatPermission, parsePermission, type Permission } from './permission';

/**
 * What a verify requires (product.md sections 4 and 9.2a), compiled: a permission, a list that
 * must all hold (AND; empty requires nothing), or `{ anyOf }` of which one must hold (OR). A list
 * of permissions is already one, so a caller that never heard of queries passes what it had.
 */
export type PermissionQuery = Permission | AllOf | AnyOf;
export type AllOf = readonly PermissionQuery[];
export interface AnyOf {
  readonly anyOf: readonly PermissionQuery[];
}

export const isAllOf = (query: PermissionQuery): query is AllOf => Array.isArray(query);
export const isAnyOf = (query: PermissionQuery): query is AnyOf => 'anyOf' in query;

/** Most verifies require nothing: one shared list, not a new one each time. */
const NOTHING_REQUIRED: AllOf = Object.freeze([]);

/**
 * A verify's `require`, parsed; `undefined` for anything that is not one (the verifier answers
 * MALFORMED, the API 400). Left out: nothing required. A list is permissions that must all hold,
 * never queries: a service may put text from its own caller in a list without that text adding an
 * `OR` of its own. A string is a query, read by this grammar (ISO 14977 EBNF):
 *
 * ```
 * query      = ws , or , ws ;
 * or         = and , { ws , "OR" , ws , and } ;
 * and        = term , { ws , "AND" , ws , term } ;
 * term       = permission | "(" , ws , or , ws , ")" ;
 * permission = word ;                 (* as parsePermission reads it: calls:read, *:write, workflows/wf_42:read *)
 * word       = wordchar , { wordchar } ;
 * wordchar   = ? any character but whitespace, "(" and ")" ? ;
 * ws         = { " " | "\t" | "\r" | "\n" } ;
 * ```
 *
 * A word ends at whitespace or a parenthesis, so `AND` and `OR` stand apart from permissions.
 * Keywords are upper case only, as in Unkey: `and` is read as a permission, which it is not, so a
 * query that spells them otherwise is MALFORMED rather than misread. `AND` binds tighter than `OR`.
 * Limits, so that hostile input costs bounded work (one linear pass, recursion as deep as the
 * nesting): at most MAX_PERMISSION_QUERY_LENGTH characters, parentheses nested at most
 * MAX_PERMISSION_QUERY_DEPTH deep, at most MAX_REQUIRED_PERMISSIONS permissions, listed or in the
 * query. Never throws.
 *
 * The result is flat (`a AND (b AND c)` is `[a, b, c]`, `((a))` is `[a]`) and always a list at the
 * top, which `requirementOf` prints back.
 */
export const parsePermissionQuery = (require: unknown): PermissionQuery | undefined => {
  if (require === undefined) return NOTHING_REQUIRED;
  if (typeof require === 'string') {
    if (require.length > MAX_PERMISSION_QUERY_LENGTH) return undefined;
    const query = new QueryReader(require, MAX_REQUIRED_PERMISSIONS).query();
    return query === undefined || isAllOf(query) ? query : [query];
  }
  if (!Array.isArray(require) || require.length > MAX_REQUIRED_PERMISSIONS) return undefined;
  const permissions: Permission[] = [];
  for (const text of require) {
    const permission = parsePermission(text);
    if (permission === undefined) return undefined;
    permissions.push(permission);
  }
  return permissions;
};

/** `a AND b` and `a OR b` are associative: a nested node of the same kind joins its parent's operands. */
const joinAllOf = (operands: PermissionQuery[], operand: PermissionQuery): void => {
  if (isAllOf(operand)) operands.push(...operand);
  else operands.push(operand);
};
const joinAnyOf = (operands: PermissionQuery[], operand: PermissionQuery): void => {
  if (isAnyOf(operand)) operands.push(...operand.anyOf);
  else operands.push(operand);
};

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const OPEN = 0x28;
const CLOSE = 0x29;

const isSpace = (c: number): boolean => c === SPACE || c === TAB || c === CR || c === LF;
/** NaN past the end delimits too. */
const endsWord = (c: number): boolean => Number.isNaN(c) || isSpace(c) || c === OPEN || c === CLOSE;

/** A recursive-descent reader of one string; each method answers `undefined` at the first error. */
class QueryReader {
  private at = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    /** How many more permissions the query may name. */
    private termsLeft: number,
  ) {}

  query(): PermissionQuery | undefined {
    const query = this.series('OR');
    this.skipSpace();
    return query !== undefined && this.at === this.text.length ? query : undefined;
  }

  /** `or = and { "OR" and }` and `and = term { "AND" term }`: operands joined by one keyword. */
  private series(keyword: 'OR' | 'AND'): PermissionQuery | undefined {
    const operand = (): PermissionQuery | undefined => (keyword === 'OR' ? this.series('AND') : this.term());
    const join = keyword === 'OR' ? joinAnyOf : joinAllOf;
    const first = operand();
    if (first === undefined || !this.keyword(keyword)) return first;
    const operands: PermissionQuery[] = [];
    join(operands, first);
    do {
      const next = operand();
      if (next === undefined) return undefined;
      join(operands, next);
    } while (this.keyword(keyword));
    return keyword === 'OR' ? { anyOf: operands } : operands;
  }

  private term(): PermissionQuery | undefined {
    this.skipSpace();
    const c = this.text.charCodeAt(this.at);
    if (c === OPEN) {
      if (++this.depth > MAX_PERMISSION_QUERY_DEPTH) return undefined;
      this.at++;
      const inner = this.series('OR');
      this.skipSpace();
      if (inner === undefined || this.text.charCodeAt(this.at) !== CLOSE) return undefined;
      this.at++;
      this.depth--;
      return inner;
    }
    const end = this.wordEnd();
    if (end === this.at || --this.termsLeft < 0) return undefined;
    const permission = parsePermission(this.text.slice(this.at, end));
    this.at = end;
    return permission;
  }

  /** Consumes `word` if it is the next word, whole. */
  private keyword(word: 'AND' | 'OR'): boolean {
    this.skipSpace();
    const end = this.wordEnd();
    if (end - this.at !== word.length || !this.text.startsWith(word, this.at)) return false;
    this.at = end;
    return true;
  }

  private wordEnd(): number {
    let end = this.at;
    while (!endsWord(this.text.charCodeAt(end))) end++;
    return end;
  }

  private skipSpace(): void {
    while (isSpace(this.text.charCodeAt(this.at))) this.at++;
  }
}

/** The query as text the parser reads back to the same query: `AND` inside `OR` needs no parentheses, `OR` inside `AND` does. */
export const formatPermissionQuery = (query: PermissionQuery): string => {
  if (isAllOf(query) && query.length === 1) return formatPermissionQuery(query[0]);
  if (isAllOf(query)) return query.map((q) => (isAnyOf(q) ? `(${formatPermissionQuery(q)})` : formatPermissionQuery(q))).join(' AND ');
  if (isAnyOf(query)) return query.anyOf.map(formatPermissionQuery).join(' OR ');
  return formatPermission(query);
};

/** The query as a verify's `require` would say it: a list when it is a list of permissions (empty: nothing required), else one query. */
export const requirementOf = (query: PermissionQuery): string | readonly string[] =>
  isAllOf(query) && query.every((q) => !isAllOf(q) && !isAnyOf(q)) ? query.map(formatPermissionQuery) : formatPermissionQuery(query);
