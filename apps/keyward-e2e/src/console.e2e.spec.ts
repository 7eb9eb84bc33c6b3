import type { BrowserContext, Locator, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { expectAccessible } from './support/axe';
import { screenshot, TestBrowser, type WatchedPage } from './support/browser';
import { KeywardStack } from './support/keyward-stack';
import { LOCAL_OUTBOUND_ENV } from './support/third-party';
import { until } from './support/until';
import { SHORT_RETRY_ENV, WebhookReceiver } from './support/webhook-receiver';

jest.setTimeout(180_000);

/**
 * The console (apps/console, built by `npm run build`) in a real Chromium against a real stack:
 * issue 12's tests. Accessible names are the ones console-common.md fixes for both slices.
 */
const PAGES = [
  { link: 'API access', heading: 'API access', name: 'api-access' },
  { link: 'Usage', heading: 'Usage', name: 'usage' },
  { link: 'Roles', heading: 'Roles', name: 'roles' },
  { link: 'API key users', heading: 'API key users', name: 'api-key-users' },
  { link: 'Credentials', heading: 'Credentials', name: 'credentials' },
  { link: 'Webhooks', heading: 'Webhooks', name: 'webhooks' },
  { link: 'Audit', heading: 'Audit', name: 'audit' },
  { link: 'Workspace', heading: 'Workspace', name: 'workspace' },
] as const;

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };

/**
 * Chromium logs every answer >= 400 as an error; a 401 for "no session yet" is the console's normal
 * start, and a 404 for a key's name the deleted key's (busiest keys and sharing name keys by id).
 */
const unexpected = (errors: readonly string[]): string[] =>
  errors.filter((e) => !e.includes('the server responded with a status of 401') && !/status of 404 .*\/v1\/keys\/key_\w+\)$/.test(e));

/** Everything the browser keeps for the page's origin besides the HttpOnly cookie. */
const browserStorage = (page: Page): Promise<string> =>
  page.evaluate<string>('JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), location.href, document.cookie])');

