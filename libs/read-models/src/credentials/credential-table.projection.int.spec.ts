import { credentialStreamId, type CredentialEvent, type CredentialStored } from '@keyward/contracts';
import { credentialView } from './credential-view.mapping';
import { CredentialQueries } from './credential.queries';
import { CredentialStateQueries } from './credential-state.queries';
import { projectedHistory } from '../testing/projected-history.fixture';
import { rebuildDatabases } from '../testing/rebuild.fixture';

jest.setTimeout(30_000);

const metadata = { workspaceId: 'ws_1', actor: 'key_owner', correlationId: 'c', causationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 };
const SEALED = { nonce: 'bm9uY2U', ciphertext: 'Y2lwaGVydGV4dA', tag: 'dGFn' };

const stored = (credentialId: string, over: Partial<CredentialStored['data']> = {}): CredentialStored => ({
  type: 'CredentialStored',
  data: {
    credentialId,
    workspaceId: 'ws_1',
    service: 'stripe',
    name: credentialId,
    location: 'header',
    parameterName: 'X-API-Key',
    allowedHosts: ['api.stripe.com'],
    ownerKeyId: 'key_owner',
    sharedWith: { keys: [], roles: [] },
    sealedValue: SEALED,
    lastFour: 'wxyz',
    storedAt: '2026-01-01T00:00:01.000Z',
    ...over,
  },
});
const principal = (kind: 'key' | 'role', id: string) => ({ credentialId: 'cred_edited', workspaceId: 'ws_1', principal: { kind, id } });

const HISTORY: Record<string, CredentialEvent[]> = {
  cred_edited: [
    stored('cred_edited'),
    { type: 'CredentialChanged', data: { credentialId: 'cred_edited', workspaceId: 'ws_1', name: 'renamed', location: 'bearer', parameterName: 'Authorization', allowedHosts: ['a.example', 'b.example'], changedAt: '2026-01-02T00:00:00.000Z' } },
    { type: 'CredentialValueRotated', data: { credentialId: 'cred_edited', workspaceId: 'ws_1', sealedValue: SEALED, lastFour: 'abcd', rotatedAt: '2026-01-03T00:00:00.000Z' } },
    { type: 'CredentialShared', data: principal('key', 'key_b') },
    { type: 'CredentialShared', data: principal('role', 'read-only') },
    { type: 'CredentialShared', data: principal('key', 'key_c') },
    { type: 'CredentialUnshared', data: principal('key', 'key_b') },
  ],
  cred_other_service: [stored('cred_other_service', { service: 'github', storedAt: '2026-01-01T00:00:02.000Z', sharedWith: { keys: ['key_b'], roles: [] } })],
  cred_deleted: [stored('cred_deleted'), { type: 'CredentialDeleted', data: { credentialId: 'cred_deleted', workspaceId: 'ws_1', deletedAt: '2026-01-04T00:00:00.000Z' } }],
  cred_foreign: [stored('cred_foreign', { workspaceId: 'ws_2' })],
};

const fill = async (store: { appendToStream: (id: string, events: never[], options: { expectedVersion: 'any' }) => Promise<unknown> }): Promise<void> => {
  for (const [id, events] of Object.entries(HISTORY)) {
    await store.appendToStream(credentialStreamId(id), events.map((e) => ({ ...e, metadata: { ...metadata, workspaceId: e.data.workspaceId } })) as never[], { expectedVersion: 'any' });
  }
};

describe('the credential table', () => {
  const history = projectedHistory('credential_table', fill);

  it('shows each live credential as its own history folds it, never with its sealed value', async () => {
    const table = new CredentialQueries(history.dataSource);
    const state = new CredentialStateQueries(history.store);
    for (const id of ['cred_edited', 'cred_other_service']) {
      const folded = await state.get('ws_1', id);
      expect(folded).toBeDefined();
      expect(await table.get('ws_1', id)).toEqual(folded && credentialView(folded));
    }
    expect(await table.get('ws_1', 'cred_edited')).toMatchObject({
      name: 'renamed',
      location: 'bearer',
      parameterName: 'Authorization',
      allowedHosts: ['a.example', 'b.example'],
      sharedWith: { keys: ['key_c'], roles: ['read-only'] },
      lastFour: 'abcd',
      rotatedAt: '2026-01-03T00:00:00.000Z',
    });
    const rows: { row: string }[] = await history.dataSource.query(`SELECT row_to_json(c)::text AS row FROM credentials c`);
    expect(rows.map((r) => r.row).join()).not.toContain(SEALED.ciphertext);
  });

  it('lists a workspace’s credentials in order of creation, by service when asked; deleted and foreign ones are unknown', async () => {
    const table = new CredentialQueries(history.dataSource);
    expect((await table.list('ws_1')).map((c) => c.id)).toEqual(['cred_edited', 'cred_other_service']);
    expect((await table.list('ws_1', 'github')).map((c) => c.id)).toEqual(['cred_other_service']);
    expect(await table.list('ws_1', 'GitHub')).toEqual([]);
    expect(await table.get('ws_1', 'cred_deleted')).toBeUndefined();
    expect(await table.get('ws_1', 'cred_foreign')).toBeUndefined();
    expect(await new CredentialStateQueries(history.store).get('ws_1', 'cred_deleted')).toBeUndefined();
    expect(await new CredentialStateQueries(history.store).get('ws_1', 'cred_foreign')).toBeUndefined();
  });
});

describe('a rebuild of the read models with a deleted credential', () => {
  const rebuild = rebuildDatabases(fill);

  it('gives the same credential table as the first build', async () => {
    const { sources } = await rebuild.projectTwice();
    const [first, second] = await Promise.all(sources.map((s) => s.query(`SELECT row_to_json(c)::text AS row FROM credentials c ORDER BY id`)));
    expect(second).toEqual(first);
    expect((first as { row: string }[]).map((r) => JSON.parse(r.row).id)).toEqual(['cred_edited', 'cred_foreign', 'cred_other_service']);
  });
});
