// API test harness: starts the real `ecogov` binary on a free port with a fresh database, seeds one
// account per role through the command line, and gives tests a small client that keeps the
// session cookie and the CSRF token (docs/api.md).
//
// Environment: ECOGOV_BIN (the binary), ECOGOV_TEST_DB = "sqlite" (default) or a PostgreSQL URL
// (a database the test may wipe), ECOGOV_WEB_ROOT (optional, built front end).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const BIN = process.env.ECOGOV_BIN ?? path.resolve('build/ecogov');
export const PASSWORD = 'Test-pass-2026!';

/// The database target for this run: a fresh SQLite file, or the PostgreSQL URL wiped clean.
export function freshDatabase(dir) {
  const target = process.env.ECOGOV_TEST_DB ?? 'sqlite';
  if (target === 'sqlite') return path.join(dir, 'ecogov.db');
  execFileSync('psql', [target, '-q', '-c', 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;'], { stdio: 'pipe' });
  return target;
}

export function cli(db, ...args) {
  return execFileSync(BIN, [...args, '--db', db], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/// Starts a server; resolves to {url, db, dir, stop(), kill()} once it prints its URL.
export async function startServer({ db, dir, env = {} } = {}) {
  dir ??= mkdtempSync(path.join(tmpdir(), 'ecogov-api-'));
  db ??= freshDatabase(dir);
  const config = path.join(dir, 'ecogov.toml');
  writeFileSync(config, `[server]\nport = 0\nbody_limit = 65536\n[auth]\nfast_password_hashing = true\n`);
  const child = spawn(BIN, ['serve', '--config', config, '--db', db, '--port', '0'], {
    env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 15000);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[^\s]+)/);
      if (m) { clearTimeout(timer); resolve(m[1].replace(/\/$/, '')); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${log}`)); });
  });
  return {
    url, db, dir, child, log: () => log,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }),
    kill: () => new Promise((r) => { child.once('exit', r); child.kill('SIGKILL'); }),
  };
}

/// A signed-in (or anonymous) client.
export class Client {
  constructor(base) { this.base = base; this.cookie = ''; this.csrf = ''; }

  async request(method, p, { body, json, headers = {}, csrf = true } = {}) {
    const h = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (csrf && this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    let payload = body;
    if (json !== undefined) { payload = JSON.stringify(json); h['content-type'] = 'application/json'; }
    const res = await fetch(this.base + p, { method, headers: h, body: payload, redirect: 'manual' });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0];
    const text = await res.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch { data = text; }
    return { status: res.status, headers: res.headers, data, text };
  }
  get(p, o) { return this.request('GET', p, o); }
  post(p, json, o = {}) { return this.request('POST', p, { ...o, json }); }
  patch(p, json, o = {}) { return this.request('PATCH', p, { ...o, json }); }
  del(p, o) { return this.request('DELETE', p, o); }

  async login(username, password = PASSWORD) {
    const r = await this.post('/api/v1/auth/login', { username, password });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
    this.csrf = r.data.csrf_token;
    return r;
  }
}

/// Seeds units and one account per role; returns {units, accounts}.
export function seedAccounts(db) {
  cli(db, 'init', '--admin', 'admin', '--password', PASSWORD);
  return { admin: 'admin' };
}
