import fc from 'fast-check';
import { MAX_PERMISSION_QUERY_DEPTH, MAX_REQUIRED_PERMISSIONS } from '@keyward/contracts';
import { permission } from '../testing';
import { holdsQuery } from './permission-evaluator';
import { formatPermissionQuery, parsePermissionQuery, requirementOf } from './permission-query';

/**
 * The parser and evaluator against an oracle written apart from them: random query trees over a
 * small universe (so that grants and requirements meet often), printed with random spacing and
 * redundant parentheses, parsed, and evaluated against random grants; the oracle evaluates the
 * tree itself, and decides a single permission by what it denotes (below), not by `grantCovers`.
 */

const RESOURCES = ['calls', 'contacts', 'workflows'] as const;
const INSTANCES = ['wf_1', 'wf_2'] as const;
const ACTIONS = ['read', 'write'] as const;

interface Atom {
  readonly resource: (typeof RESOURCES)[number] | '*';
  readonly instance?: (typeof INSTANCES)[number];
  readonly action: (typeof ACTIONS)[number];
}
type Tree = { readonly atom: Atom } | { readonly op: 'AND' | 'OR'; readonly operands: readonly Tree[] };

const atomText = (a: Atom): string => `${a.resource}${a.instance ? `/${a.instance}` : ''}:${a.action}`;

const atoms: fc.Arbitrary<Atom> = fc.oneof(
  fc.record({ resource: fc.constant('*' as const), action: fc.constantFrom(...ACTIONS) }),
  fc.record({ resource: fc.constantFrom(...RESOURCES), action: fc.constantFrom(...ACTIONS) }),
  fc.record({ resource: fc.constantFrom(...RESOURCES), instance: fc.constantFrom(...INSTANCES), action: fc.constantFrom(...ACTIONS) }),
);

/** Trees four levels deep at most, so that one redundant pair of parentheses a level stays within the depth limit. */
const trees: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.record({ atom: atoms }),
    fc.record({ op: fc.constantFrom('AND' as const, 'OR' as const), operands: fc.array(tie('tree'), { minLength: 1, maxLength: 4 }) }),
  ),
})).tree;

const leaves = (t: Tree): number => ('atom' in t ? 1 : t.operands.reduce((n, o) => n + leaves(o), 0));

/**
 * What a permission denotes: the (resource, instance, action) triples it allows, over the universe,
 * with "" for the resource type itself; `write` allows reading too. A grant covers a requirement
 * when it allows everything the requirement does.
 */
const denotes = (a: Atom): Set<string> => {
  const triples = new Set<string>();
  for (const resource of RESOURCES) {
    if (a.resource !== '*' && a.resource !== resource) continue;
    for (const instance of ['', ...INSTANCES]) {
      if (a.instance !== undefined && a.instance !== instance) continue;
      for (const action of ACTIONS) if (action === a.action || a.action === 'write') triples.add(`${resource}/${instance}/${action}`);
    }
  }
  return triples;
};
const covers = (granted: Atom, required: Atom): boolean => {
  const allowed = denotes(granted);
  return [...denotes(required)].every((t) => allowed.has(t));
};
const oracle = (t: Tree, grants: readonly Atom[]): boolean => {
  if ('atom' in t) return grants.some((g) => covers(g, t.atom));
  return t.op === 'AND' ? t.operands.every((o) => oracle(o, grants)) : t.operands.some((o) => oracle(o, grants));
};

/** Random spacing (at least one blank between words) and redundant parentheses; an OR inside an AND needs them. */
const print = (t: Tree, parenthesize: boolean, blanks: () => string, redundant: () => boolean): string => {
  if ('atom' in t) return parenthesize || redundant() ? `(${blanks()}${atomText(t.atom)}${blanks()})` : atomText(t.atom);
  const text = t.operands.map((o) => print(o, t.op === 'AND' && 'op' in o && o.op === 'OR', blanks, redundant)).join(` ${blanks()}${t.op}${blanks()} `);
  return parenthesize || redundant() ? `(${blanks()}${text}${blanks()})` : text;
};

