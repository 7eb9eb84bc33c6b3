import type { AuditEventPage, ChainReport } from '@keyward/contracts';
import { cell, fields, table } from '../output/table';

/** Events as people read them: the data and full hash are in `--json`. */
export const eventTable = (page: AuditEventPage): string => {
  const rows = page.items.map((e) => [e.position, e.metadata.occurredAt, e.type, e.streamId, e.metadata.actor, cell(e.metadata.sourceIp), e.hash ? `${e.hash.slice(0, 12)}…` : '-']);
  const more = page.nextCursor === null ? '' : `\nmore: --after ${page.nextCursor} (or --all)`;
  return `${table(['position', 'occurred', 'type', 'stream', 'actor', 'source ip', 'hash'], rows)}${more}`;
};

/** The chain check (product.md 9.6): the head an auditor keeps elsewhere, or where the history departs from it. */
export const chainFields = (report: ChainReport): string =>
  fields([
    ['ok', report.ok ? 'yes' : 'NO'],
    ['checked', String(report.checked)],
    ['head position', cell(report.head?.position)],
    ['head hash', cell(report.head?.hash)],
    ...(report.ok ? [] : ([['first bad position', cell(report.firstBadPosition)], ['reason', cell(report.reason)]] as const)),
  ]);
