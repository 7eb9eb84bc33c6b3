import type { AuditEventPage } from '@keyward/contracts';
import { chainFields, eventTable } from './audit.format';

describe('audit output', () => {
  it('shows the head hash of a clean chain, and the first bad position and reason of a broken one', () => {
    const head = { position: '42', hash: 'a'.repeat(64) };
    const clean = chainFields({ ok: true, checked: 42, head });
    expect(clean).toContain('a'.repeat(64));
    expect(clean).not.toContain('first bad position');
    const broken = chainFields({ ok: false, checked: 6, head, firstBadPosition: '7', reason: 'removed' });
    expect(broken).toMatch(/ok\s*│\s*NO/);
    expect(broken).toMatch(/first bad position\s*│\s*7/);
    expect(broken).toMatch(/reason\s*│\s*removed/);
  });

  it('shows events a line each, with where the next page starts', () => {
    const page: AuditEventPage = {
      items: [{ position: '1.7', streamId: 'key-k1', type: 'KeyCreated', data: {}, metadata: { actor: 'root', correlationId: 'c', causationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 }, hash: 'b'.repeat(64) }],
      nextCursor: '1.7',
    };
    const text = eventTable(page);
    expect(text).toMatch(/1\.7.*KeyCreated.*key-k1.*root.*bbbbbbbbbbbb…/);
    expect(text).toContain('more: --after 1.7 (or --all)');
  });
});
