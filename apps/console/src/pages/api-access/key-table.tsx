import { Fragment, useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { messageOf, unwrap } from '../../api/api-error';
import type { components } from '../../api/schema.generated';
import { can, type Principal } from '../../session/principal';
import { ConfirmDialog } from '../../ui/confirm.dialog';
import { Select } from '../../ui/select';
import { formatCount, formatTime } from '../../ui/format';
import { useDebounced } from '../../ui/use-debounced';
import { KeyDetails } from './key-details';
import { RotateKeyDialog } from './rotate-key.dialog';
import { EditKeyDialog } from './edit-key.dialog';
import { SetEnabledDialog } from './set-enabled.dialog';
import { DataTable } from '../../ui/data-table';
import { Pager } from '../../ui/pager';
import { keySearchTerm } from './key-search';
import { useCursorTrail } from '../../ui/use-cursor-trail';

type Key = components['schemas']['KeyView'];
type Status = Key['status'];
type Environment = Key['environment'];

/** One page of the server's cursor paging: the DOM holds 50 rows however many keys there are. */
const PAGE_SIZE = 50;

const STATUSES = [
  { value: '', label: 'Any status' },
  { value: 'active', label: 'Active' },
  { value: 'expired', label: 'Expired' },
  { value: 'revoked', label: 'Revoked' },
] as const;
const ENVIRONMENTS = [
  { value: '', label: 'Any environment' },
  { value: 'live', label: 'Live' },
  { value: 'test', label: 'Test' },
] as const;

const asStatus = (value: string): Status | undefined => STATUSES.find((s) => s.value === value && value !== '')?.value as Status | undefined;
const asEnvironment = (value: string): Environment | undefined => (value === 'live' || value === 'test' ? value : undefined);

type Action = { kind: 'edit' | 'rotate' | 'revoke' | 'delete' | 'disable' | 'enable'; key: Key };

interface KeyTableProps {
  principal: Principal;
  /** Bumped by the page after a create, to load the first page again. */
  version: number;
  onSecret: (title: string, secret: string) => void;
}

export const KeyTable = ({ principal, version, onSecret }: KeyTableProps) => {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const [environment, setEnvironment] = useState('');
  const [items, setItems] = useState<Key[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [open, setOpen] = useState<string | null>(null);
  const [action, setAction] = useState<Action | null>(null);
  const [reloads, setReloads] = useState(0);
  const query = useDebounced(keySearchTerm(search), 250);
  const writable = can(principal, 'api_keys', 'write');
  // Other filters, or a new key, start again at the first page.
  const paging = useCursorTrail(JSON.stringify([query, status, environment, version]));
  const { cursor } = paging;

  const page = useCallback(
    (after: string | null | undefined) =>
      unwrap(api.GET('/v1/keys', { params: { query: { limit: PAGE_SIZE, search: query || undefined, status: asStatus(status), environment: asEnvironment(environment), cursor: after ?? undefined } } })),
    [query, status, environment],
  );

  useEffect(() => {
    let current = true;
    setLoading(true);
    page(cursor).then(
      (answer) => {
        if (!current) return;
        setItems(answer.items);
        setNextCursor(answer.nextCursor);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [page, cursor, version, reloads]);

  const first = paging.pagesBefore * PAGE_SIZE;
  const done = () => {
    setAction(null);
    setReloads((n) => n + 1);
  };

  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">Keys</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="key-search">Search keys</label>
          <input id="key-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name or prefix" />
        </div>
        <Select label="Status" options={STATUSES} value={status} onChange={(e) => setStatus(e.target.value)} />
        <Select label="Environment" options={ENVIRONMENTS} value={environment} onChange={(e) => setEnvironment(e.target.value)} />
      </div>
      {Boolean(error) && <p role="alert">{messageOf(error)}</p>}
      <DataTable label="Keys table" columns={['Name', 'Key', 'Created', 'Usage', 'Last used', 'Expires', 'Status', 'Access', 'Actions']} busy={loading}>
        {items.map((key) => (
          <Fragment key={key.id}>
            <tr data-key-id={key.id}>
              <th scope="row">{key.name}</th>
              <td>
                <code>{key.maskedKey}</code>
                <span className="muted"> {key.environment}</span>
              </td>
              <td>{formatTime(key.createdAt)}</td>
              <td>{formatCount(key.usageCount)}</td>
              <td>{formatTime(key.lastUsedAt, 'Never')}</td>
              <td>
                {formatTime(key.expiresAt, 'Never')}
                {key.expiresSoon && <span className="badge warn">Expires soon</span>}
              </td>
              <td>
                <span className={`badge ${key.status}`}>{key.status}</span>
                {!key.enabled && <span className="badge disabled">Disabled</span>}
                {key.stale && <span className="badge warn">Stale</span>}
              </td>
              <td>{key.restricted ? 'Restricted' : 'Full access'}</td>
              <td className="row-actions">
                <button type="button" aria-expanded={open === key.id} onClick={() => setOpen(open === key.id ? null : key.id)}>
                  Details
                </button>
                {writable && key.status !== 'revoked' && (
                  <button type="button" onClick={() => setAction({ kind: 'edit', key })}>
                    Edit
                  </button>
                )}
                {writable && key.status === 'active' && (
                  <button type="button" onClick={() => setAction({ kind: 'rotate', key })}>
                    Rotate
                  </button>
                )}
                {writable && key.status !== 'revoked' && (
                  <button type="button" onClick={() => setAction({ kind: key.enabled ? 'disable' : 'enable', key })}>
                    {key.enabled ? 'Disable' : 'Enable'}
                  </button>
                )}
                {writable && key.status !== 'revoked' && (
                  <button type="button" onClick={() => setAction({ kind: 'revoke', key })}>
                    Revoke
                  </button>
                )}
                {writable && (
                  <button type="button" className="danger" onClick={() => setAction({ kind: 'delete', key })}>
                    Delete
                  </button>
                )}
              </td>
            </tr>
            {open === key.id && (
              <tr className="details-row">
                <td colSpan={9}>
                  <KeyDetails apiKey={key} principal={principal} />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </DataTable>
      {!loading && items.length === 0 && !error && <p>No key matches.</p>}
      <p className="muted" role="status">
        {loading ? 'Loading keys…' : items.length === 0 ? '' : `Keys ${first + 1}–${first + items.length} shown${nextCursor ? ', more on the next page' : ''}`}
      </p>
      <Pager label="Key pages" loading={loading} pagesBefore={paging.pagesBefore} nextCursor={nextCursor} onPrevious={paging.previous} onNext={paging.next} />
      {action?.kind === 'edit' && <EditKeyDialog apiKey={action.key} onClose={() => setAction(null)} onSaved={done} />}
      {action?.kind === 'rotate' && (
        <RotateKeyDialog
          keyId={action.key.id}
          name={action.key.name}
          onClose={() => setAction(null)}
          onRotated={(secret) => {
            done();
            onSecret('Key rotated', secret);
          }}
        />
      )}
      {action?.kind === 'revoke' && (
        <ConfirmDialog action="Revoke key" danger onClose={() => setAction(null)} onConfirm={async () => {
          await unwrap(api.POST('/v1/keys/{id}/revoke', { params: { path: { id: action.key.id } }, body: {} }));
          done();
        }}>
          <p>
            <strong>{action.key.name}</strong> stops working at once. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
      {(action?.kind === 'disable' || action?.kind === 'enable') && <SetEnabledDialog apiKey={action.key} onClose={() => setAction(null)} onDone={done} />}
      {action?.kind === 'delete' && (
        <ConfirmDialog action="Delete key" danger onClose={() => setAction(null)} onConfirm={async () => {
          await unwrap(api.DELETE('/v1/keys/{id}', { params: { path: { id: action.key.id } } }));
          done();
        }}>
          <p>
            <strong>{action.key.name}</strong> is revoked and removed from this table; its history stays in the audit log.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
};
