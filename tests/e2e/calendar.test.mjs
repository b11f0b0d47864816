// The calendar feed read by a real iCalendar parser (ical.js): a booking after the next DST
// change keeps its Berlin wall time and UTC instant. Then the member's feed page and the
// admin's utilisation page render, pass axe, and the report page is photographed.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import {with_hub, de} from './support/fixture.mjs';
import {open_page, sign_in, go, assert_accessible, assert_clean, screenshot} from './support/browser.mjs';
import {call, items} from './support/hub.mjs';

const ctx = with_hub();
const zone = 'Europe/Berlin';
const pad = (n) => String(n).padStart(2, '0');

// Minutes east of UTC in Berlin at a UTC instant, from the platform's tz data.
function berlin_offset_minutes(instant) {
  const name = new Intl.DateTimeFormat('en-US', {timeZone: zone, timeZoneName: 'longOffset'})
    .formatToParts(instant).find((p) => p.type === 'timeZoneName').value;  // "GMT+01:00"
  const m = /GMT([+-])(\d\d):(\d\d)/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

// The first local day after tomorrow whose noon has another offset than the day before.
function next_dst_day() {
  const day = new Date();
  day.setUTCHours(12, 0, 0, 0);
  day.setUTCDate(day.getUTCDate() + 2);
  let previous = berlin_offset_minutes(day);
  for (let i = 0; i < 400; i += 1) {
    day.setUTCDate(day.getUTCDate() + 1);
    const offset = berlin_offset_minutes(day);
    if (offset !== previous) {
      return {date: `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`, offset};
    }
    previous = offset;
  }
  throw new Error('no DST change within 400 days');
}

const all_day = Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
  .map((d) => [d, [{open: '00:00', close: '24:00'}]]));

