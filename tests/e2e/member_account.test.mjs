// A member's own account page: a wrong current password or a mistyped repeat is explained in
// the form; a change signs out the member's other sessions while this browser stays in; the
// sessions and tokens listed there are ended one by one. An admin sets a forgotten password.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {with_hub, de} from './support/fixture.mjs';
import {call} from './support/hub.mjs';
import {open_page, sign_in, go, assert_accessible, assert_clean} from './support/browser.mjs';

const ctx = with_hub();

async function open_account(member) {
  const page = await open_page(ctx.browser, ctx.hub);
  await sign_in(page, member);
  await go(page, '/my/account');
  await page.waitForFunction((text) => document.querySelector('main h1')?.textContent === text, de.account_title);
  await page.waitForSelector('[data-sessions] tbody tr');
  await page.waitForSelector('[data-tokens] h2');
  return page;
}

async function submit(page, current, replacement, repeat = replacement) {
  await page.fill('input[name=current_password]', current);
  await page.fill('input[name=new_password]', replacement);
  await page.fill('input[name=repeat_password]', repeat);
  await page.click('[data-password-form] button[type=submit]');
}

async function alert_text(page) {
  const alert = page.locator('[data-password-form] [role=alert]');
  await alert.waitFor();
  return alert.textContent();
}

const me_status = async (session) => (await call(ctx.hub.base, 'GET', '/api/v1/users/me', session)).status;

test('a member changes their password and their other sessions end', async () => {
  const member = await ctx.hub.add_member('Paula Example');
  const elsewhere = await ctx.hub.sign_in(member.email, member.password);
  const page = await open_account(member);
  assert.match(await page.textContent('#nav'), new RegExp(de.nav_my_account));
  assert.equal(await page.locator('[data-sessions] tbody tr').count(), 2);
  await assert_accessible(page, 'account page');

  await submit(page, member.password, 'ein ganz neues Passwort', 'ein ganz neues Passwörter');
  assert.equal(await alert_text(page), de.password_mismatch);
  await submit(page, 'not my password at all', 'ein ganz neues Passwort');
  assert.equal(await alert_text(page), de.problem_wrong_password);
  assert.equal(await me_status(elsewhere), 200);

  await submit(page, member.password, 'ein ganz neues Passwort');
  const expected = de.password_changed.replace('{count}', '1');
  await page.waitForFunction((text) => document.getElementById('status')?.textContent === text, expected);
  assert.equal(await page.inputValue('input[name=current_password]'), '');
  await page.waitForFunction(() => document.querySelectorAll('[data-sessions] tbody tr').length === 1);
  assert.equal(await page.textContent('[data-sessions] tbody th'), de.session_current);

  assert.equal(await me_status(elsewhere), 401);
  const still_in = await page.evaluate(async () => (await fetch('/api/v1/users/me', {credentials: 'same-origin'})).status);
  assert.equal(still_in, 200);
  const old_password = await call(ctx.hub.base, 'POST', '/api/v1/auth/login', {body: {email: member.email, password: member.password}});
  assert.equal(old_password.status, 401);
  await ctx.hub.sign_in(member.email, 'ein ganz neues Passwort');
  assert_clean(page);
});

test('a member signs out another session and revokes a token from the account page', async () => {
  const member = await ctx.hub.add_member('Emil Example');
  const elsewhere = await ctx.hub.sign_in(member.email, member.password);
  const made = await call(ctx.hub.base, 'POST', '/api/v1/auth/tokens', {body: {name: 'backup script'}, ...elsewhere});
  assert.equal(made.status, 201);
  const script = {headers: {authorization: `Bearer ${made.body.token}`}};
  const page = await open_account(member);

  const other = page.locator('[data-sessions] tbody tr', {has: page.locator('button')});
  await other.locator('button').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-sessions] tbody tr').length === 1);
  assert.equal(await me_status(elsewhere), 401);

  const row = page.locator('[data-tokens] tbody tr', {hasText: 'backup script'});
  assert.match(await row.textContent(), new RegExp(de.token_never_used));
  assert.equal(await me_status(script), 200);
  await row.locator('button').click();
  await page.locator('dialog[open] .dialog-actions button.danger').click();
  await page.waitForSelector('[data-tokens] .notice');
  assert.equal(await page.textContent('[data-tokens] .notice'), de.tokens_none);
  assert.equal(await me_status(script), 401);
  assert_clean(page);
});

test('an admin sets a member\'s password and the member is signed out everywhere', async () => {
  const member = await ctx.hub.add_member('Jana Example');
  const elsewhere = await ctx.hub.sign_in(member.email, member.password);
  const admin = await open_page(ctx.browser, ctx.hub);
  await sign_in(admin, ctx.hub.admin);
  await go(admin, '/admin/users');
  await admin.fill('.toolbar input[type=search]', member.email);
  const row = admin.locator(`tr[data-user-id="${member.id}"]`);
  await row.locator('button', {hasText: de.set_password}).click();
  const dialog = admin.locator('dialog[open]');
  await dialog.locator('input[name=new_password]').fill('kurz');
  await dialog.locator('button[type=submit]').click();
  await dialog.locator('[role=alert]').waitFor();
  assert.match(await dialog.locator('[role=alert]').textContent(), new RegExp(de.field_problem_too_short));
  await assert_accessible(admin, 'the set-password dialog');

  await dialog.locator('input[name=new_password]').fill('vom Empfang gesetzt');
  await dialog.locator('button[type=submit]').click();
  const expected = de.password_set.replace('{name}', member.name).replace('{count}', '1');
  await admin.waitForFunction((text) => document.getElementById('status')?.textContent === text, expected);
  assert.equal(await admin.locator('dialog[open]').count(), 0);
  assert.equal(await me_status(elsewhere), 401);
  await ctx.hub.sign_in(member.email, 'vom Empfang gesetzt');
  assert_clean(admin);
});
