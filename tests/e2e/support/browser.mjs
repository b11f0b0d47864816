// Debian's chromium driven by playwright-core, plus what every page check needs: sign-in,
// axe-core, screenshots and a watch for CSP violations or script errors.
import {chromium} from 'playwright-core';
import {readFileSync, mkdirSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import assert from 'node:assert/strict';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const axe_source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const screenshot_dir = process.env.HUBGATE_E2E_SCREENSHOTS || join(here, '..', 'screenshots');

// Each launch gets a fresh temporary profile (Playwright creates and removes it), which is
// the --user-data-dir isolation the tests need.
export async function launch() {
  return chromium.launch({
    executablePath: process.env.HUBGATE_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A browser context for one person; `problems` collects CSP violations and page errors.
export async function open_page(browser, hub, {viewport = {width: 1280, height: 900}, locale = 'de-DE'} = {}) {
  const context = await browser.newContext({ignoreHTTPSErrors: true, viewport, locale});
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content.Security.Policy|Refused to/i.test(msg.text())) page.problems.push(msg.text());
  });
  page.setDefaultTimeout(20000);
  await page.goto(hub.base + '/');
  return page;
}

export async function sign_in(page, user) {
  await page.waitForSelector('form input[type=email]');
  await page.fill('input[type=email]', user.email);
  await page.fill('input[type=password]', user.password);
  await page.click('form button[type=submit]');
  await page.waitForSelector('#sign-out:not([hidden])');  // the nav may be folded (phone)
}

export async function go(page, route) {
  await page.evaluate((r) => { location.hash = r; }, route);
  await page.waitForFunction((r) => location.hash === `#${r}`, route);
}

// axe-core in the page (evaluated over the DevTools protocol, so the strict CSP stays on);
// fails on serious or critical violations.
export async function assert_accessible(page, what) {
  await page.evaluate(axe_source);
  const result = await page.evaluate(async () => window.axe.run(document, {
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
  }));
  const bad = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  assert.deepEqual(bad.map((v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`), [],
    `accessibility violations on ${what}`);
}

export async function screenshot(page, name) {
  mkdirSync(screenshot_dir, {recursive: true});
  await page.screenshot({path: join(screenshot_dir, `${name}.png`), fullPage: true});
}

export function assert_clean(page) {
  assert.deepEqual(page.problems, [], 'the page reported CSP violations or script errors');
}
