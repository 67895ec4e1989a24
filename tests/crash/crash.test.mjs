// Crash safety (issue 3 acceptance 4) on SQLite:
// - SIGKILL the server in the middle of a large CSV import (the request in flight), restart it on
//   the same database: PRAGMA integrity_check = ok, the interrupted batch wholly present or wholly
//   absent, every earlier batch present, `ecogov audit verify` exits 0;
// - alter one audit row behind the server's back: `ecogov audit verify` exits 1 and names it;
// - `ecogov backup --to F` while the server runs; restore per docs/operations.md; the restored
//   database serves the same /api/v1/stations.
// Run: ECOGOV_BIN=build/ecogov node --test tests/crash/ (ctest crash.sqlite).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  BIN, PASSWORD, Client, cli, cliResult, startServer, assertStatus, assertError, rawRequest,
} from '../api/harness.mjs';

const STATIONS = Number(process.env.ECOGOV_CRASH_STATIONS ?? 50);
const CONFIG = { server: { body_limit: 256 * 1024 * 1024 }, log: { level: 'warn' } };
let dir;
let db;
let server;
let admin;
let bigCsv;
let bigCodes = [];

const sqlite = (file, sql) => execFileSync('sqlite3', ['-batch', '-noheader', file, sql], { encoding: 'utf8' }).trim();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function start() {
  server = await startServer({ db, dir, config: CONFIG });
  admin = new Client(server.url);
  await admin.login('admin');
}

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ecogov-crash-'));
  db = path.join(dir, 'ecogov.db');
  cli(db, 'init', '--admin', 'admin', '--password', PASSWORD);
  await start();
  const bureau = admin.user.unit_id;
  // a small earlier batch
  assertStatus(await admin.post('/api/v1/stations', { code: 'SM01', name: '小批一', kind: 'county', unit_id: bureau, city: '登封市' }), 201);
  assertStatus(await admin.post('/api/v1/stations', { code: 'SM02', name: '小批二', kind: 'county', unit_id: bureau, city: '登封市' }), 201);
  // the large file and its stations
  bigCsv = path.join(dir, 'big.csv');
  const list = path.join(dir, 'big-stations.csv');
  execFileSync(BIN, ['air', 'generate', '--stations', String(STATIONS), '--year', '2025', '--layout', 'hourly',
    '--prefix', 'BG', '--seed', String(1 + Math.floor(Math.random() * 1000)), '--output', bigCsv, '--stations-output', list, '--quiet']);
  for (const line of readFileSync(list, 'utf8').trim().split('\n').slice(1)) {
    const [code, name, city, lon, lat, control] = line.split(',');
    bigCodes.push(code);
    assertStatus(await admin.post('/api/v1/stations', {
      code, name, kind: 'micro', unit_id: bureau, city, longitude: Number(lon), latitude: Number(lat), control: control === 'yes',
    }), 201);
  }
});

after(async () => {
  await server?.kill();
  if (!process.env.ECOGOV_KEEP_TMP) rmSync(dir, { recursive: true, force: true });
});

function smallCsv() {
  const lines = ['date,hour,type,SM01,SM02'];
  for (let d = 1; d <= 3; ++d)
    for (let h = 0; h < 24; ++h)
      for (const t of ['PM2.5', 'PM10', 'SO2', 'NO2', 'O3', 'CO'])
        lines.push(`2025010${d},${h},${t},${t === 'CO' ? '0.8,1.1' : `${20 + h},${30 + d}`}`);
  return lines.join('\n') + '\n';
}

const countOf = (codes) => Number(sqlite(db,
  `SELECT count(*) FROM observations o JOIN stations s ON s.id = o.station_id WHERE s.code IN (${codes.map((c) => `'${c}'`).join(',')})`));

