import { ErrorCodes } from '@keyward/contracts';
import { lastFourOf } from '@keyward/domain';
import { ROOT_CONTEXT as context, refusal } from '../testing/command-payload.fixtures';
import { parseRotateCredentialValue } from './credential-payload';

const credentialId = 'cred_aaaaaaaaaaaaaaaaaaaaaaaa';
const sealedValue = { nonce: 'bm9uY2Vub25jZQ', ciphertext: 'Y2lwaGVy', tag: 'dGFndGFndGFndGFn' };

describe('credential command payloads', () => {
  it("take the gateway's lastFour of a value ending in emoji (4 code points, 8 UTF-16 units)", () => {
    const lastFour = lastFourOf(`sk_live_${'😀'.repeat(4)}`);
    expect(lastFour).toHaveLength(8);
    expect(parseRotateCredentialValue({ context, credentialId, sealedValue, lastFour })).toEqual({ context, credentialId, sealedValue, lastFour });
  });

  it.each(['abc', 'abcde', '😀😀😀😀😀', 4])('refuse a lastFour of %p', (lastFour) => {
    expect(refusal(() => parseRotateCredentialValue({ context, credentialId, sealedValue, lastFour }))).toEqual({ code: ErrorCodes.validationFailed, field: 'lastFour' });
  });
});