test('the feed parses with ical.js and keeps the local time across the next DST change', async () => {
  const sites = items(await ctx.hub.as_admin('GET', '/sites'));
  const site = sites.find((s) => s.time_zone === zone) ?? sites[0];
  // A space open every day and bookable far enough ahead (changes happen on Sundays).
  const space = await ctx.hub.as_admin('POST', '/spaces', {site_id: site.id, name: 'Project room', kind: 'room',
    capacity: 4, mode: 'exclusive', opening_hours: all_day, rules: {max_days_ahead: 400}});
  const member = await ctx.hub.add_member('Clara Calendar');
  const session = await ctx.hub.sign_in(member.email, member.password);

  const {date, offset} = next_dst_day();
  const booking = await ctx.hub.as_admin('POST', '/bookings', {space_id: space.id, user_id: member.id,
    start: `${date}T10:00:00`, end: `${date}T12:00:00`, seats: 2, title: 'Workshop, DST day'});
  const [y, m, d] = date.split('-').map(Number);
  const expected_start = new Date(Date.UTC(y, m - 1, d, 10, 0) - offset * 60000);
  assert.equal(new Date(booking.start).getTime(), expected_start.getTime(), 'the service resolved the wall time');

  const feed = await call(ctx.hub.base, 'POST', '/api/v1/calendar/feed', {body: {}, ...session});
  assert.equal(feed.status, 201, JSON.stringify(feed.body));
  const ics = await call(ctx.hub.base, 'GET', feed.body.path, {headers: {accept: 'text/calendar'}});
  assert.equal(ics.status, 200);
  assert.match(ics.headers['content-type'], /^text\/calendar; charset=utf-8/);

  const calendar = new ICAL.Component(ICAL.parse(ics.body));
  assert.equal(calendar.getFirstPropertyValue('method'), 'PUBLISH');
  assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const event = events.find((e) => e.uid === `${booking.id}@hubgate`);
  assert.ok(event, `the feed has the booking (${events.map((e) => e.uid).join(', ')})`);
  assert.equal(event.summary, 'Workshop, DST day');
  assert.equal(event.startDate.zone.tzid, zone);
  assert.deepEqual([event.startDate.year, event.startDate.month, event.startDate.day, event.startDate.hour, event.startDate.minute],
    [y, m, d, 10, 0]);
  assert.equal(event.endDate.hour, 12);
  // The UTC instant ical.js computes from the feed's own VTIMEZONE matches the booking.
  assert.equal(event.startDate.toJSDate().getTime(), expected_start.getTime());
  assert.equal(event.endDate.toJSDate().getTime(), expected_start.getTime() + 2 * 3600000);
  assert.equal(event.component.getFirstPropertyValue('status'), 'CONFIRMED');

  // The member's feed page knows the feed exists and can make a new address.
  const page = await open_page(ctx.browser, ctx.hub);
  await sign_in(page, member);
  await go(page, '/my/calendar');
  await page.waitForSelector('[data-feed-state="active"]');
  await assert_accessible(page, 'the calendar feed page');
  await page.getByRole('button', {name: de.feed_rotate}).click();
  await page.locator('dialog[open] .dialog-actions button').filter({hasText: de.feed_rotate}).click();
  const url = await page.locator('[data-feed-url]').inputValue();
  assert.match(url, /^https:\/\/.+\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  assert.match(await page.locator('[data-webcal]').getAttribute('href'), /^webcal:\/\//);
  await assert_accessible(page, 'the calendar feed page with its new address');
  // Rotation killed the old address.
  assert.equal((await call(ctx.hub.base, 'GET', feed.body.path)).status, 404);
  assert.equal((await call(ctx.hub.base, 'GET', new URL(url).pathname)).status, 200);
  assert_clean(page);
});

test('the admin utilisation page renders a chart and table, passes axe and offers CSV', async () => {
  // Something booked tomorrow in a space open every day, so the chart has a bar to draw.
  const sites = items(await ctx.hub.as_admin('GET', '/sites'));
  const space = await ctx.hub.as_admin('POST', '/spaces', {site_id: sites[0].id, name: 'Report room', kind: 'room',
    capacity: 2, mode: 'exclusive', opening_hours: all_day});
  const tomorrow = new Date(Date.now() + 86400000);
  const day = `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}`;
  await ctx.hub.as_admin('POST', '/bookings', {space_id: space.id, start: `${day}T10:00:00`, end: `${day}T14:00:00`, seats: 2});

  const admin = await open_page(ctx.browser, ctx.hub);
  await sign_in(admin, ctx.hub.admin);
  await go(admin, '/admin/reports');
  await admin.waitForSelector('table.utilisation tbody tr');
  assert.equal(await admin.locator('h1').textContent(), de.util_title);
  const weeks = await admin.locator('table.utilisation thead th').count();
  assert.equal(weeks, 4 + 2, 'four weeks plus the series and total columns');
  // Reach a week past tomorrow, whatever weekday today is.
  const until = new Date(Date.now() + 8 * 86400000);
  await admin.fill('input[name=to]', `${until.getFullYear()}-${pad(until.getMonth() + 1)}-${pad(until.getDate())}`);
  await admin.click('.toolbar button[type=submit]');
  // The first range already holds tomorrow (except on Sundays): wait for the answer to the range
  // just submitted, which reaches into next week, not for the first one still on screen.
  await admin.waitForFunction((shown) => document.querySelectorAll('table.utilisation thead th').length > shown,
    weeks);
  await admin.waitForSelector(`table.utilisation tbody tr[data-series="${space.id}"] strong:not(:text-is("0 %"))`);
  await admin.waitForSelector('svg.util-chart[role="img"] rect.util-fill:not([width="0"])');
  // The chart has one bar per table row, and the table is named as its description.
  const rows = await admin.locator('table.utilisation tbody tr').count();
  assert.equal(await admin.locator('svg.util-chart g.util-bar').count(), rows);
  const described_by = await admin.locator('svg.util-chart').getAttribute('aria-describedby');
  assert.equal(await admin.locator(`#${described_by}`).evaluate((el) => el.tagName), 'TABLE');
  await assert_accessible(admin, 'the utilisation report');

  await admin.selectOption('select[name=group_by]', 'kind');
  await admin.click('.toolbar button[type=submit]');
  await admin.locator('table.utilisation tbody tr[data-series="desk"]').waitFor();
  await assert_accessible(admin, 'the utilisation report by kind');
  await screenshot(admin, 'utilisation-report');

  const href = await admin.locator('a[data-csv]').getAttribute('href');
  assert.match(href, /format=csv/);
  const csv = await call(ctx.hub.base, 'GET', href, {...ctx.hub.admin_session});
  assert.equal(csv.status, 200);
  assert.match(csv.headers['content-disposition'], /^attachment/);
  assert.equal(csv.body.split('\r\n')[0],
    'week,week_start,kind,booked_seat_hours,capacity_seat_hours,utilisation_percent,bookings,no_shows,cancellations');
  assert_clean(admin);
});

test('a late answer to an earlier report query never replaces the report asked for later', async () => {
  const admin = await open_page(ctx.browser, ctx.hub);
  await sign_in(admin, ctx.hub.admin);
  await go(admin, '/admin/reports');
  await admin.waitForSelector('table.utilisation tbody tr');
  const same_chart = await admin.locator('svg.util-chart').getAttribute('aria-describedby');

  // Hold the answer to the query by kind until the query by space, submitted after it, is drawn.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let asked_by_kind;
  const asked = new Promise((resolve) => { asked_by_kind = resolve; });
  await admin.route(/\/reports\/utilisation\?.*group_by=kind/, async (route) => {
    asked_by_kind();
    await held;
    await route.continue();
  });
  await admin.selectOption('select[name=group_by]', 'kind');
  await admin.click('.toolbar button[type=submit]');
  await asked;
  await admin.selectOption('select[name=group_by]', 'space');
  await admin.click('.toolbar button[type=submit]');
  await admin.locator('.report[aria-busy="false"]').waitFor();
  await admin.locator('table.utilisation tbody tr').first().waitFor();
  const late = admin.waitForEvent('requestfinished', (request) => /group_by=kind/.test(request.url()));
  release();
  await late;
  // Let the page handle the late answer before looking: two frames after its body arrived.
  await admin.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  // The answer by kind has arrived and was dropped: the rows are still spaces, never kinds.
  assert.equal(await admin.locator('.report').getAttribute('aria-busy'), 'false');
  assert.equal(await admin.locator('table.utilisation tbody tr[data-series="desk"]').count(), 0);
  assert.ok(await admin.locator('table.utilisation tbody tr').count() > 0);
  // The same view keeps the same ids, so the chart still names its table.
  assert.equal(await admin.locator('svg.util-chart').getAttribute('aria-describedby'), same_chart);
  assert.equal(await admin.locator(`#${same_chart}`).evaluate((el) => el.tagName), 'TABLE');
  assert_clean(admin);
});