test('SIGKILL in the middle of a large import: database intact, batch all-or-nothing, audit verifies', async () => {
  const small = assertStatus(await admin.request('POST', '/api/v1/observations/import?source=small.csv',
    { body: smallCsv(), headers: { 'content-type': 'text/csv' } }), 200);
  assert.equal(small.accepted, 2 * 72);
  const smallCount = countOf(['SM01', 'SM02']);
  assert.equal(smallCount, 144);
  const batchesBefore = sqlite(db, 'SELECT id, rows_accepted, rows_changed FROM import_batches ORDER BY id');
  const auditBefore = Number(sqlite(db, 'SELECT max(id) FROM audit_log'));

  // the large import, killed while the request is in flight
  const body = readFileSync(bigCsv);
  let answered = null;
  const inFlight = rawRequest(server.url, 'POST', '/api/v1/observations/import?source=big.csv',
    { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'text/csv', 'content-length': String(body.length) }, body)
    .then((r) => { answered = r; }, (e) => { answered = { error: e }; });
  // wait until the server works on it (the upload is read), then a random part of the import
  const delay = 150 + Math.floor(Math.random() * 600);
  await sleep(delay);
  assert.equal(answered, null, `the import must still be running when the server is killed (delay ${delay} ms): make the file bigger`);
  const exit = await server.kill();
  assert.equal(exit.signal, 'SIGKILL');
  await inFlight;
  assert.ok(answered?.error, 'the client saw the connection drop');
  const walExists = existsSync(db + '-wal');

  // the database as the killed server left it, before any restart
  assert.equal(sqlite(db, 'PRAGMA integrity_check'), 'ok');
  assert.equal(sqlite(db, 'PRAGMA foreign_key_check'), '');
  const bigCount = countOf(bigCodes);
  const batchesAfter = sqlite(db, 'SELECT id, rows_accepted, rows_changed FROM import_batches ORDER BY id');
  const newBatches = batchesAfter.split('\n').filter((l) => l && !batchesBefore.split('\n').includes(l));
  if (bigCount === 0) {
    assert.deepEqual(newBatches, [], 'no batch row for the absent batch');
  } else {
    assert.equal(newBatches.length, 1, `one batch row: ${newBatches}`);
    const [, accepted, changed] = newBatches[0].split('|').map(Number);
    assert.equal(bigCount, changed, 'every changed row of the batch is present');
    assert.equal(bigCount, accepted, 'every accepted row present (fresh stations)');
    assert.ok(bigCount > STATIONS * 8000, `a whole year of ${STATIONS} stations: ${bigCount}`);
  }
  console.log(`# killed after ${delay} ms: big batch ${bigCount === 0 ? 'absent' : `present (${bigCount} rows)`}; wal ${walExists}`);
  assert.equal(countOf(['SM01', 'SM02']), smallCount, 'the earlier batch is present');
  const auditRows = Number(sqlite(db, 'SELECT count(*) FROM audit_log'));
  assert.equal(auditRows, Number(sqlite(db, 'SELECT max(id) FROM audit_log')));
  assert.equal(auditRows, auditBefore + (bigCount === 0 ? 0 : 1), 'the import\'s audit entry iff its batch');

  // restart on the same database
  await start();
  const h = await rawRequest(server.url, 'GET', '/healthz');
  assert.equal(h.status, 200);
  const obs = assertStatus(await admin.get('/api/v1/observations?station=SM01&from=2024-12-31&to=2025-01-03'), 200).observations;
  assert.equal(obs.length, 72);
  const v = cliResult('audit', 'verify', '--db', db);
  assert.equal(v.status, 0, `audit verify: ${v.stdout}${v.stderr}`);
  assert.match(v.stdout, /audit trail ok: \d+ entries checked/);
  const api = assertStatus(await admin.get('/api/v1/audit/verify'), 200);
  assert.equal(api.ok, true);
  assert.equal(sqlite(db, 'PRAGMA integrity_check'), 'ok');

  // the import can be done again after the crash and leaves one whole batch
  const redo = await admin.request('POST', '/api/v1/observations/import?source=big.csv', { body, headers: { 'content-type': 'text/csv' } });
  assertStatus(redo, 200);
  assert.equal(redo.data.rejected, 0);
  assert.equal(countOf(bigCodes), redo.data.accepted);
  assert.equal(redo.data.changed, bigCount === 0 ? redo.data.accepted : 0);
});

