// An admin loads a state's public holidays into a site's closures in one step, then edits the
// closures (date, range and reason per line) in the site's dialog.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {with_hub, de} from './support/fixture.mjs';
import {open_page, sign_in, go, assert_accessible, assert_clean} from './support/browser.mjs';
import {items} from './support/hub.mjs';

const ctx = with_hub();

test('an admin closes a site on Bavaria\'s holidays and edits its closures', async () => {
  const site = await ctx.hub.as_admin('POST', '/sites', {name: 'Holiday site', time_zone: 'Europe/Berlin'});
  const page = await open_page(ctx.browser, ctx.hub);
  await sign_in(page, ctx.hub.admin);
  await go(page, '/admin/sites');
  const form = page.locator('[data-holidays]');
  await form.waitFor();
  await form.locator('select[name=site]').selectOption(site.id);
  await form.locator('select[name=state]').selectOption('BY');
  await form.locator('input[name=year]').fill('2027');
  await assert_accessible(page, 'the sites page with holidays');
  await form.locator('button[type=submit]').click();
  const expected = de.holiday_loaded.replace('{count}', '12').replace('{year}', '2027').replace('{site}', 'Holiday site');
  await page.waitForFunction((text) => document.getElementById('status')?.textContent === text, expected);
  let stored = await ctx.hub.as_admin('GET', `/sites/${site.id}`);
  assert.ok(stored.closures.some((c) => c.first === '2027-05-27' && c.reason === 'Fronleichnam'));

  await page.reload();
  const row = page.locator(`tr[data-id="${site.id}"]`);
  await row.locator('button').click();
  const closures = page.locator('dialog[open] textarea[name=closures]');
  const text = await closures.inputValue();
  assert.match(text, /^2027-05-27 Fronleichnam$/m);
  await closures.fill(text.split('\n').filter((line) => !line.startsWith('2027-05-27')).join('\n') +
    '\n2027-08-02..2027-08-13 Sommerpause');
  await page.locator('dialog[open] .dialog-actions button[type=submit]').click();
  await page.waitForSelector('dialog[open]', {state: 'detached'});
  stored = await ctx.hub.as_admin('GET', `/sites/${site.id}`);
  assert.ok(!stored.closures.some((c) => c.first === '2027-05-27'));
  assert.ok(stored.closures.some((c) => c.first === '2027-10-03' && c.reason === 'Tag der Deutschen Einheit'));
  assert.ok(stored.closures.some((c) => c.first === '2027-08-02' && c.last === '2027-08-13' && c.reason === 'Sommerpause'));
  assert.equal(items(await ctx.hub.as_admin('GET', '/sites')).filter((s) => s.id === site.id).length, 1);
  assert_clean(page);
});
