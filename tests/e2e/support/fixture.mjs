// One hub and one browser per test file, torn down after the file's last test.
import {before, after} from 'node:test';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {hub} from './hub.mjs';
import {launch} from './browser.mjs';

const web = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'web');
export const de = JSON.parse(readFileSync(join(web, 'i18n', 'de.json'), 'utf8'));
export const en = JSON.parse(readFileSync(join(web, 'i18n', 'en.json'), 'utf8'));

export function with_hub() {
  const ctx = {};
  before(async () => {
    ctx.hub = await hub.start();
    ctx.browser = await launch();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.hub?.stop();
  });
  return ctx;
}

// The booking window the desk and room tests use: the next weekday, short enough for any
// group's weekly quota.
export function next_weekday() {
  const d = new Date();
  do d.setDate(d.getDate() + 1); while ([0, 6].includes(d.getDay()));
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