test('an audit row altered behind the server\'s back is named by `ecogov audit verify`', async () => {
  const n = Number(sqlite(db, 'SELECT max(id) FROM audit_log'));
  assert.ok(n >= 10);
  const victim = 3 + Math.floor(Math.random() * (n - 4));
  const before = sqlite(db, `SELECT after FROM audit_log WHERE id = ${victim}`);
  // the server keeps running; the tamperer writes the file directly
  sqlite(db, `UPDATE audit_log SET after = '{"tampered":true}' WHERE id = ${victim}`);
  const v = cliResult('audit', 'verify', '--db', db);
  assert.equal(v.status, 1, `audit verify must fail: ${v.stdout}${v.stderr}`);
  assert.match(v.stdout, new RegExp(`audit trail broken at entry ${victim}: hash mismatch`));
  const api = assertStatus(await admin.get('/api/v1/audit/verify'), 200);
  assert.equal(api.ok, false);
  assert.equal(api.first_bad_id, victim);
  // put it back: the chain verifies again
  sqlite(db, `UPDATE audit_log SET after = ${before === '' ? 'NULL' : `'${before.replaceAll("'", "''")}'`} WHERE id = ${victim}`);
  assert.equal(cliResult('audit', 'verify', '--db', db).status, 0, 'restored row verifies again');
  // a removed row (on a copy) is named as well: the entry after the gap
  const copy = path.join(dir, 'gap.db');
  sqlite(db, `.backup '${copy}'`);
  sqlite(copy, `DELETE FROM audit_log WHERE id = ${victim}`);
  const gap = cliResult('audit', 'verify', '--db', copy);
  assert.equal(gap.status, 1);
  assert.match(gap.stdout, new RegExp(`audit trail broken at entry ${victim + 1}: entry ${victim} missing`));
  // newest rows cut off (on a copy): the chain alone still verifies, the recorded head does not
  const head = /head: (\d+:[0-9a-f]{64})/.exec(cliResult('audit', 'verify', '--db', db).stdout)?.[1];
  assert.ok(head, 'audit verify prints the head');
  assert.equal(assertStatus(await admin.get(`/api/v1/audit/verify?expect=${head}`), 200).ok, true);
  const cut = path.join(dir, 'cut.db');
  sqlite(db, `.backup '${cut}'`);
  const headId = Number(head.split(':')[0]);
  sqlite(cut, `DELETE FROM audit_log WHERE id >= ${headId - 2}`);
  assert.equal(cliResult('audit', 'verify', '--db', cut).status, 0, 'a truncated chain is still a valid chain');
  const anchored = cliResult('audit', 'verify', '--db', cut, '--expect', head);
  assert.equal(anchored.status, 1, anchored.stdout);
  assert.match(anchored.stdout, new RegExp(`entry ${headId} missing: the trail ends at entry ${headId - 3}`));
  assertError(await admin.get('/api/v1/audit/verify?expect=12:nothex'), 400, 'invalid_argument', 'expect');
});

test('online backup while the server runs; restore per docs/operations.md serves the same stations', async () => {
  const copy = path.join(dir, 'backup.db');
  // keep writing while the backup runs
  const writes = (async () => {
    for (let i = 0; i < 20; ++i)
      await admin.post('/api/v1/people', { unit_id: admin.user.unit_id, name: `备份中${i}`, post: '', phone: '' });
  })();
  const b = cliResult('backup', '--db', db, '--to', copy);
  await writes;
  assert.equal(b.status, 0, `backup: ${b.stdout}${b.stderr}`);
  assert.match(b.stdout, /backup written to/);
  assert.equal(sqlite(copy, 'PRAGMA integrity_check'), 'ok');
  const stations = assertStatus(await admin.get('/api/v1/stations'), 200).stations;

  // restore into a new path: stop, move aside, copy in, verify, start
  const restoredDir = mkdtempSync(path.join(dir, 'restored-'));
  const restored = path.join(restoredDir, 'ecogov.db');
  copyFileSync(copy, restored);
  const v = cliResult('audit', 'verify', '--db', restored);
  assert.equal(v.status, 0, v.stdout + v.stderr);
  assert.match(v.stdout, /audit trail ok/);
  const restoredServer = await startServer({ db: restored, dir: restoredDir, config: CONFIG });
  try {
    const c = new Client(restoredServer.url);
    await c.login('admin');
    assert.deepEqual(assertStatus(await c.get('/api/v1/stations'), 200).stations, stations);
    // nothing was imported during the backup: the same observations
    assert.equal(Number(sqlite(restored, 'SELECT count(*) FROM observations')), Number(sqlite(db, 'SELECT count(*) FROM observations')));
    // the people written during the backup: a consistent prefix of them
    const names = assertStatus(await c.get('/api/v1/people'), 200).people.map((p) => p.name).filter((n) => n.startsWith('备份中'));
    assert.deepEqual(names, names.map((_, i) => `备份中${i}`));
  } finally {
    await restoredServer.stop();
  }
});

test('backup of an intact database verifies, and the restore procedure of docs/operations.md works', async () => {
  await server.stop();
  // a fresh, intact database
  const d = mkdtempSync(path.join(dir, 'intact-'));
  const file = path.join(d, 'ecogov.db');
  cli(file, 'init', '--admin', 'admin', '--password', PASSWORD);
  const s1 = await startServer({ db: file, dir: d, config: CONFIG });
  const a = new Client(s1.url);
  await a.login('admin');
  for (let i = 1; i <= 3; ++i)
    assertStatus(await a.post('/api/v1/stations', { code: `BK0${i}`, name: `备份站${i}`, kind: 'county', unit_id: a.user.unit_id, city: '登封市' }), 201);
  assertStatus(await a.request('POST', '/api/v1/observations/import?source=bk.csv',
    { body: 'date,hour,type,BK01,BK02\n20250101,1,PM2.5,35,40\n20250101,2,PM2.5,36,41\n', headers: { 'content-type': 'text/csv' } }), 200);
  const backup = path.join(d, 'ecogov-2026-11-29.db');
  const b = cliResult('backup', '--db', file, '--to', backup);
  assert.equal(b.status, 0, b.stderr);
  const stations = assertStatus(await a.get('/api/v1/stations'), 200).stations;
  // a later change that the restore will undo
  assertStatus(await a.patch(`/api/v1/stations/${stations[0].id}`, { name: '备份后改名' }), 200);
  // docs/operations.md "Restore" (SQLite): 1 stop; 2 move aside; 3 copy in; 4 verify; 5 start
  await s1.stop();
  renameSync(file, file + '.broken');
  rmSync(file + '-wal', { force: true });
  rmSync(file + '-shm', { force: true });
  copyFileSync(backup, file);
  const v = cliResult('audit', 'verify', '--db', file);
  assert.equal(v.status, 0, v.stdout + v.stderr);
  assert.match(v.stdout, /audit trail ok/);
  const s2 = await startServer({ db: file, dir: d, config: CONFIG });
  try {
    const c = new Client(s2.url);
    await c.login('admin');
    assert.deepEqual(assertStatus(await c.get('/api/v1/stations'), 200).stations, stations);
    assert.equal(assertStatus(await c.get('/api/v1/observations?station=BK01&from=2025-01-01&to=2025-01-01'), 200).observations.length, 2);
  } finally {
    await s2.stop();
  }
});
