// Starts a real hubgate-booking (demo hub, temp data dir, free loopback port) for one test
// file, and talks to its API from node to prepare members and check results.
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync, openSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import net from 'node:net';
import https from 'node:https';
import {randomBytes} from 'node:crypto';
import {wait_for} from './wait.mjs';

export function free_port() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
  });
}

// One HTTPS request to the hub (its private CA is not trusted here, so verification is off
// for loopback only). Resolves {status, headers, body (parsed JSON when JSON)}.
export function call(base, method, path, {body, cookie, csrf, headers = {}} = {}) {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(url, {
      method, rejectUnauthorized: false,
      headers: {
        accept: 'application/json',
        ...(payload !== undefined ? {'content-type': 'application/json'} : {}),
        ...(cookie ? {cookie} : {}),
        ...(csrf ? {'x-csrf-token': csrf} : {}),
        ...headers,
      },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed = text;
        if ((res.headers['content-type'] || '').includes('json')) {
          try { parsed = JSON.parse(text); } catch { /* leave as text */ }
        }
        resolve({status: res.statusCode, headers: res.headers, body: parsed});
      });
    });
    req.on('error', reject);
    req.setTimeout(30000, () => req.destroy(new Error(`timeout: ${method} ${path}`)));
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

export const items = (body) => (Array.isArray(body) ? body : body?.items ?? []);

export class hub {
  static async start() {
    const bin = process.env.HUBGATE_BOOKING_BIN;
    if (!bin) throw new Error('HUBGATE_BOOKING_BIN is not set');
    const h = new hub();
    h.dir = mkdtempSync(join(tmpdir(), 'hubgate-e2e-'));
    h.port = await free_port();
    h.controller_port = await free_port();
    h.base = `https://127.0.0.1:${h.port}`;
    h.admin = {email: 'admin@hub.example', password: randomBytes(12).toString('hex')};
    h.log_path = join(h.dir, 'service.log');
    const log = openSync(h.log_path, 'a');
    h.child = spawn(bin, ['serve', '--data-dir', join(h.dir, 'data'), '--listen', `127.0.0.1:${h.port}`,
      '--controller-listen', `127.0.0.1:${h.controller_port}`, '--demo'], {
      env: {...process.env, HUBGATE_ADMIN_EMAIL: h.admin.email, HUBGATE_ADMIN_PASSWORD: h.admin.password},
      stdio: ['ignore', log, log],
    });
    h.exited = new Promise((resolve) => h.child.once('exit', (code, signal) => resolve({code, signal})));
    let dead = false;
    h.exited.then(() => { dead = true; });
    await wait_for(async () => {
      if (dead) throw new Error(`hubgate-booking exited early:\n${h.log()}`);
      try { return (await call(h.base, 'GET', '/api/v1/health')).status === 200; } catch { return false; }
    }, {timeout: 60000, what: 'the booking service to answer /health'});
    h.admin_session = await h.sign_in(h.admin.email, h.admin.password);
    return h;
  }

  log() { try { return readFileSync(this.log_path, 'utf8'); } catch { return ''; } }

  async sign_in(email, password) {
    const r = await call(this.base, 'POST', '/api/v1/auth/login', {body: {email, password}});
    if (r.status !== 200) throw new Error(`sign-in of ${email} failed: ${r.status} ${JSON.stringify(r.body)}`);
    const cookie = [].concat(r.headers['set-cookie'] || []).map((c) => c.split(';')[0]).join('; ');
    return {cookie, csrf: r.body.csrf_token, user: r.body.user};
  }

  // As the admin; throws on an unexpected status so a test fails with the problem shown.
  async as_admin(method, path, body, expect = [200, 201, 204]) {
    const r = await call(this.base, method, `/api/v1${path}`, {body, ...this.admin_session});
    if (!expect.includes(r.status)) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  // A member in a group that may book desks and rooms; returns {email, password, id}.
  async add_member(name) {
    const groups = items(await this.as_admin('GET', '/groups'));
    const group = groups.find((g) => ['desk', 'room'].every((k) => (g.policy?.bookable_kinds ?? []).includes(k))) ?? groups[0];
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomBytes(3).toString('hex')}@hub.example`;
    const password = randomBytes(12).toString('hex');
    const user = await this.as_admin('POST', '/users', {email, password, display_name: name, role: 'member',
      group_ids: group ? [String(group.id)] : []});
    return {email, password, id: user.id, name};
  }

  async stop() {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 15000);
      await this.exited;
      clearTimeout(timer);
    }
    if (!process.env.HUBGATE_KEEP_TEST_DIRS) rmSync(this.dir, {recursive: true, force: true});
  }
}
