import { api } from '../../api/client';
import { ApiError, messageOf, unwrap } from '../../api/api-error';
import { useLoad } from '../../ui/use-load';
import { formatTime } from '../../ui/format';
import { can, type Principal } from '../../session/principal';
import { UsageChart } from './usage-chart';

const DAY = 86_400_000;
const USAGE_DAYS = 30;

const KeyUsage = ({ keyId }: { keyId: string }) => {
  const usage = useLoad(() => {
    const to = new Date();
    const from = new Date(to.getTime() - USAGE_DAYS * DAY);
    return unwrap(api.GET('/v1/keys/{id}/usage', { params: { path: { id: keyId }, query: { granularity: 'day', from: from.toISOString(), to: to.toISOString() } } }));
  }, keyId);
  if (usage.error) return <p role="alert">{messageOf(usage.error)}</p>;
  if (!usage.data) return <p>Loading usage…</p>;
  return usage.data.buckets.length === 0 ? <p>No verification in the last {USAGE_DAYS} days.</p> : <UsageChart buckets={usage.data.buckets} />;
};

const KeyHistory = ({ keyId }: { keyId: string }) => {
  const history = useLoad(() => unwrap(api.GET('/v1/keys/{id}/history', { params: { path: { id: keyId }, query: { limit: 50 } } })), keyId);
  if (history.error) return <p role="alert">{history.error instanceof ApiError && history.error.status === 403 ? 'Your key has no audit:read permission, so the history is not shown.' : messageOf(history.error)}</p>;
  if (!history.data) return <p>Loading history…</p>;
  return (
    <ol className="history">
      {history.data.items.map((event) => (
        <li key={event.position}>
          <strong>{event.type}</strong> {formatTime(event.metadata.occurredAt)} by <code>{event.metadata.actor}</code>
          {event.metadata.sourceIp && <> from {event.metadata.sourceIp}</>}
        </li>
      ))}
    </ol>
  );
};

/** Per key: its usage per day (a chart) and its history with actors (needs audit:read; the API refuses without). */
export const KeyDetails = ({ keyId, principal }: { keyId: string; principal: Principal }) => (
  <div className="key-details">
    <section aria-label="Usage per day">
      <h3>Usage per day</h3>
      <KeyUsage keyId={keyId} />
    </section>
    <section aria-label="History">
      <h3>History</h3>
      {can(principal, 'audit', 'read') ? <KeyHistory keyId={keyId} /> : <p>Your key has no audit:read permission, so the history is not shown.</p>}
    </section>
  </div>
);
