import { api } from '../../api/client';
import { ApiError, messageOf, unwrap } from '../../api/api-error';
import { useLoad } from '../../ui/use-load';
import { formatCount, formatTime } from '../../ui/format';
import { formatCredits, formatMeta, formatNamedLimit } from './key-fields.format';
import type { components } from '../../api/schema.generated';
import { can, type Principal } from '../../session/principal';
import { UsageChart } from '../usage-chart';

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

type Key = components['schemas']['KeyView'];

/** What the edit dialog sets, as it stands (verify enforces each), and what the key carries into verify's answer. */
const KeyLimits = ({ apiKey }: { apiKey: Key }) => (
  <dl className="limits">
    <dt>State</dt>
    <dd>{apiKey.enabled ? 'Enabled' : <><span className="badge disabled">Disabled</span> verify answers DISABLED until it is enabled</>}</dd>
    <dt>Rate limit</dt>
    <dd>{apiKey.ratelimit ? `${formatCount(apiKey.ratelimit.limit)} valid verifications per ${formatCount(apiKey.ratelimit.windowSeconds)} s` : 'None'}</dd>
    <dt>IP allowlist</dt>
    <dd>{apiKey.ipAllowlist.length > 0 ? apiKey.ipAllowlist.map((entry) => <code key={entry}>{entry} </code>) : 'Any address'}</dd>
    <dt>Credits</dt>
    <dd>{apiKey.credits ? formatCredits(apiKey.credits) : apiKey.identityId ? "None of its own: its identity's, if any" : 'Unlimited'}</dd>
    <dt>Named limits</dt>
    <dd>
      {apiKey.ratelimits.length > 0 ? (
        <ul className="named-limits">
          {apiKey.ratelimits.map((limit) => (
            <li key={limit.name}>
              <code>{limit.name}</code>: {formatNamedLimit(limit)}
            </li>
          ))}
        </ul>
      ) : (
        'None'
      )}
    </dd>
    <dt>Identity</dt>
    <dd>{apiKey.identityId ? <code>{apiKey.identityId}</code> : 'None'}</dd>
    <dt>Metadata</dt>
    <dd>{Object.keys(apiKey.meta).length > 0 ? <pre className="meta" tabIndex={0} role="region" aria-label="Metadata">{formatMeta(apiKey.meta)}</pre> : 'None'}</dd>
  </dl>
);

/** Per key: its state, limits, credits, named limits, identity and metadata, its usage per day (a chart) and its history with actors (needs audit:read; the API refuses without). */
export const KeyDetails = ({ apiKey, principal }: { apiKey: Key; principal: Principal }) => (
  <div className="key-details">
    <KeyLimits apiKey={apiKey} />
    <section aria-label="Usage per day">
      <h3>Usage per day</h3>
      <KeyUsage keyId={apiKey.id} />
    </section>
    <section aria-label="History">
      <h3>History</h3>
      {can(principal, 'audit', 'read') ? <KeyHistory keyId={apiKey.id} /> : <p>Your key has no audit:read permission, so the history is not shown.</p>}
    </section>
  </div>
);
