import { useState } from 'react';
import { api } from '../../api/client';
import { messageOf, unwrap } from '../../api/api-error';
import { usePrincipal } from '../../session/session.context';
import { can } from '../../session/principal';
import { DataTable } from '../../ui/data-table';
import { formatCount } from '../../ui/format';
import { Select } from '../../ui/select';
import { useLoad } from '../../ui/use-load';
import { UsageChart } from '../usage-chart';
import { totalsOf } from '../usage-totals';
import { nameOf, useKeyNames } from '../use-key-names';

const DAY = 86_400_000;
const RANGES = [
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
  { value: '365', label: 'Last 365 days' },
] as const;

/** The workspace's verify answers per day (`GET /v1/usage`): a chart, the totals, denials by reason and the busiest keys. */
export const UsagePage = () => {
  const principal = usePrincipal();
  const readable = can(principal, 'api_keys', 'read');
  const [days, setDays] = useState('30');
  const usage = useLoad(() => {
    if (!readable) return Promise.resolve(undefined);
    const to = new Date();
    return unwrap(api.GET('/v1/usage', { params: { query: { granularity: 'day', from: new Date(to.getTime() - Number(days) * DAY).toISOString(), to: to.toISOString() } } }));
  }, days);
  const names = useKeyNames(usage.data?.topKeys.map((k) => k.keyId) ?? [], readable);
  const totals = totalsOf(usage.data?.buckets ?? []);
  return (
    <>
      <h1>Usage</h1>
      <p className="muted">Every verify answer for a key of this workspace: valid, or denied with its reason. Counted within a second or two.</p>
      {!readable ? (
        <p>Your key has no api_keys:read permission, so usage is not shown.</p>
      ) : (
        <>
          <div className="filters">
            <Select label="Range" options={RANGES} value={days} onChange={(e) => setDays(e.target.value)} />
          </div>
          {Boolean(usage.error) && <p role="alert">{messageOf(usage.error)}</p>}
          {usage.data && (
            <>
              <p role="status">
                {formatCount(totals.valid)} valid and {formatCount(totals.denied)} denied verifications over the last {days} days.
              </p>
              <section aria-labelledby="usage-chart-title">
                <h2 id="usage-chart-title">Verifications per day</h2>
                <UsageChart buckets={usage.data.buckets} />
              </section>
              <div className="usage-tables">
                <section aria-labelledby="top-keys-title">
                  <h2 id="top-keys-title">Busiest keys</h2>
                  {usage.data.topKeys.length === 0 ? (
                    <p>No key was verified in this range.</p>
                  ) : (
                    <DataTable label="Busiest keys table" columns={['Key', 'Valid', 'Denied']}>
                      {usage.data.topKeys.map((key) => (
                        <tr key={key.keyId}>
                          <th scope="row">{nameOf(names, key.keyId)}</th>
                          <td>{formatCount(key.valid)}</td>
                          <td>{formatCount(key.denied)}</td>
                        </tr>
                      ))}
                    </DataTable>
                  )}
                </section>
                <section aria-labelledby="denials-title">
                  <h2 id="denials-title">Denials by reason</h2>
                  {totals.byCode.length === 0 ? (
                    <p>No denial in this range.</p>
                  ) : (
                    <DataTable label="Denials by reason table" columns={['Reason', 'Answers']}>
                      {totals.byCode.map(([code, n]) => (
                        <tr key={code}>
                          <th scope="row">
                            <code>{code}</code>
                          </th>
                          <td>{formatCount(n)}</td>
                        </tr>
                      ))}
                    </DataTable>
                  )}
                </section>
              </div>
            </>
          )}
        </>
      )}
    </>
  );
};
