import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { messageOf, unwrap } from '../../api/api-error';
import type { components } from '../../api/schema.generated';
import { usePrincipal } from '../../session/session.context';
import { Field } from '../../ui/field';
import { formatTime, localInputToIso } from '../../ui/format';
import { useLoad } from '../../ui/use-load';
import { DataTable } from '../../ui/data-table';

type AuditEvent = components['schemas']['AuditEvent'];
type ChainReport = components['schemas']['ChainReport'];
interface Filters {
  type: string;
  actor: string;
  stream: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { type: '', actor: '', stream: '', from: '', to: '' };

const ChainCheck = () => {
  const [report, setReport] = useState<ChainReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const check = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await unwrap(api.GET('/v1/audit/chain')));
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  };
  return (
    <section aria-labelledby="chain-title" className="card">
      <h2 id="chain-title">Hash chain</h2>
      <button type="button" onClick={check} disabled={busy}>
        Check chain
      </button>
      <div role="status">
        {busy && 'Checking…'}
        {report &&
          (report.ok ? (
            <p>
              Intact: {report.checked} events checked. Head {report.head ? <code>{report.head.hash}</code> : 'none'}.
            </p>
          ) : (
            <p className="form-error">
              Broken at position {report.firstBadPosition}: an event was {report.reason}.
            </p>
          ))}
      </div>
      {Boolean(error) && <p role="alert">{messageOf(error)}</p>}
    </section>
  );
};

/** The events in global order with their metadata (needs audit:read), filtered, paged; the chain check for the root key. */
export const AuditPage = () => {
  const principal = usePrincipal();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [after, setAfter] = useState<string[]>([]);
  const events = useLoad(async () => {
    const query = { type: filters.type || undefined, actor: filters.actor || undefined, stream: filters.stream || undefined, from: localInputToIso(filters.from), to: localInputToIso(filters.to), limit: 50 };
    const items: AuditEvent[] = [];
    let next: string | null = null;
    for (const cursor of [undefined, ...after]) {
      const page = await unwrap(api.GET('/v1/audit/events', { params: { query: { ...query, after: cursor } } }));
      items.push(...page.items);
      next = page.nextCursor;
    }
    return { items, next };
  }, JSON.stringify([filters, after]));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setAfter([]);
    setFilters(draft);
  };
  const set = (field: keyof Filters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [field]: e.target.value }));
  return (
    <>
      <h1>Audit</h1>
      {principal.root && <ChainCheck />}
      <form className="filters" onSubmit={apply}>
        <Field label="Event type" value={draft.type} onChange={set('type')} placeholder="KeyCreated" />
        <Field label="Actor" value={draft.actor} onChange={set('actor')} />
        <Field label="Stream" value={draft.stream} onChange={set('stream')} />
        <Field label="From" type="datetime-local" value={draft.from} onChange={set('from')} />
        <Field label="To" type="datetime-local" value={draft.to} onChange={set('to')} />
        <button type="submit">Apply filters</button>
      </form>
      {Boolean(events.error) && <p role="alert">{messageOf(events.error)}</p>}
      <DataTable label="Audit events table" columns={['Position', 'Time', 'Event', 'Stream', 'Actor', 'Source']}>
        {events.data?.items.map((event) => (
          <tr key={event.position}>
            <td>{event.position}</td>
            <td>{formatTime(event.metadata.occurredAt)}</td>
            <th scope="row">{event.type}</th>
            <td>
              <code>{event.streamId}</code>
            </td>
            <td>
              <code>{event.metadata.actor}</code>
            </td>
            <td>{event.metadata.sourceIp ?? ''}</td>
          </tr>
        ))}
      </DataTable>
      {events.data?.next && (
        <button type="button" onClick={() => setAfter((a) => [...a, events.data?.next ?? ''])}>
          Load more
        </button>
      )}
    </>
  );
};
