// API test harness: starts the real `ecogov` binary on a free port with a fresh database, seeds one
// account per role through the command line (`ecogov init`, `ecogov user add`), and gives tests a
// small client that keeps the session cookie and the CSRF token (docs/api.md).
//
// Environment:
//   ECOGOV_BIN           the binary (default build/ecogov)
//   ECOGOV_TEST_DB       "sqlite" (default) or a PostgreSQL URL: each suite creates its own
//                        database beside it (CREATE DATABASE …; dropped again at the end)
//   ECOGOV_API_COVERAGE  optional file: every request's method, path and status is appended to it
//                        (coverage-check.mjs then checks that every route was exercised)
import { spawn, execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';

export const BIN = process.env.ECOGOV_BIN ?? path.resolve('build/ecogov');
export const PASSWORD = 'Test-pass-2026!';
export const BACKEND = (process.env.ECOGOV_TEST_DB ?? 'sqlite') === 'sqlite' ? 'sqlite' : 'postgresql';

// ---------------------------------------------------------------------------------------------
// Databases

/// A fresh database for one suite: a SQLite file in `dir`, or a new PostgreSQL database.
/// Returns {url, drop()}.
export function freshDatabase(dir, label = 'api') {
  const target = process.env.ECOGOV_TEST_DB ?? 'sqlite';
  if (target === 'sqlite') return { url: path.join(dir, 'ecogov.db'), drop() {} };
  const name = `ecogov_${label}_${process.pid}_${Date.now() % 100000}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  psql(target, `CREATE DATABASE ${name}`);
  const u = new URL(target);
  u.pathname = '/' + name;
  return {
    url: u.toString(),
    drop() {
      try { psql(target, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } catch { /* best effort */ }
    },
  };
}

export function psql(url, sql) {
  return execFileSync('psql', [url, '-qAtX', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/// Runs `ecogov ARGS --db DB`; returns stdout (throws on a non-zero exit).
export function cli(db, ...args) {
  return execFileSync(BIN, [...args, '--db', db], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/// Runs the binary and returns {status, stdout, stderr} whatever the exit code.
export function cliResult(...args) {
  try {
    const stdout = execFileSync(BIN, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: 0, stdout, stderr: '' };
  } catch (e) {
    return { status: e.status, stdout: String(e.stdout ?? ''), stderr: String(e.stderr ?? '') };
  }
}

// ---------------------------------------------------------------------------------------------
// Server

function toml(config) {
  let out = '';
  for (const [section, keys] of Object.entries(config)) {
    out += `[${section}]\n`;
    for (const [k, v] of Object.entries(keys)) out += `${k} = ${JSON.stringify(v)}\n`;
  }
  return out;
}

/// Starts `ecogov serve --config F --db DB --port 0`; resolves to {url, port, db, dir, stop(), kill()}
/// once it prints its URL. `config` overrides sections of the TOML file (ecogov.example.toml keys).
export async function startServer({ db, dir, config = {}, env = {} } = {}) {
  dir ??= mkdtempSync(path.join(tmpdir(), 'ecogov-api-'));
  const merged = {
    server: { listen: '127.0.0.1', port: 0, body_limit: 65536, ...(config.server ?? {}) },
    log: { level: 'warn', ...(config.log ?? {}) },
    login: { attempts_per_account: 3, attempts_per_address: 6, ...(config.login ?? {}) },
  };
  const configFile = path.join(dir, 'ecogov.toml');
  writeFileSync(configFile, toml(merged));
  const child = spawn(BIN, ['serve', '--config', configFile, '--db', db, '--port', '0'], {
    env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (d) => { log += d; if (log.length > 1e6) log = log.slice(-5e5); });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 30000);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1].replace(/\/$/, '')); }
    });
    child.once('exit', (code, sig) => { clearTimeout(timer); reject(new Error(`server exited ${code ?? sig}:\n${log}`)); });
  });
  const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
  return {
    url, port: Number(new URL(url).port), db, dir, child, log: () => log, exited,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: async () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM'); return exited; },
    kill: async () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); return exited; },
  };
}

// ---------------------------------------------------------------------------------------------
// Client

function record(method, p, status) {
  const file = process.env.ECOGOV_API_COVERAGE;
  if (!file) return;
  appendFileSync(file, `${method} ${p.split('?')[0]} ${status}\n`);
}

/// A signed-in (or anonymous) client. `localAddress` (e.g. 127.0.0.7) makes the requests come
/// from another loopback address (per-address login throttling).
export class Client {
  constructor(base, { localAddress } = {}) {
    this.base = base; this.cookie = ''; this.csrf = ''; this.localAddress = localAddress;
  }

  async request(method, p, { body, json, headers = {}, csrf = true } = {}) {
    const h = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (csrf && this.csrf && method !== 'GET' && h['x-csrf-token'] === undefined) h['x-csrf-token'] = this.csrf;
    let payload = body;
    if (json !== undefined) { payload = JSON.stringify(json); h['content-type'] ??= 'application/json'; }
    const res = await rawRequest(this.base, method, p, h, payload, this.localAddress);
    const set = res.headers['set-cookie'];
    if (set) this.cookie = String(Array.isArray(set) ? set[0] : set).split(';')[0];
    let data = null;
    try { data = res.text ? JSON.parse(res.text) : null; } catch { data = res.text; }
    record(method, p, res.status);
    return { status: res.status, headers: res.headers, data, text: res.text, body: res.body };
  }
  get(p, o) { return this.request('GET', p, o); }
  post(p, json, o = {}) { return this.request('POST', p, { ...o, json }); }
  patch(p, json, o = {}) { return this.request('PATCH', p, { ...o, json }); }
  del(p, o) { return this.request('DELETE', p, o); }

  async login(username, password = PASSWORD) {
    const r = await this.post('/api/v1/auth/login', { username, password });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
    this.csrf = r.data.csrf_token;
    this.user = r.data.user;
    return r;
  }
}

/// One HTTP request with the path sent verbatim (no URL normalisation: `/../x` stays `/../x`).
export function rawRequest(base, method, p, headers = {}, body, localAddress) {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: u.hostname, port: u.port, method, path: p, headers, localAddress, agent: false,
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const buf = Buffer.concat(chunks);
        resolve({ status: res.statusCode, headers: res.headers, body: buf, text: buf.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined && body !== null) req.end(body); else req.end();
  });
}

// ---------------------------------------------------------------------------------------------
// Assertions

/// A 4xx answer with the documented error body `{"error":{"code","message","field"}}`.
export function assertError(r, status, code, field) {
  assert.equal(r.status, status, `expected ${status} ${code ?? ''}, got ${r.status}: ${r.text.slice(0, 300)}`);
  assert.equal(typeof r.data, 'object', `error body is JSON: ${r.text.slice(0, 200)}`);
  assert.ok(r.data && r.data.error, `error body has "error": ${r.text.slice(0, 200)}`);
  const e = r.data.error;
  assert.deepEqual(Object.keys(e).sort(), ['code', 'field', 'message'], `error keys: ${r.text}`);
  assert.equal(typeof e.code, 'string');
  assert.equal(typeof e.message, 'string');
  assert.ok(e.message.length > 0, 'error message is not empty');
  assert.equal(typeof e.field, 'string');
  if (code !== undefined) assert.equal(e.code, code, `error code: ${r.text}`);
  if (field !== undefined) assert.equal(e.field, field, `error field: ${r.text}`);
  return e;
}

export function assertStatus(r, status) {
  assert.equal(r.status, status, `expected ${status}, got ${r.status}: ${String(r.text).slice(0, 400)}`);
  return r.data;
}

export async function assertHealthy(server) {
  assert.ok(server.alive(), `server died:\n${server.log().slice(-3000)}`);
  const r = await rawRequest(server.url, 'GET', '/healthz');
  assert.equal(r.status, 200);
  assert.deepEqual(JSON.parse(r.text), { status: 'ok', database: BACKEND });
}

// ---------------------------------------------------------------------------------------------
// Suite fixture: a server with units and one account per role

export const ROLES = ['admin', 'bureau', 'clerkA', 'clerkB', 'leader'];

/// Starts a seeded server. Returns {server, db, dir, units:{bureau,townA,townB,dept}, c:{anon,admin,
/// bureau,clerkA,clerkB,leader}, close()}.
export async function setupSuite(label, { config, webRoot } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), `ecogov-${label}-`));
  const database = freshDatabase(dir, label);
  const db = database.url;
  cli(db, 'init', '--admin', 'admin', '--name', '管理员', '--password', PASSWORD);
  let cfg = config ?? {};
  if (webRoot) cfg = { ...cfg, server: { ...(cfg.server ?? {}), web_root: webRoot } };
  const server = await startServer({ db, dir, config: cfg });
  const anon = new Client(server.url);
  const admin = new Client(server.url);
  await admin.login('admin');
  const units = { bureau: admin.user.unit_id };
  for (const [key, code, name, kind] of [
    ['townA', 'town-a', '嵩阳街道', 'township'],
    ['townB', 'town-b', '大冶镇', 'township'],
    ['dept', 'dept-env', '住建局', 'department'],
  ]) {
    const r = await admin.post('/api/v1/units', { code, name, kind, parent_id: units.bureau });
    assertStatus(r, 201);
    units[key] = r.data.id;
  }
  cli(db, 'user', 'add', 'bureau', '--role', 'bureau', '--unit', 'bureau', '--password', PASSWORD);
  cli(db, 'user', 'add', 'clerkA', '--role', 'unit', '--unit', 'town-a', '--password', PASSWORD);
  cli(db, 'user', 'add', 'clerkB', '--role', 'unit', '--unit', 'town-b', '--password', PASSWORD);
  cli(db, 'user', 'add', 'leader', '--role', 'leader', '--unit', 'bureau', '--name', '市领导', '--password', PASSWORD);
  const c = { anon, admin };
  for (const name of ['bureau', 'clerkA', 'clerkB', 'leader']) {
    c[name] = new Client(server.url);
    await c[name].login(name);
  }
  return {
    server, db, dir, units, c,
    async close() {
      await server.stop();
      database.drop();
      if (!process.env.ECOGOV_KEEP_TMP) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/// A small web root with an index.html and an asset, for the static-file tests.
export function makeWebRoot(dir) {
  const root = path.join(dir, 'web');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>ecogov test</title><div id="app"></div>\n');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log("ecogov");\n');
  return root;
}

/// A china_sites CSV (date,hour,type,CODE…) of `days` days from `start` (hours 0–23) for `codes`,
/// six pollutants; values depend on station, hour, pollutant and `base`.
export function chinaSitesCsv(codes, { days = 3, base = 0, start = '2025-01-01' } = {}) {
  const [y, m, d0] = start.split('-').map(Number);
  const types = ['PM2.5', 'PM10', 'SO2', 'NO2', 'O3', 'CO'];
  const lines = [['date', 'hour', 'type', ...codes].join(',')];
  for (let d = 0; d < days; ++d) {
    const date = new Date(Date.UTC(y, m - 1, d0 + d));
    const ymd = date.toISOString().slice(0, 10).replaceAll('-', '');
    for (let h = 0; h < 24; ++h) {
      for (const [ti, t] of types.entries()) {
        const vals = codes.map((_, si) => {
          const v = 20 + ((d * 24 + h) * 7 + si * 13 + ti * 5 + base) % 90;
          return t === 'CO' ? (v / 100).toFixed(1) : String(v);
        });
        lines.push([ymd, h, t, ...vals].join(','));
      }
    }
  }
  return lines.join('\n') + '\n';
}
