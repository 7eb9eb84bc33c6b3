import { askOf, indexOf, planChanged, restrictedKey, roleChanged, roleCreated, shared, workspaceCreated } from '../testing/verifier-events';
import { encodeVerifyAnswer } from './verify-answer.encoding';

/** A key's VALID answer is made once and given again, until anything in it changes. */
describe('answerVerify: described answers kept per key', () => {
  const setup = () => {
    const key = restrictedKey(['role_a'], {}, 'ws_a');
    const index = indexOf(workspaceCreated('ws_a', 'enterprise'), roleCreated('role_a', ['calls:read'], 'ws_a'), key.event);
    return { key, index, ask: askOf(index) };
  };

  it('gives the same answer and the same bytes to the same key, and the bytes are its JSON', () => {
    const { key, ask } = setup();
    const first = ask({ key: key.secret });
    expect(ask({ key: key.secret })).toBe(first);
    expect(encodeVerifyAnswer(first)).toBe(encodeVerifyAnswer(ask({ key: key.secret })));
    expect(Buffer.from(encodeVerifyAnswer(first)).toString('utf8')).toBe(JSON.stringify(first));
  });

  it('keeps VALID and INSUFFICIENT_PERMISSIONS apart for one key', () => {
    const { key, ask } = setup();
    expect(ask({ key: key.secret, require: 'calls:read' })).toMatchObject({ valid: true, code: 'VALID' });
    expect(ask({ key: key.secret, require: 'calls:write' })).toMatchObject({ valid: false, code: 'INSUFFICIENT_PERMISSIONS' });
    expect(ask({ key: key.secret, require: 'calls:read' })).toMatchObject({ valid: true, code: 'VALID' });
  });

  it('answers anew when a held role changes', () => {
    const { key, index, ask } = setup();
    const before = ask({ key: key.secret });
    index.apply(roleChanged('role_a', ['calls:write'], 'ws_a'));
    const after = ask({ key: key.secret });
    expect(after).not.toBe(before);
    expect(after.permissions).toEqual(['calls:write']);
    expect(Buffer.from(encodeVerifyAnswer(after)).toString('utf8')).toBe(JSON.stringify(after));
  });

  it('answers anew when the key is shared a resource or its workspace changes plan', () => {
    const { key, index, ask } = setup();
    ask({ key: key.secret });
    index.apply(shared(key.keyId, { resource: 'workflows', resourceId: 'wf_1', access: 'read' }));
    expect([...(ask({ key: key.secret }).permissions ?? [])].sort()).toEqual(['calls:read', 'workflows/wf_1:read']);
    const shares = ask({ key: key.secret });
    index.apply(planChanged('ws_a', 'pro'));
    expect(ask({ key: key.secret })).not.toBe(shares);
    expect(ask({ key: key.secret })).toMatchObject({ code: 'VALID', roles: [] });
    index.apply(planChanged('ws_a', 'free'));
    expect(ask({ key: key.secret })).toMatchObject({ valid: false, code: 'PLAN_UPGRADE_REQUIRED' });
  });
});
