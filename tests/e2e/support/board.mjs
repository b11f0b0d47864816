// A door controller board as the service sees it on its controller port, for tests that need
// access events: the admin creates the controller, the board enrols with a CSR (openssl makes
// its key), opens the mutual-TLS stream, says hello and uploads events like hubgate-door does.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {randomBytes} from 'node:crypto';
import {createRequire} from 'node:module';
import {call} from './hub.mjs';

// The WebSocket client bundled with playwright-core (the `ws` package).
const {ws: WebSocket} = createRequire(import.meta.url)('playwright-core/lib/utilsBundle');

export class board {
  // Creates and enrols a controller for `door` and connects it; resolves once the service
  // sent the board its access list.
  static async connect(hub, door, name = 'Test board') {
    const made = await hub.as_admin('POST', '/controllers', {name, site_id: door.site_id, door_ids: [door.id]});
    return board.enrol(hub, made.enrollment_token, door, name);
  }

  // Enrols with a token an admin was given for `door`, then connects as connect() does.
  static async enrol(hub, token, door, name = 'Test board') {
    const b = new board();
    const dir = mkdtempSync(join(tmpdir(), 'hubgate-board-'));
    try {
      execFileSync('openssl', ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'csr.pem'), '-subj', `/CN=${name}`], {stdio: 'ignore'});
      b.key = readFileSync(join(dir, 'key.pem'), 'utf8');
      const csr = readFileSync(join(dir, 'csr.pem'), 'utf8');
      const enrolled = await call(hub.base, 'POST', '/api/v1/controllers/enroll',
        {body: {token, csr_pem: csr}});
      if (enrolled.status !== 200) throw new Error(`enrolment failed: ${enrolled.status} ${JSON.stringify(enrolled.body)}`);
      Object.assign(b, {id: enrolled.body.controller_id, cert: enrolled.body.certificate_pem, ca: enrolled.body.ca_pem,
        door_id: door.id, messages: [], waiters: []});
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
    b.socket = new WebSocket(`wss://127.0.0.1:${hub.controller_port}/api/v1/controllers/stream`,
      {cert: b.cert, key: b.key, ca: b.ca, servername: 'localhost'});
    b.socket.on('message', (data) => {
      const m = JSON.parse(String(data));
      b.messages.push(m);
      b.waiters = b.waiters.filter((w) => !(w.match(m) && (w.resolve(m), true)));
    });
    await new Promise((resolve, reject) => { b.socket.once('open', resolve); b.socket.once('error', reject); });
    const list = b.next((m) => m.type === 'list');
    b.send({type: 'hello', controller_id: b.id, epoch: 0, sequence: 0, clock_ms: Date.now(), reader: 'ok', door: 'closed'});
    await list;
    return b;
  }

  send(message) { this.socket.send(JSON.stringify(message)); }

  // The first message (already received or still to come) for which match holds.
  next(match) {
    const had = this.messages.find(match);
    if (had) return Promise.resolve(had);
    return new Promise((resolve) => this.waiters.push({match, resolve}));
  }

  // Uploads one event of `kind` at this board's door; resolves with its id once the service
  // acknowledged it as stored.
  async report(kind, {reason = '', card = kind.startsWith('tap_') ? randomBytes(16).toString('hex') : undefined} = {}) {
    const id = randomBytes(16).toString('hex');
    const acked = this.next((m) => m.type === 'events_ack' && m.ids.includes(id));
    this.send({type: 'events', events: [{id, door: this.door_id, card, at: Date.now(), kind, reason}]});
    await acked;
    return id;
  }

  close() { this.socket?.close(); }
}