describe('the console in Chromium', () => {
  let stack: KeywardStack;
  let browser: TestBrowser;
  let receiver: WebhookReceiver;
  const opened: BrowserContext[] = [];

  beforeAll(async () => {
    // The webhook receiver is on loopback over http: the sender's outbound guard relaxed for it, and its retries short.
    [stack, browser, receiver] = await Promise.all([KeywardStack.start({ env: { ...LOCAL_OUTBOUND_ENV, ...SHORT_RETRY_ENV } }), TestBrowser.launch(), WebhookReceiver.start()]);
  });

  afterAll(async () => {
    await Promise.all(opened.map((c) => c.close()));
    await Promise.all([stack?.stop(), browser?.close(), receiver?.stop()]);
  });

  /** A fresh browser profile, signed in with `key`, on /settings/api-access. */
  const signedIn = async (key: string, viewport = DESKTOP): Promise<WatchedPage> => {
    const watched = await browser.page({ viewport });
    opened.push(watched.context);
    await watched.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.baseUrl });
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/`);
    await page.getByRole('textbox', { name: 'API key' }).fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/settings/api-access');
    return watched;
  };

  const keyRow = (page: Page, name: string): Locator => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

  /** Usage is flushed by the verifier each second and projected after: until the API counts `valid` answers of the key (bounded). */
  const usageCounted = async (keyId: string, valid: number): Promise<void> => {
    const counted = async (): Promise<number> =>
      (await stack.api<{ buckets: { valid: number }[] }>('GET', `/v1/keys/${keyId}/usage?granularity=day`)).body.buckets.reduce((sum, b) => sum + b.valid, 0);
    for (let attempt = 0; attempt < 60 && (await counted()) < valid; attempt++) await new Promise((r) => setTimeout(r, 250));
  };

  const searchFor = async (page: Page, name: string): Promise<Locator> => {
    await page.getByRole('searchbox', { name: 'Search keys' }).fill(name);
    const row = keyRow(page, name);
    await row.waitFor();
    return row;
  };

  it('signs in, creates a restricted key, copies its secret once, never shows it again, and the key verifies with exactly the chosen permissions', async () => {
    const { page, errors } = await signedIn(stack.rootKey);
    expect(await browserStorage(page)).not.toContain(stack.rootKey);
    await page.getByRole('heading', { name: 'API access', level: 1 }).waitFor();

    const name = `console restricted ${Date.now()}`;
    await page.getByRole('button', { name: 'Create key' }).click();
    const create = page.getByRole('dialog', { name: 'Create key' });
    await create.getByRole('textbox', { name: 'Name' }).fill(name);
    await create.getByRole('switch', { name: 'Restrict key' }).check();
    await create.getByRole('radiogroup', { name: 'calls', exact: true }).getByRole('radio', { name: 'Read' }).check();
    await create.getByRole('radiogroup', { name: 'contacts', exact: true }).getByRole('radio', { name: 'Write' }).check();
    await expectAccessible(page);
    await screenshot(page, 'create-key-1280');
    await create.getByRole('button', { name: 'Create' }).click();

    const created = page.getByRole('dialog', { name: 'Key created' });
    await created.getByText('will not be shown again').waitFor();
    const secret = await created.getByRole('textbox', { name: 'New key' }).inputValue();
    expect(secret).toMatch(/^kw_live_/);
    await created.getByRole('button', { name: 'Copy' }).click();
    await created.getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(secret);
    await screenshot(page, 'key-created-1280');
    await created.getByRole('button', { name: 'Done' }).click();

    // Exactly what was chosen: calls read, contacts write (which implies read), nothing else.
    expect((await stack.verify(secret, 'calls:read')).code).toBe('VALID');
    expect((await stack.verify(secret, ['contacts:write', 'contacts:read'])).code).toBe('VALID');
    expect((await stack.verify(secret, 'calls:write')).code).toBe('INSUFFICIENT_PERMISSIONS');
    expect((await stack.verify(secret, 'messages:read')).code).toBe('INSUFFICIENT_PERMISSIONS');
    expect((await stack.verify(secret, 'api_keys:read')).code).toBe('INSUFFICIENT_PERMISSIONS');

    const row = await searchFor(page, name);
    await row.getByRole('cell', { name: 'Restricted', exact: true }).waitFor();
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await searchFor(page, name);
    expect(await page.content()).not.toContain(secret);
    expect(await browserStorage(page)).not.toContain(secret);
    expect(unexpected(errors)).toEqual([]);
  });

  it('rotates (grace period), revokes (cannot be undone) and deletes (a modal) a key, the table following each', async () => {
    const name = `console lifecycle ${Date.now()}`;
    const first = await stack.api<{ key: string }>('POST', '/v1/keys', { name });
    expect(first.status).toBe(201);
    const { page, errors } = await signedIn(stack.rootKey);
    let row = await searchFor(page, name);

    await row.getByRole('button', { name: 'Rotate' }).click();
    const rotate = page.getByRole('dialog', { name: 'Rotate key' });
    await rotate.getByText('Tell the technical owner first').waitFor();
    await rotate.getByRole('combobox', { name: 'Grace period' }).selectOption('3600');
    await expectAccessible(page);
    await rotate.getByRole('button', { name: 'Rotate key' }).click();
    const rotated = page.getByRole('dialog', { name: 'Key rotated' });
    const secret = await rotated.getByRole('textbox', { name: 'New key' }).inputValue();
    await rotated.getByRole('button', { name: 'Done' }).click();
    expect((await stack.verify(secret)).code).toBe('VALID');
    // The old secret keeps working through the grace period.
    expect((await stack.verify(first.body.key)).code).toBe('VALID');

    row = keyRow(page, name);
    await row.getByRole('button', { name: 'Revoke' }).click();
    const revoke = page.getByRole('dialog', { name: 'Revoke key' });
    await revoke.getByText('cannot be undone').waitFor();
    await screenshot(page, 'revoke-dialog-1280');
    await revoke.getByRole('button', { name: 'Revoke key' }).click();
    await row.getByText('revoked', { exact: true }).waitFor();
    expect(await row.getByRole('button', { name: 'Rotate' }).count()).toBe(0);
    expect((await stack.verify(secret)).code).toBe('REVOKED');
    const status = page.getByRole('combobox', { name: 'Status' });
    await status.selectOption('active');
    await row.waitFor({ state: 'detached' });
    await status.selectOption('revoked');
    await row.waitFor();

    await row.getByRole('button', { name: 'Delete' }).click();
    const remove = page.getByRole('dialog', { name: 'Delete key' });
    await remove.getByRole('button', { name: 'Delete key' }).click();
    await row.waitFor({ state: 'detached' });
    await page.getByText('No key matches.').waitFor();
    expect(unexpected(errors)).toEqual([]);
  });

  it('edits a key: a new name, an IP allowlist verify then enforces (a bad entry refused at its field), and the list cleared again', async () => {
    const name = `console edit ${Date.now()}`;
    const created = await stack.api<{ key: string }>('POST', '/v1/keys', { name });
    expect(created.status).toBe(201);
    const { page, errors } = await signedIn(stack.rootKey);
    let row = await searchFor(page, name);
    await row.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit key' });
    const renamed = `${name} renamed`;
    await edit.getByRole('textbox', { name: 'Name' }).fill(renamed);
    const allowlist = edit.getByRole('textbox', { name: 'IP allowlist' });
    await allowlist.fill('203.0.113.7\nexample.com');
    await edit.getByRole('button', { name: 'Save key' }).click();
    await edit.getByRole('alert').filter({ hasText: 'Some fields need a change.' }).waitFor();
    expect(await allowlist.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await screenshot(page, 'edit-key-error-1280');
    await allowlist.fill('203.0.113.7\n10.0.0.0/8');
    await screenshot(page, 'edit-key-1280');
    await edit.getByRole('button', { name: 'Save key' }).click();
    await edit.waitFor({ state: 'detached' });
    row = await searchFor(page, renamed);

    expect((await stack.verify(created.body.key)).code).toBe('FORBIDDEN');
    expect((await stack.verify(created.body.key, undefined, { ip: '198.51.100.1' })).code).toBe('FORBIDDEN');
    expect((await stack.verify(created.body.key, undefined, { ip: '203.0.113.7' })).code).toBe('VALID');
    expect((await stack.verify(created.body.key, undefined, { ip: '10.1.2.3' })).code).toBe('VALID');
    await row.getByRole('button', { name: 'Details' }).click();
    await page.getByText('10.0.0.0/8').waitFor();

    await row.getByRole('button', { name: 'Edit' }).click();
    await edit.getByRole('textbox', { name: 'IP allowlist' }).fill('');
    await edit.getByRole('button', { name: 'Save key' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByText('Any address').waitFor();
    expect((await stack.verify(created.body.key)).code).toBe('VALID');
    expect(unexpected(errors).filter((e) => !e.includes('status of 400'))).toEqual([]);
  });

  it("creates a key with credits, a named limit and metadata (non-JSON refused at its field before asking), shows them, disables and enables it, verify following each", async () => {
    const { page, errors } = await signedIn(stack.rootKey);
    const name = `console credits ${Date.now()}`;
    await page.getByRole('button', { name: 'Create key' }).click();
    const create = page.getByRole('dialog', { name: 'Create key' });
    await create.getByRole('textbox', { name: 'Name' }).fill(name);
    await create.getByRole('checkbox', { name: 'Limit valid verifications to a number of credits' }).check();
    await create.getByRole('spinbutton', { name: 'Credits', exact: true }).fill('100');
    await create.getByRole('combobox', { name: 'Refill' }).selectOption('daily');
    await create.getByRole('spinbutton', { name: 'Refill to' }).fill('5000');
    await create.getByRole('button', { name: 'Add named limit' }).click();
    const named = create.getByRole('group', { name: 'Named limit 1' });
    await named.getByRole('textbox', { name: 'Name' }).fill('tokens');
    await named.getByRole('spinbutton', { name: 'Requests' }).fill('2');
    await named.getByRole('combobox', { name: 'Unit' }).selectOption('86400');
    const meta = create.getByRole('textbox', { name: 'Metadata (JSON)' });
    await meta.fill('["not", "an object"]');
    await create.getByRole('button', { name: 'Create' }).click();
    await create.getByText('Must be a JSON object').waitFor();
    expect(await meta.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await screenshot(page, 'create-key-credits-meta-error-1280');
    await meta.fill('{"plan": "pro", "note": "<img src=x onerror=alert(1)>"}');
    await create.getByRole('button', { name: 'Create' }).click();
    const created = page.getByRole('dialog', { name: 'Key created' });
    const secret = await created.getByRole('textbox', { name: 'New key' }).inputValue();
    await created.getByRole('button', { name: 'Done' }).click();

    const row = await searchFor(page, name);
    await row.getByRole('button', { name: 'Details' }).click();
    await page.getByText('100 left, refilled to 5,000 daily').waitFor();
    await page.getByText('2 per day, auto-applied').waitFor();
    const shown = page.getByRole('region', { name: 'Metadata' });
    await shown.getByText('"plan": "pro"').waitFor();
    // Shown as text: the markup in a value is never an element.
    await shown.getByText('<img src=x onerror=alert(1)>', { exact: false }).waitFor();
    expect(await shown.locator('img').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'key-credits-meta-1280');
    await page.setViewportSize(PHONE);
    await expectAccessible(page);
    await screenshot(page, 'key-credits-meta-375');
    await page.setViewportSize(DESKTOP);
    expect((await stack.verify(secret)).code).toBe('VALID');

    await row.getByRole('button', { name: 'Disable' }).click();
    const disable = page.getByRole('dialog', { name: 'Disable key' });
    await disable.getByText('until the key is enabled again').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'disable-key-1280');
    await disable.getByRole('button', { name: 'Disable key' }).click();
    await disable.waitFor({ state: 'detached' });
    await row.getByText('Disabled', { exact: true }).waitFor();
    expect((await stack.verify(secret)).code).toBe('DISABLED');
    await screenshot(page, 'key-disabled-1280');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'key-disabled-375');
    await page.setViewportSize(DESKTOP);

    await row.getByRole('button', { name: 'Enable' }).click();
    const enable = page.getByRole('dialog', { name: 'Enable key' });
    await expectAccessible(page);
    await enable.getByRole('button', { name: 'Enable key' }).click();
    await enable.waitFor({ state: 'detached' });
    await row.getByRole('button', { name: 'Disable' }).waitFor();
    expect(await row.getByText('Disabled', { exact: true }).count()).toBe(0);
    expect((await stack.verify(secret)).code).toBe('VALID');
    // The named limit set in the console is verify's: a DISABLED answer took no token, so the third valid call is over 2 a day.
    expect((await stack.verify(secret)).code).toBe('RATE_LIMITED');

    // Edited: the metadata opens as indented JSON; only what changed is sent.
    await row.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit key' });
    expect(await edit.getByRole('textbox', { name: 'Metadata (JSON)' }).inputValue()).toContain('\n  "plan": "pro"');
    await edit.getByRole('textbox', { name: 'Metadata (JSON)' }).fill('{"plan": "team"}');
    await expectAccessible(page);
    await screenshot(page, 'edit-key-credits-meta-1280');
    await edit.getByRole('button', { name: 'Save key' }).click();
    await edit.waitFor({ state: 'detached' });
    // The details stay open across the reload.
    await page.getByRole('region', { name: 'Metadata' }).getByText('"plan": "team"').waitFor();
    const keyId = await row.getAttribute('data-key-id');
    const view = await stack.api<{ meta: unknown; credits: { refill?: unknown } }>('GET', `/v1/keys/${keyId}`);
    expect(view.body.meta).toEqual({ plan: 'team' });
    expect(view.body.credits.refill).toEqual({ interval: 'daily', amount: 5000 });
    // The edit changed the metadata only: the balance was not set anew (which would forget what verifies spent).
    const history = await stack.api<{ items: { type: string }[] }>('GET', `/v1/keys/${keyId}/history?limit=50`);
    const types = history.body.items.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['KeyCreated', 'KeyDisabled', 'KeyEnabled', 'KeyMetaChanged']));
    expect(types).not.toContain('KeyCreditsChanged');
    // Refused before asking: no 400 reached the browser.
    expect(unexpected(errors)).toEqual([]);
  });

  it('is usable by keyboard: the create dialog opens with Enter, keeps focus inside, closes on Escape and gives focus back', async () => {
    const { page } = await signedIn(stack.rootKey);
    const create = page.getByRole('button', { name: 'Create key' });
    await create.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Create key' });
    await dialog.waitFor();
    // Tab past the dialog's last control lands on its first, Shift+Tab from the first on the last.
    const controls = `[...document.querySelector('dialog[open]').querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])')].filter((c) => c.getClientRects().length > 0)`;
    await page.evaluate(`${controls}.at(-1).focus()`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate<boolean>(`document.activeElement === ${controls}[0]`)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate<boolean>(`document.activeElement === ${controls}.at(-1)`)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Create key');
  });

  it('shows per key its usage per day as a chart and its history with actors', async () => {
    const name = `console usage ${Date.now()}`;
    const created = await stack.api<{ id: string; key: string }>('POST', '/v1/keys', { name });
    for (let i = 0; i < 3; i++) expect((await stack.verify(created.body.key)).code).toBe('VALID');
    await usageCounted(created.body.id, 3);
    const { page } = await signedIn(stack.rootKey);
    const row = await searchFor(page, name);
    await row.getByRole('button', { name: 'Details' }).click();
    const chart = page.getByRole('img', { name: /Usage per day over \d+ days: 3 valid, 0 denied/ });
    await chart.waitFor();
    expect(await chart.locator('canvas').count()).toBeGreaterThan(0);
    await page.getByRole('region', { name: 'History' }).getByText('KeyCreated').waitFor();
    await page.getByRole('region', { name: 'History' }).getByText('root').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'key-details-1280');
  });

  it("shows the workspace's usage per day: a chart, the totals, the busiest keys by name and denials by reason", async () => {
    const name = `console busy ${Date.now()}`;
    const created = await stack.api<{ id: string; key: string }>('POST', '/v1/keys', { name, roles: ['read-only'] });
    for (let i = 0; i < 30; i++) expect((await stack.verify(created.body.key)).code).toBe('VALID');
    expect((await stack.verify(created.body.key, 'api_keys:write')).code).toBe('INSUFFICIENT_PERMISSIONS');
    await usageCounted(created.body.id, 30);
    const { page, errors } = await signedIn(stack.rootKey);
    await page.getByRole('link', { name: 'Usage', exact: true }).click();
    await page.getByRole('img', { name: /Usage per day over \d+ days: \d+ valid, \d+ denied/ }).locator('canvas').first().waitFor();
    await page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Valid' }) }).getByRole('rowheader', { name, exact: true }).waitFor();
    await page.getByRole('rowheader', { name: 'INSUFFICIENT_PERMISSIONS' }).waitFor();
    await page.getByRole('combobox', { name: 'Range' }).selectOption('7');
    await page.getByText(/over the last 7 days/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'usage-details-1280');
    expect(unexpected(errors)).toEqual([]);
  });

  it('passes axe on every page and keeps screenshots of each at 1280 and 375 px', async () => {
    const { page, errors } = await signedIn(stack.rootKey);
    for (const { link, heading, name } of PAGES) {
      await page.setViewportSize(DESKTOP);
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page);
      await screenshot(page, `${name}-1280`);
      await page.setViewportSize(PHONE);
      await expectAccessible(page);
      // Nothing wider than the phone but the tables, which scroll in their own region.
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, `${name}-375`);
    }
    const signIn = await browser.page({ viewport: PHONE });
    opened.push(signIn.context);
    await signIn.page.goto(`${stack.baseUrl}/settings/api-access`);
    await signIn.page.getByRole('button', { name: 'Sign in' }).waitFor();
    await expectAccessible(signIn.page);
    await screenshot(signIn.page, 'sign-in-375');
    await signIn.page.setViewportSize(DESKTOP);
    await screenshot(signIn.page, 'sign-in-1280');
    expect(unexpected([...errors, ...signIn.errors])).toEqual([]);
  });

  it("shows the API's refusal at the field it names", async () => {
    const { page } = await signedIn(stack.rootKey);
    await page.getByRole('button', { name: 'Create key' }).click();
    const create = page.getByRole('dialog', { name: 'Create key' });
    await create.getByRole('textbox', { name: 'Name' }).fill(`console past ${Date.now()}`);
    await create.getByLabel('Expires (optional)').fill('2020-01-01T00:00');
    await create.getByRole('button', { name: 'Create' }).click();
    await create.getByRole('alert').filter({ hasText: 'Some fields need a change.' }).waitFor();
    const expires = create.getByLabel('Expires (optional)');
    expect(await expires.getAttribute('aria-invalid')).toBe('true');
    await create.getByText('Must be a date-time in the future').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'field-error-1280');
  });

  it('creates, edits and deletes a role; adds, rotates and deletes a credential with the warning that its users will fail', async () => {
    const { page, errors } = await signedIn(stack.rootKey);
    await page.getByRole('link', { name: 'Roles', exact: true }).click();
    const roleName = `support ${Date.now()}`;
    await page.getByRole('button', { name: 'Create role' }).click();
    const create = page.getByRole('dialog', { name: 'Create role' });
    await create.getByRole('textbox', { name: 'Name' }).fill(roleName);
    await create.getByRole('radiogroup', { name: 'contacts', exact: true }).getByRole('radio', { name: 'Read' }).check();
    await create.getByRole('button', { name: 'Create role' }).click();
    const roleRow = page.getByRole('row').filter({ hasText: roleName });
    await roleRow.getByText('contacts:read').waitFor();
    await roleRow.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit role' });
    await edit.getByRole('radiogroup', { name: 'calls', exact: true }).getByRole('radio', { name: 'Write' }).check();
    await edit.getByRole('button', { name: 'Save role' }).click();
    await roleRow.getByText('calls:write').waitFor();
    await roleRow.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete role' }).getByRole('button', { name: 'Delete role' }).click();
    await roleRow.waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Credentials', exact: true }).click();
    const service = `svc${Date.now()}`;
    await page.getByRole('button', { name: 'Add credential' }).click();
    const add = page.getByRole('dialog', { name: 'Add credential' });
    await add.getByRole('textbox', { name: 'Service' }).fill(service);
    await add.getByRole('textbox', { name: 'Name', exact: true }).fill('primary');
    await add.getByLabel('Value').fill('sk_test_console_value_1234');
    await add.getByRole('combobox', { name: 'Location' }).selectOption('header');
    await add.getByRole('textbox', { name: 'Parameter name' }).fill('X-API-Key');
    await add.getByRole('textbox', { name: 'Allowed hosts' }).fill('api.example.com');
    await add.getByRole('button', { name: 'Add credential' }).click();
    await page.getByRole('searchbox', { name: 'Filter by service' }).fill(service);
    const credentialRow = page.getByRole('row').filter({ hasText: service });
    await credentialRow.getByText('…1234').waitFor();
    expect(await page.content()).not.toContain('sk_test_console_value_1234');
    await credentialRow.getByRole('button', { name: 'Rotate value' }).click();
    const rotate = page.getByRole('dialog', { name: 'Rotate value' });
    await rotate.getByLabel('New value').fill('sk_test_console_value_5678');
    await rotate.getByRole('button', { name: 'Rotate value' }).click();
    await credentialRow.getByText('…5678').waitFor();
    await credentialRow.getByRole('button', { name: 'Delete' }).click();
    const remove = page.getByRole('dialog', { name: 'Delete credential' });
    await remove.getByText('will fail').waitFor();
    await remove.getByRole('button', { name: 'Delete credential' }).click();
    await credentialRow.waitFor({ state: 'detached' });
    expect(unexpected(errors)).toEqual([]);
  });

  it('shares a credential with a role and a key found by name, lists them, and edits its name and hosts', async () => {
    const stamp = Date.now();
    const role = await stack.api<{ id: string }>('POST', '/v1/roles', { name: `sharing ${stamp}`, permissions: ['calls:read'] });
    expect(role.status).toBe(201);
    const keyName = `console sharer ${stamp}`;
    const key = await stack.api<{ id: string }>('POST', '/v1/keys', { name: keyName });
    const service = `share${stamp}`;
    const credential = await stack.api<{ id: string }>('POST', '/v1/credentials', { service, name: 'primary', value: 'sk_test_share_value_9876', location: 'header', parameterName: 'X-API-Key', allowedHosts: ['api.example.com'] });
    expect(credential.status).toBe(201);
    const { page, errors } = await signedIn(stack.rootKey);
    await page.getByRole('link', { name: 'Credentials', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Filter by service' }).fill(service);
    const row = page.getByRole('row').filter({ hasText: service });
    await row.getByText('Personal').waitFor();

    await row.getByRole('button', { name: 'Share' }).click();
    const share = page.getByRole('dialog', { name: 'Share credential' });
    await share.getByRole('checkbox', { name: `sharing ${stamp}` }).check();
    await share.getByRole('searchbox', { name: 'Find a key' }).fill(keyName);
    await share.getByRole('button', { name: `Add ${keyName}` }).click();
    await share.getByRole('list', { name: 'Keys shared with' }).getByText(keyName).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'share-credential-1280');
    await share.getByRole('button', { name: 'Save sharing' }).click();
    await share.waitFor({ state: 'detached' });
    await row.getByText(`Roles: sharing ${stamp}`).waitFor();
    await row.getByText(`Keys: ${keyName}`).waitFor();
    const shared = await stack.api<{ sharedWith: { keys: string[]; roles: string[] } }>('GET', `/v1/credentials/${credential.body.id}`);
    expect(shared.body.sharedWith).toEqual({ keys: [key.body.id], roles: [role.body.id] });

    await row.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit credential' });
    await edit.getByRole('textbox', { name: 'Name', exact: true }).fill('primary eu');
    await edit.getByRole('textbox', { name: 'Allowed hosts' }).fill('api.example.com, eu.example.com');
    await expectAccessible(page);
    await screenshot(page, 'edit-credential-1280');
    await edit.getByRole('button', { name: 'Save credential' }).click();
    await edit.waitFor({ state: 'detached' });
    await row.getByRole('rowheader', { name: 'primary eu' }).waitFor();
    await row.getByText('api.example.com, eu.example.com').waitFor();
    expect(unexpected(errors)).toEqual([]);
  });

  it('a workspace whose plan lacks credential sharing sees "Upgrade required" in the share dialog, and the refusal of the API', async () => {
    const pro = await stack.api<{ adminKey: string }>('POST', '/v1/workspaces', { name: `pro ${Date.now()}`, plan: 'pro' });
    expect(pro.status).toBe(201);
    const service = `pro${Date.now()}`;
    const stored = await stack.api('POST', '/v1/credentials', { service, name: 'primary', value: 'sk_test_pro_value_1111', location: 'bearer', allowedHosts: ['api.example.com'] }, pro.body.adminKey);
    expect(stored.status).toBe(201);
    const { page } = await signedIn(pro.body.adminKey);
    await page.getByRole('link', { name: 'Credentials', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: service });
    await row.getByRole('button', { name: 'Share' }).click();
    const share = page.getByRole('dialog', { name: 'Share credential' });
    await share.getByRole('heading', { name: 'Upgrade required' }).waitFor();
    await share.getByRole('checkbox', { name: 'Read-only' }).check();
    await share.getByRole('button', { name: 'Save sharing' }).click();
    await share.getByRole('alert').filter({ hasText: 'Upgrade required' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'share-credential-upgrade-1280');
    await row.getByText('Personal').waitFor();
  });

  it("changes a key's roles from API key users, and checks the hash chain as root", async () => {
    const name = `console user ${Date.now()}`;
    const created = await stack.api<{ key: string }>('POST', '/v1/keys', { name, roles: ['admin'] });
    const { page } = await signedIn(stack.rootKey);
    await page.getByRole('link', { name: 'API key users', exact: true }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    await row.getByRole('button', { name: 'Change roles' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change roles' });
    await dialog.getByRole('checkbox', { name: 'Admin' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Read-only' }).check();
    await dialog.getByRole('button', { name: 'Save roles' }).click();
    await row.getByRole('cell', { name: 'Read-only', exact: true }).waitFor();
    expect((await stack.verify(created.body.key, 'api_keys:write')).code).toBe('INSUFFICIENT_PERMISSIONS');
    expect((await stack.verify(created.body.key, 'api_keys:read')).code).toBe('VALID');

    await page.getByRole('link', { name: 'Audit', exact: true }).click();
    await page.getByRole('button', { name: 'Check chain' }).click();
    await page.getByText(/^Intact: \d+ events checked/).waitFor();
    await page.getByRole('textbox', { name: 'Event type' }).fill('RoleAssigned');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    // The unfiltered list stays until the filtered one arrives.
    await page.getByRole('rowheader', { name: 'KeyCreated' }).first().waitFor({ state: 'detached' });
    await page.getByRole('rowheader', { name: 'RoleAssigned' }).first().waitFor();
    await screenshot(page, 'audit-filtered-1280');
  });

  it('a workspace on the free plan sees "Upgrade required"', async () => {
    const free = await stack.api<{ adminKey: string }>('POST', '/v1/workspaces', { name: `free ${Date.now()}` });
    expect(free.status).toBe(201);
    const watched = await browser.page();
    opened.push(watched.context);
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/`);
    await page.getByRole('textbox', { name: 'API key' }).fill(free.body.adminKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Sign-in answers 402 and starts no session; the page the key would have opened says why.
    await page.waitForURL('**/settings/api-access');
    await page.getByRole('heading', { name: 'API access', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Upgrade required' }).waitFor();
    expect(await page.getByRole('button', { name: 'Create key' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(await page.evaluate<number>("fetch('/v1/session').then((r) => r.status)")).toBe(401);
    await expectAccessible(page);
    await screenshot(page, 'upgrade-required-1280');
    // Opened from a link, the page is the sign-in.
    const linked = await watched.context.newPage();
    await linked.goto(`${stack.baseUrl}/settings/api-access`);
    await linked.waitForURL('**/sign-in');
  });

  it('a read-only key sees the keys but no "Create key" button, and the API refuses it a create anyway', async () => {
    const readOnly = await stack.api<{ key: string }>('POST', '/v1/keys', { name: `console read-only ${Date.now()}`, roles: ['read-only'] });
    expect(readOnly.status).toBe(201);
    const { page } = await signedIn(readOnly.body.key);
    await page.getByRole('heading', { name: 'Keys' }).waitFor();
    await page.getByRole('status').filter({ hasText: /Keys \d+–\d+ shown/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Create key' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Disable' }).count()).toBe(0);
    // Through the browser's own session, with its CSRF token: refused for the key's permissions, not for the token.
    const refused = await page.evaluate<{ status: number; body: { code: string; details?: unknown } }>(`(async () => {
      const { csrfToken } = await (await fetch('/v1/session')).json();
      const answer = await fetch('/v1/keys', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify({ name: 'not allowed' }) });
      return { status: answer.status, body: await answer.json() };
    })()`);
    expect(refused).toEqual({ status: 403, body: expect.objectContaining({ code: 'FORBIDDEN' }) });
    expect(refused.body.details).toBeUndefined();
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    await page.getByRole('region', { name: 'Webhooks table' }).waitFor();
    expect(await page.getByRole('button', { name: 'Create webhook' }).count()).toBe(0);
    expect((await stack.api('POST', '/v1/webhooks', { url: 'https://hooks.example.com/x', events: ['key.revoked'] }, readOnly.body.key)).status).toBe(403);
    await screenshot(page, 'read-only-1280');
  });

  const webhookRow = (page: Page, url: string): Locator => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: url }) });

  /** A delivery's row in the open deliveries panel, once the sender has recorded it as `status` (Refresh until then, bounded). */
  const deliveryRow = async (page: Page, deliveryId: string, status: string): Promise<Locator> => {
    const row = page.getByRole('region', { name: 'Deliveries table' }).getByRole('row').filter({ hasText: deliveryId });
    await until(`delivery ${deliveryId} ${status}`, async () => {
      if ((await row.getByText(status, { exact: true }).count()) > 0) return true;
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.getByRole('status').filter({ hasText: 'Loading deliveries' }).waitFor({ state: 'detached' });
      return undefined;
    });
    return row;
  };

  it('creates a webhook (refusals at their fields), copies its secret once; a key revoked in the console is delivered, signed with that secret, its attempt on the page', async () => {
    const { page, errors } = await signedIn(stack.rootKey);
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Create webhook' }).click();
    const create = page.getByRole('dialog', { name: 'Create webhook' });
    const url = create.getByRole('textbox', { name: 'URL' });
    await url.fill('ftp://hooks.example.com/keyward');
    await create.getByRole('button', { name: 'Create webhook' }).click();
    // The request's form first (an event type at least), then the URL's, as the API checks them.
    await create.getByRole('alert').filter({ hasText: 'Some fields need a change.' }).waitFor();
    await create.getByRole('group', { name: 'Events' }).getByText('Must contain at least 1 elements').waitFor();
    await create.getByRole('checkbox', { name: /key\.revoked/ }).check();
    await create.getByRole('button', { name: 'Create webhook' }).click();
    await create.getByText('Must be https or http').waitFor();
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await screenshot(page, 'create-webhook-error-1280');

    const path = `/console-${Date.now()}`;
    await url.fill(receiver.url(path));
    await create.getByRole('checkbox', { name: /credential\.deleted/ }).check();
    await create.getByRole('textbox', { name: 'Description (optional)' }).fill('console receiver');
    await create.getByRole('button', { name: 'Create webhook' }).click();
    const created = page.getByRole('dialog', { name: 'Webhook created' });
    await created.getByText('will not be shown again').waitFor();
    const shown = await created.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    expect(shown).toMatch(/^whsec_/);
    await created.getByRole('button', { name: 'Copy' }).click();
    await created.getByText('Copied to the clipboard.').waitFor();
    const secret = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(secret).toBe(shown);
    await expectAccessible(page);
    await screenshot(page, 'webhook-created-1280');
    await created.getByRole('button', { name: 'Done' }).click();
    const row = webhookRow(page, receiver.url(path));
    await row.getByText('enabled', { exact: true }).waitFor();
    await row.getByRole('cell', { name: 'key.revoked, credential.deleted' }).waitFor();
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(await browserStorage(page)).not.toContain(secret);

    // Revoked in the console, told to the endpoint.
    const name = `console webhook ${Date.now()}`;
    const key = await stack.api<{ id: string }>('POST', '/v1/keys', { name });
    expect(key.status).toBe(201);
    await page.getByRole('link', { name: 'API access', exact: true }).click();
    const keyRowFound = await searchFor(page, name);
    await keyRowFound.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog', { name: 'Revoke key' }).getByRole('button', { name: 'Revoke key' }).click();
    await keyRowFound.getByText('revoked', { exact: true }).waitFor();
    const received = await until('the delivery of key.revoked', () => receiver.at(path)[0]);
    // The convention's reference algorithm, with the secret copied from the console.
    expect(new Webhook(secret).verify(received.body, received.headers)).toMatchObject({ type: 'key.revoked', data: { keyId: key.body.id } });

    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    await row.getByRole('button', { name: 'Deliveries' }).click();
    const delivery = await deliveryRow(page, received.headers['webhook-id'], 'delivered');
    await delivery.getByRole('rowheader', { name: /key\.revoked/ }).waitFor();
    await delivery.getByText(/HTTP 200, \d+ ms/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'webhook-deliveries-1280');
    expect(unexpected(errors).filter((e) => !e.includes('status of 400'))).toEqual([]);
  });

  it('shows a failing endpoint disabled with its reason and its attempts as recorded; re-enables it, rotates its secret (shown once) and deletes it', async () => {
    const path = `/console-down-${Date.now()}`;
    receiver.fail(path, true);
    const webhook = await stack.api<{ id: string }>('POST', '/v1/webhooks', { url: receiver.url(path), events: ['key.revoked'] });
    expect(webhook.status).toBe(201);
    const revokeAKey = async (): Promise<string> => {
      const key = await stack.api<{ id: string }>('POST', '/v1/keys', { name: `console revoked ${Date.now()}` });
      expect((await stack.api('POST', `/v1/keys/${key.body.id}/revoke`, {})).status).toBe(200);
      return key.body.id;
    };
    await revokeAKey();
    // Given up 6 s after the first try (SHORT_RETRY_ENV): the sender disables the endpoint.
    await until('the endpoint disabled', async () => ((await stack.api<{ enabled: boolean }>('GET', `/v1/webhooks/${webhook.body.id}`)).body.enabled ? undefined : true), 30_000);

    const { page, errors } = await signedIn(stack.rootKey);
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    const row = webhookRow(page, receiver.url(path));
    await row.getByText('disabled', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Deliveries' }).click();
    const failed = page.getByRole('region', { name: 'Deliveries table' }).getByRole('row').filter({ hasText: 'key.revoked' });
    await failed.getByText('failed', { exact: true }).waitFor();
    expect(await failed.getByText(/HTTP 500, \d+ ms/).count()).toBeGreaterThan(1);
    await expectAccessible(page);
    await screenshot(page, 'webhook-disabled-1280');

    receiver.fail(path, false);
    await row.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit webhook' });
    await edit.getByText(/^Disabled: /).waitFor();
    await edit.getByRole('switch', { name: 'Enabled' }).check();
    await expectAccessible(page);
    await screenshot(page, 'edit-webhook-1280');
    await edit.getByRole('button', { name: 'Save webhook' }).click();
    await edit.waitFor({ state: 'detached' });
    await row.getByText('enabled', { exact: true }).waitFor();

    await row.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('dialog', { name: 'Rotate secret' }).getByRole('button', { name: 'Rotate secret' }).click();
    const rotated = page.getByRole('dialog', { name: 'Secret rotated' });
    await rotated.getByText('will not be shown again').waitFor();
    const secret = await rotated.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    await rotated.getByRole('button', { name: 'Done' }).click();
    const keyId = await revokeAKey();
    const received = await until('a delivery after re-enabling', () => receiver.at(path).find((d) => d.answered === 200));
    expect(new Webhook(secret).verify(received.body, received.headers)).toMatchObject({ type: 'key.revoked', data: { keyId } });

    await row.getByRole('button', { name: 'Delete' }).click();
    const remove = page.getByRole('dialog', { name: 'Delete webhook' });
    await remove.getByText('cannot be undone').waitFor();
    await expectAccessible(page);
    await remove.getByRole('button', { name: 'Delete webhook' }).click();
    await row.waitFor({ state: 'detached' });
    expect((await stack.api('GET', `/v1/webhooks/${webhook.body.id}`)).status).toBe(404);
    expect(unexpected(errors)).toEqual([]);
  });

  it("changes the workspace's settings (a refusal at its field), only what changed; a read-only key sees them without the form", async () => {
    const { page, errors } = await signedIn(stack.rootKey);
    await page.getByRole('link', { name: 'Workspace', exact: true }).click();
    const days = page.getByRole('spinbutton', { name: 'Stale after (days)' });
    await days.fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('alert').filter({ hasText: 'Some fields need a change.' }).waitFor();
    expect(await days.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Must not be less than 1', { exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'workspace-settings-error-1280');
    await days.fill('30');
    await page.getByRole('switch', { name: 'Revoke leaked keys at once' }).uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    const saved = await stack.api<{ settings: { staleAfterDays: number; revokeLeakedKeys: boolean } }>('GET', '/v1/workspace');
    expect(saved.body.settings).toMatchObject({ staleAfterDays: 30, revokeLeakedKeys: false });

    const readOnly = await stack.api<{ key: string }>('POST', '/v1/keys', { name: `console settings reader ${Date.now()}`, roles: ['read-only'] });
    const reader = await signedIn(readOnly.body.key);
    await reader.page.getByRole('link', { name: 'Workspace', exact: true }).click();
    await reader.page.getByText('reported only').waitFor();
    expect(await reader.page.getByRole('button', { name: 'Save settings' }).count()).toBe(0);
    expect((await stack.api('PATCH', '/v1/workspace', { settings: { revokeLeakedKeys: true } }, readOnly.body.key)).status).toBe(403);

    expect((await stack.api('PATCH', '/v1/workspace', { settings: { staleAfterDays: 90, revokeLeakedKeys: true } })).status).toBe(200);
    expect(unexpected(errors).filter((e) => !e.includes('status of 400'))).toEqual([]);
  });

  it('signs out: the session ends and the pages ask for a key again', async () => {
    const { page } = await signedIn(stack.rootKey);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.goto(`${stack.baseUrl}/settings/roles`);
    await page.getByRole('textbox', { name: 'API key' }).waitFor();
  });
});
