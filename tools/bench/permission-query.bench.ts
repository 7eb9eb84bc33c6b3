import { keySecretDigest, parsePermission, parsePermissionQuery, holdsQuery, type Permission } from '@keyward/domain';
import { PermissionQueryCache } from '@keyward/key-index';
import { median } from './median';
import { SIX_TERM_QUERY as QUERY_6 } from './six-term-query';

/**
 * `npm run bench:query`: the CPU a verify spends on its `require`, in one process, no servers:
 * parsing a query, the verifier's cache of parsed queries, evaluating one, and the key's HMAC
 * beside them for scale. Median of 5 runs of 10^6 calls each, after a warm-up.
 */
const CALLS = 1_000_000;
const RUNS = 5;

const nsPerCall = (call: () => unknown): number => {
  for (let i = 0; i < CALLS / 5; i++) call();
  const runs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < CALLS; i++) call();
    runs.push(Number(process.hrtime.bigint() - started) / CALLS);
  }
  return median(runs);
};

const main = (): void => {
  const star = parsePermission('*:write');
  if (!star) throw new Error('*:write is not a permission');
  const grants: readonly Permission[] = [star];
  const query = parsePermissionQuery(QUERY_6) ?? [];
  const cache = new PermissionQueryCache();
  const distinct = Array.from({ length: 1_000 }, (_, i) => `calls:read OR workflows/wf_${i}:read`);
  let next = 0;
  const rows: [string, () => unknown][] = [
    ['HMAC of the key (keySecretDigest), for scale', () => keySecretDigest(Buffer.alloc(32, 7), `kw_live_${'A'.repeat(38)}`)],
    ['parse "calls:read"', () => parsePermissionQuery('calls:read')],
    ['parse the 6-permission query', () => parsePermissionQuery(QUERY_6)],
    ['cache hit, 6-permission query', () => cache.parse(QUERY_6)],
    ['cache, 1,000 distinct queries in turn (all misses)', () => cache.parse(distinct[next++ % distinct.length])],
    ['parse, the same 1,000 distinct queries', () => parsePermissionQuery(distinct[next++ % distinct.length])],
    ['evaluate the 6-permission query', () => holdsQuery(grants, query)],
  ];
  console.log(`each: median of ${RUNS} runs of ${CALLS} calls (shared machine: compare rows, not machines)`);
  for (const [label, call] of rows) console.log(`  ${label.padEnd(52)} ${nsPerCall(call).toFixed(0).padStart(6)} ns`);
};

main();
