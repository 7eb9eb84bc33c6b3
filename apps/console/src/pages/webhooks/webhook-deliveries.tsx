import { useId, useState } from 'react';
import { api } from '../../api/client';
import { messageOf, unwrap } from '../../api/api-error';
import type { components } from '../../api/schema.generated';
import { DataTable } from '../../ui/data-table';
import { formatTime } from '../../ui/format';
import { Pager } from '../../ui/pager';
import { useCursorTrail } from '../../ui/use-cursor-trail';
import { useLoad } from '../../ui/use-load';

type Webhook = components['schemas']['WebhookView'];
type Attempt = components['schemas']['WebhookAttempt'];

/** Deliveries a page: each row lists its tries, so a page stays short. */
const PAGE_SIZE = 20;

/** One try as recorded by the sender: when, what the endpoint answered (or that nothing came), how long, and why it failed. */
const AttemptLine = ({ attempt }: { attempt: Attempt }) => (
  <li>
    {formatTime(attempt.attemptedAt)}: {attempt.status === null ? 'no answer' : `HTTP ${attempt.status}`}, {attempt.durationMs} ms
    {attempt.error && <span className="form-error"> — {attempt.error}</span>}
  </li>
);

/** An endpoint's deliveries, newest first, each with its status, its tries and the next one planned; paged by cursor. */
export const WebhookDeliveries = ({ webhook }: { webhook: Webhook }) => {
  const titleId = useId();
  const [refreshes, setRefreshes] = useState(0);
  const paging = useCursorTrail(webhook.id);
  const page = useLoad(
    () => unwrap(api.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id: webhook.id }, query: { limit: PAGE_SIZE, cursor: paging.cursor ?? undefined } } })),
    JSON.stringify([webhook.id, paging.cursor, refreshes]),
  );
  const items = page.data?.items ?? [];
  const first = paging.pagesBefore * PAGE_SIZE;
  return (
    <section aria-labelledby={titleId}>
      <div className="page-head">
        <h3 id={titleId}>Deliveries to {webhook.url}</h3>
        <button type="button" onClick={() => setRefreshes((n) => n + 1)} disabled={page.loading}>
          Refresh
        </button>
      </div>
      {Boolean(page.error) && <p role="alert">{messageOf(page.error)}</p>}
      <DataTable label="Deliveries table" columns={['Event', 'Status', 'Created', 'Attempts', 'Next attempt']} busy={page.loading}>
        {items.map((delivery) => (
          <tr key={delivery.id}>
            <th scope="row">
              {delivery.eventType}
              <div>
                <code className="muted">{delivery.id}</code>
              </div>
            </th>
            <td>
              <span className={`badge ${delivery.status}`}>{delivery.status}</span>
              {delivery.deliveredAt && <div className="muted">{formatTime(delivery.deliveredAt)}</div>}
            </td>
            <td>{formatTime(delivery.createdAt)}</td>
            <td>
              {delivery.attempts.length === 0 ? (
                'None yet'
              ) : (
                <ol className="attempts">
                  {/* A delivery's attempts are only ever appended: their place is their identity. */}
                  {delivery.attempts.map((attempt, index) => (
                    <AttemptLine key={index} attempt={attempt} />
                  ))}
                </ol>
              )}
            </td>
            <td>{formatTime(delivery.nextAttemptAt)}</td>
          </tr>
        ))}
      </DataTable>
      <p className="muted" role="status">
        {page.loading ? 'Loading deliveries…' : items.length === 0 ? (paging.pagesBefore === 0 ? 'No delivery yet.' : '') : `Deliveries ${first + 1}–${first + items.length} shown${page.data?.nextCursor ? ', more on the next page' : ''}`}
      </p>
      <Pager label="Delivery pages" loading={page.loading} pagesBefore={paging.pagesBefore} nextCursor={page.data?.nextCursor} onPrevious={paging.previous} onNext={paging.next} />
    </section>
  );
};
