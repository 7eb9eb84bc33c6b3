import { identityChanged, identityCreated, identityDeleted, indexedKey, indexOf, keyCreated } from '../testing/verifier-events';
import { MalformedEventError } from './index-event.parser';

/** Identities in the index: live ones by id, each replaced whole by a change, within its workspace. */
describe('KeyIndex: identities', () => {
  const limit = { name: 'requests', limit: 5, windowSeconds: 60, autoApply: true };

  it('gives a key its identity, replaced by each change, and a key’s limit of the same name overrides the identity’s', () => {
    const key = keyCreated({ identityId: 'idn_1', ratelimits: [{ ...limit, limit: 9 }] });
    const index = indexOf(identityCreated('idn_1', { ratelimits: [limit, { ...limit, name: 'daily' }] }), key.event);
    const before = indexedKey(index, key.secret);
    expect(before?.ratelimits.map((l) => [l.name, l.limit, l.counterId])).toEqual([
      ['requests', 9, `${key.keyId}.requests`],
      ['daily', 5, 'idn_1.daily'],
    ]);
    // The merged list is made once per identity state, not per verify.
    expect(indexedKey(index, key.secret)?.ratelimits).toBe(before?.ratelimits);
    index.apply(identityChanged('idn_1', { externalId: 'renamed' }));
    const after = indexedKey(index, key.secret);
    expect(after?.identity).not.toBe(before?.identity);
    expect(after?.identity?.answer).toEqual({ id: 'idn_1', externalId: 'renamed', meta: {} });
  });

  it('ignores a change or a deletion that names another workspace, and refuses a second creation', () => {
    const key = keyCreated({ identityId: 'idn_1' });
    const index = indexOf(identityCreated('idn_1'), key.event);
    index.apply(identityChanged('idn_1', { workspaceId: 'ws_other', meta: { stolen: true } }));
    index.apply(identityDeleted('idn_1', 'ws_other'));
    expect(indexedKey(index, key.secret)).toMatchObject({ disabled: false, identity: { answer: { meta: {} } } });
    expect(() => index.apply(identityCreated('idn_1'))).toThrow(MalformedEventError);
  });

  it('a change to an identity never seen changes nothing', () => {
    const key = keyCreated({ identityId: 'idn_1' });
    const index = indexOf(key.event, identityChanged('idn_1', { meta: { a: 1 } }));
    expect(indexedKey(index, key.secret)).toMatchObject({ disabled: true, identity: null });
  });
});