const printed = fc
  .record({ tree: trees, blanks: fc.infiniteStream(fc.constantFrom('', ' ', '\t', '\n', '  ')), redundant: fc.infiniteStream(fc.boolean()) })
  .filter(({ tree }) => leaves(tree) <= MAX_REQUIRED_PERMISSIONS)
  .map(({ tree, blanks, redundant }) => {
    const b = blanks[Symbol.iterator]();
    const r = redundant[Symbol.iterator]();
    // Redundant parentheses on one level in four, so the deepest tree stays within the limit.
    return { tree, text: print(tree, false, () => b.next().value as string, () => r.next().value === true && r.next().value === true) };
  });

const grantSets = fc.array(atoms, { maxLength: 6 });

describe('permission queries (property)', () => {
  it('parse and evaluate as the oracle evaluates the tree', () => {
    fc.assert(
      fc.property(printed, grantSets, ({ tree, text }, grants) => {
        const query = parsePermissionQuery(text);
        expect(query).toBeDefined();
        expect(holdsQuery(grants.map(atomText).map(permission), query ?? [])).toBe(oracle(tree, grants));
      }),
      { numRuns: 3_000 },
    );
  });

  it('print back to text that parses to the same query', () => {
    fc.assert(
      fc.property(printed, ({ text }) => {
        const query = parsePermissionQuery(text) ?? [];
        expect(parsePermissionQuery(formatPermissionQuery(query))).toEqual(query);
        expect(parsePermissionQuery(requirementOf(query))).toEqual(query);
      }),
      { numRuns: 1_000 },
    );
  });

  it('a list is the AND of its permissions, the same as the query joining them with AND', () => {
    fc.assert(
      fc.property(fc.array(atoms, { maxLength: 8 }), grantSets, (required, grants) => {
        const list = parsePermissionQuery(required.map(atomText));
        expect(holdsQuery(grants.map(atomText).map(permission), list ?? [])).toBe(required.every((a) => oracle({ atom: a }, grants)));
        if (required.length) expect(parsePermissionQuery(required.map(atomText).join(' AND '))).toEqual(list);
      }),
      { numRuns: 1_000 },
    );
  });

  it('takes parentheses nested up to the depth limit, and refuses deeper', () => {
    const depthOf = (text: string): number => {
      let depth = 0;
      let deepest = 0;
      for (const c of text) deepest = Math.max(deepest, (depth += c === '(' ? 1 : c === ')' ? -1 : 0));
      return deepest;
    };
    fc.assert(
      fc.property(printed, fc.nat({ max: MAX_PERMISSION_QUERY_DEPTH }), ({ text }, extra) => {
        const wrapped = `${'('.repeat(extra)}${text}${')'.repeat(extra)}`;
        expect(parsePermissionQuery(wrapped) !== undefined).toBe(depthOf(wrapped) <= MAX_PERMISSION_QUERY_DEPTH);
      }),
      { numRuns: 1_000 },
    );
  });

  it('one stray parenthesis or operator makes any query MALFORMED', () => {
    const strays = fc.constantFrom('(', ')', ' AND ', ' OR ');
    fc.assert(
      fc.property(printed, strays, fc.nat(), ({ text }, stray, at) => {
        const i = at % (text.length + 1);
        expect(parsePermissionQuery(text.slice(0, i) + stray + text.slice(i))).toBeUndefined();
      }),
      { numRuns: 2_000 },
    );
  });

  it('never throws, whatever the string', () => {
    const alphabet = fc.constantFrom('(', ')', ' ', 'AND', 'OR', 'and', 'calls:read', '*:write', 'workflows/wf_1:read', ':', '/', '\u00a0', '🔑');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join('')), (text) => {
        const query = parsePermissionQuery(text);
        if (query !== undefined) expect(parsePermissionQuery(formatPermissionQuery(query))).toEqual(query);
      }),
      { numRuns: 3_000 },
    );
  });
});
