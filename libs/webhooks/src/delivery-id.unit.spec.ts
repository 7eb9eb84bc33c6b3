import { deliveryId, noticeId } from './delivery-id';

describe('delivery and notice ids', () => {
  it('a notice id is a version 8 UUID of what the notice is about: the same for the same notice, another for another', () => {
    const id = noticeId('key.expiring:key_1:2026-12-04T12:00:00.000Z');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(noticeId('key.expiring:key_1:2026-12-04T12:00:00.000Z')).toBe(id);
    expect(noticeId('key.expiring:key_1:2026-12-06T12:00:00.000Z')).not.toBe(id);
  });

  it('a delivery id is stable per endpoint and event', () => {
    expect(deliveryId('whk_a', 'e1')).toBe(deliveryId('whk_a', 'e1'));
    expect(deliveryId('whk_a', 'e1')).not.toBe(deliveryId('whk_b', 'e1'));
    expect(deliveryId('whk_a', 'e1')).toMatch(/^msg_[0-9a-f]{32}$/);
  });
});
