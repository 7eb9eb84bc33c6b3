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
 * MALFORMED, the API 400). Left out: nothing required. A string is one query, a list the AND of
 * its items, each a query too. Every string is read by this grammar (ISO 14977 EBNF):
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
 * nesting): each string at most MAX_PERMISSION_QUERY_LENGTH characters, parentheses nested at most
 * MAX_PERMISSION_QUERY_DEPTH deep, at most MAX_REQUIRED_PERMISSIONS permissions in all, whether
 * listed or in queries. Never throws.
 *
 * The result is flat (`a AND (b AND c)` is the list `[a, b, c]`, `((a))` is `[a]`) and always a
 * list at the top, whose items `requirementItems` prints back.
 */
export const parsePermissionQuery = (require: unknown): PermissionQuery | undefined => {
  if (require === undefined) return NOTHING_REQUIRED;
  const texts: readonly unknown[] = Array.isArray(require) ? require : [require];
  if (texts.length > MAX_REQUIRED_PERMISSIONS) return undefined;
  const terms = { left: MAX_REQUIRED_PERMISSIONS };
  const items: PermissionQuery[] = [];
  for (const text of texts) {
    if (typeof text !== 'string' || text.length > MAX_PERMISSION_QUERY_LENGTH) return undefined;
    const query = new QueryReader(text, terms).query();
    if (query === undefined) return undefined;
    joinAllOf(items, query);
  }
  return items;
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
    /** Shared by every string of one `require`. */
    private readonly terms: { left: number },
  ) {}

  query(): PermissionQuery | undefined {
    const query = this.or();
    this.skipSpace();
    return query !== undefined && this.at === this.text.length ? query : undefined;
  }

  private or(): PermissionQuery | undefined {
    const first = this.and();
    if (first === undefined) return undefined;
    if (!this.keyword('OR')) return first;
    const operands: PermissionQuery[] = [];
    joinAnyOf(operands, first);
    do {
      const next = this.and();
      if (next === undefined) return undefined;
      joinAnyOf(operands, next);
    } while (this.keyword('OR'));
    return { anyOf: operands };
  }

  private and(): PermissionQuery | undefined {
    const first = this.term();
    if (first === undefined) return undefined;
    if (!this.keyword('AND')) return first;
    const operands: PermissionQuery[] = [];
    joinAllOf(operands, first);
    do {
      const next = this.term();
      if (next === undefined) return undefined;
      joinAllOf(operands, next);
    } while (this.keyword('AND'));
    return operands;
  }

  private term(): PermissionQuery | undefined {
    this.skipSpace();
    const c = this.text.charCodeAt(this.at);
    if (c === OPEN) {
      if (++this.depth > MAX_PERMISSION_QUERY_DEPTH) return undefined;
      this.at++;
      const inner = this.or();
      this.skipSpace();
      if (inner === undefined || this.text.charCodeAt(this.at) !== CLOSE) return undefined;
      this.at++;
      this.depth--;
      return inner;
    }
    const end = this.wordEnd();
    if (end === this.at || --this.terms.left < 0) return undefined;
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
  if (isAllOf(query)) return query.map((q) => (isAnyOf(q) ? `(${formatPermissionQuery(q)})` : formatPermissionQuery(q))).join(' AND ');
  if (isAnyOf(query)) return query.anyOf.map(formatPermissionQuery).join(' OR ');
  return formatPermission(query);
};

/** The query as a `require` list that means it: the items of its top-level AND, each printed (none: nothing required). */
export const requirementItems = (query: PermissionQuery): readonly string[] =>
  isAllOf(query) ? query.map(formatPermissionQuery) : [formatPermissionQuery(query)];
