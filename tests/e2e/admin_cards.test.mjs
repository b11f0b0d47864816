// An admin enrols a member's card by typing its UID or tapping it on the enrolment reader,
// and revokes it again; the member sees the card's state under "my cards".
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {with_hub, de} from './support/fixture.mjs';
import {open_page, sign_in, go, assert_accessible, assert_clean} from './support/browser.mjs';
import {items} from './support/hub.mjs';

const ctx = with_hub();

// An admin's page with the member's cards dialog open (found through the user search).
async function open_cards_dialog(member, {check_page = false} = {}) {
  const admin = await open_page(ctx.browser, ctx.hub);
  await sign_in(admin, ctx.hub.admin);
  await go(admin, '/admin/users');
  await admin.fill('.toolbar input[type=search]', member.email);
  const row = admin.locator(`tr[data-user-id="${member.id}"]`);
  await row.waitFor();
  if (check_page) await assert_accessible(admin, 'admin users');
  await row.locator('button', {hasText: de.manage_cards}).click();
  const dialog = admin.locator('dialog[open]');
  await dialog.waitFor();
  return {admin, dialog};
}

test('an admin enrols a card and revokes it', async () => {
  const member = await ctx.hub.add_member('Gerda Example');
  const {admin, dialog} = await open_cards_dialog(member, {check_page: true});

  // A typo is explained before anything is sent.
  await dialog.locator('input[type=text]').fill('04-XY');
  await dialog.locator('form button[type=submit]').click();
  await dialog.locator('[role=alert]').filter({hasText: de.card_uid_invalid}).waitFor();

  await dialog.locator('input[type=text]').fill('04:a1:b2:c3:d4:e5:f6');
  await dialog.locator('form button[type=submit]').click();
  const card_row = dialog.locator('tr[data-credential-id]');
  await card_row.waitFor();
  // Once enrolled, the card shows by its last four hex digits and as clonable, never its UID.
  assert.match(await card_row.textContent(), /…E5F6/);
  assert.doesNotMatch(await card_row.textContent(), /04A1B2C3D4E5F6/);
  assert.equal(await card_row.locator('.badge.legacy').textContent(), de.card_legacy);
  assert.equal(await card_row.locator('.badge[class*=status-]').textContent(), de.card_status_active);
  await assert_accessible(admin, 'the cards dialog');

  let cards = items(await ctx.hub.as_admin('GET', `/users/${member.id}/credentials`));
  assert.equal(cards.length, 1);
  assert.equal(cards[0].status, 'active');

  await card_row.locator('button.danger').click();
  const confirm = admin.locator('dialog[open]').last();
  await confirm.locator('.dialog-actions button.danger').click();
  await card_row.locator('.badge.status-revoked').waitFor();
  assert.equal(await card_row.locator('.badge.status-revoked').textContent(), de.card_status_revoked);
  cards = items(await ctx.hub.as_admin('GET', `/users/${member.id}/credentials`));
  assert.equal(cards[0].status, 'revoked');
  assert_clean(admin);

  const page = await open_page(ctx.browser, ctx.hub);
  await sign_in(page, member);
  await go(page, '/my/cards');
  await page.locator('tr[data-credential-id] .badge.status-revoked').waitFor();
  assert_clean(page);
});

// The enrolment reader is a USB desk reader in keyboard mode: tapping a card types its UID and
// Enter into the focused field. The cards dialog opens with that field focused.
test('a card tapped on the enrolment reader is enrolled', async () => {
  const member = await ctx.hub.add_member('Hanna Example');
  const {admin, dialog} = await open_cards_dialog(member);
  await dialog.locator('input[type=text]:focus').waitFor();

  await admin.keyboard.type('04A1B2C3D4E5F7');  // what the reader types, then Enter
  await admin.keyboard.press('Enter');
  const card_row = dialog.locator('tr[data-credential-id]');
  await card_row.waitFor();
  assert.match(await card_row.textContent(), /…E5F7/);
  const cards = items(await ctx.hub.as_admin('GET', `/users/${member.id}/credentials`));
  assert.deepEqual(cards.map((c) => [c.card_hint, c.legacy, c.status]), [['E5F7', true, 'active']]);
  assert.equal(cards[0].card_id, undefined);
  assert_clean(admin);
});

// A found card: the front desk types or taps its UID and learns whose it is.
test('an admin looks up whose a found card is', async () => {
  const member = await ctx.hub.add_member('Ida Example');
  await ctx.hub.as_admin('POST', `/users/${member.id}/credentials`, {card_id: '04A1B2C3D4E5F8'});
  const admin = await open_page(ctx.browser, ctx.hub);
  await sign_in(admin, ctx.hub.admin);
  await go(admin, '/admin/users');
  const lookup = admin.locator('form.lookup-card');
  await lookup.locator('input[type=text]').fill('04:A1:B2:C3:D4:E5:F8');
  await lookup.locator('button[type=submit]').click();
  const found = lookup.locator('.lookup-result p');
  await found.waitFor();
  assert.match(await found.textContent(), /…E5F8/);
  assert.match(await found.textContent(), /Ida Example/);

  await lookup.locator('input[type=text]').fill('04C0FFEE');
  await lookup.locator('button[type=submit]').click();
  await lookup.locator('[role=alert]').filter({hasText: de.problem_card_not_enrolled}).waitFor();
  assert_clean(admin);
});
