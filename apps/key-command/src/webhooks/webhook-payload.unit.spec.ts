import { ErrorCodes } from '@keyward/contracts';
import { ROOT_CONTEXT as context, refusal } from '../testing/command-payload.fixtures';
import { parseCreateWebhook, parseDeleteWebhook, parseDisableWebhook, parseRotateWebhookSecret, parseUpdateWebhook } from './webhook-payload';

const WEBHOOK_ID = 'whk_aaaaaaaaaaaaaaaaaaaaaaaa';
const sealedSecret = { nonce: 'bm9uY2U', ciphertext: 'c2VjcmV0', tag: 'dGFn' };

describe('webhook command payloads', () => {
  it('parses each command into the contract’s request', () => {
    expect(parseCreateWebhook({ context, webhookId: WEBHOOK_ID, url: 'https://h.example/', events: ['key.revoked'], sealedSecret, workspaceWebhooks: 3 })).toEqual({
      context,
      webhookId: WEBHOOK_ID,
      url: 'https://h.example/',
      events: ['key.revoked'],
      description: undefined,
      sealedSecret,
      workspaceWebhooks: 3,
    });
    expect(parseUpdateWebhook({ context, webhookId: WEBHOOK_ID, enabled: true })).toEqual({ context, webhookId: WEBHOOK_ID, url: undefined, events: undefined, description: undefined, enabled: true });
    expect(parseRotateWebhookSecret({ context, webhookId: WEBHOOK_ID, sealedSecret })).toEqual({ context, webhookId: WEBHOOK_ID, sealedSecret });
    expect(parseDeleteWebhook({ context, webhookId: WEBHOOK_ID })).toEqual({ context, webhookId: WEBHOOK_ID });
    expect(parseDisableWebhook({ context, webhookId: WEBHOOK_ID, reason: 'failed for 24 h' })).toEqual({ context, webhookId: WEBHOOK_ID, reason: 'failed for 24 h' });
    expect(refusal(() => parseDisableWebhook({ context, webhookId: WEBHOOK_ID }))).toMatchObject({ code: ErrorCodes.validationFailed, field: 'reason' });
  });

  it('answers a malformed id as an unknown webhook, and refuses a plain secret where a sealed one belongs', () => {
    expect(refusal(() => parseDeleteWebhook({ context, webhookId: 'cred_aaaaaaaaaaaaaaaaaaaaaaaa' }))).toMatchObject({ code: ErrorCodes.webhookNotFound });
    expect(refusal(() => parseRotateWebhookSecret({ context, webhookId: WEBHOOK_ID, sealedSecret: 'whsec_plain' }))).toMatchObject({ code: ErrorCodes.validationFailed, field: 'sealedSecret' });
    expect(refusal(() => parseUpdateWebhook({ context, webhookId: WEBHOOK_ID, enabled: 'yes' }))).toMatchObject({ code: ErrorCodes.validationFailed, field: 'enabled' });
  });
});
