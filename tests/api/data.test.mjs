// Monitoring data, air quality, targets and audit (docs/api.md): stations, CSV import (idempotent,
// atomic, bad rows reported with line/column), observations, the air routes' documented shapes,
// targets with progress and remaining allowance, the audit trail listing every write and verifying.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setupSuite, assertError, assertStatus, assertHealthy, chinaSitesCsv } from './harness.mjs';

let s;
const CSV = { headers: { 'content-type': 'text/csv' } };
const START = '2026-01-01';
const DAYS = 40; // 2026-01-01 .. 2026-02-09 (the clock is later: days_remaining > 0)
let st = {};
before(async () => { s = await setupSuite('data', { config: { server: { body_limit: 8 * 1024 * 1024 } } }); });
after(async () => { await s?.close(); });

const TIME = /^\d{4}-\d\d-\d\dT\d\d:00\+08:00$/;
const DATE = /^\d{4}-\d\d-\d\d$/;
const STATION_KEYS = ['city', 'code', 'control', 'id', 'kind', 'latitude', 'longitude', 'name', 'unit_id'];

function assertCategory(c) {
  if (c === null) return;
  assert.deepEqual(Object.keys(c).sort(), ['colour', 'level', 'name_en', 'name_zh']);
  assert.ok(Number.isInteger(c.level) && c.level >= 1 && c.level <= 6);
  assert.match(c.colour, /^#[0-9A-F]{6}$/i);
  const official = ['#00E400', '#FFFF00', '#FF7E00', '#FF0000', '#99004C', '#7E0023'];
  assert.equal(c.colour.toUpperCase(), official[c.level - 1], `colour of level ${c.level}`);
}

test('stations: create (201) with every field, list, change; codes unique', async () => {
  const a = s.c.admin;
  const one = assertStatus(await a.post('/api/v1/stations', { code: 'DF01', name: '登封市环保局', kind: 'national', unit_id: s.units.townA, city: '登封市', longitude: 113.0412, latitude: 34.4573, control: false }), 201);
  assert.deepEqual(Object.keys(one).sort(), STATION_KEYS);
  assert.equal(one.longitude, 113.0412);
  assert.equal(one.control, false);
  const two = assertStatus(await s.c.bureau.post('/api/v1/stations', { code: 'DF02', name: '大冶镇', kind: 'micro', unit_id: s.units.townB, city: '登封市' }), 201);
  assert.equal(two.longitude, null);
  assert.equal(two.latitude, null);
  const ctl = assertStatus(await a.post('/api/v1/stations', { code: 'DF09', name: '少室山(对照点)', kind: 'provincial', unit_id: s.units.bureau, city: '登封市', control: true }), 201);
  assert.equal(ctl.control, true);
  st = { one, two, ctl };
  assertError(await a.post('/api/v1/stations', { code: 'DF01', name: 'dup', kind: 'micro', unit_id: s.units.townA, city: '登封市' }), 409, 'conflict');
  const changed = assertStatus(await a.patch(`/api/v1/stations/${two.id}`, { name: '大冶镇站', kind: 'county', longitude: 113.2, latitude: 34.5 }), 200);
  assert.equal(changed.name, '大冶镇站');
  assert.equal(changed.kind, 'county');
  assert.equal(changed.code, 'DF02');
  assert.equal(changed.unit_id, s.units.townB);
  assertError(await a.patch('/api/v1/stations/999999', { name: 'x' }), 404, 'not_found');
  const list = assertStatus(await s.c.leader.get('/api/v1/stations'), 200).stations;
  assert.deepEqual(list.map((x) => x.code).sort(), ['DF01', 'DF02', 'DF09']);
  for (const x of list) assert.deepEqual(Object.keys(x).sort(), STATION_KEYS);
});

test('import: accepted/rejected/changed; re-import changes nothing; all in one batch', async () => {
  const csv = chinaSitesCsv(['DF01', 'DF02', 'DF09'], { days: DAYS, start: START });
  const r = assertStatus(await s.c.bureau.request('POST', '/api/v1/observations/import?source=jan.csv', { body: csv, ...CSV }), 200);
  assert.deepEqual(Object.keys(r).sort().filter((k) => k !== 'error_count'), ['accepted', 'batch_id', 'changed', 'errors', 'rejected']);
  assert.ok(Number.isInteger(r.batch_id) && r.batch_id > 0);
  assert.equal(r.accepted, 3 * 24 * DAYS);
  assert.equal(r.rejected, 0);
  assert.equal(r.changed, 3 * 24 * DAYS);
  assert.deepEqual(r.errors, []);
  const again = assertStatus(await s.c.admin.request('POST', '/api/v1/observations/import?source=jan-again.csv', { body: csv, ...CSV }), 200);
  assert.equal(again.accepted, r.accepted);
  assert.equal(again.changed, 0, 're-import changes nothing');
  assert.notEqual(again.batch_id, r.batch_id);
  // one changed value changes one row
  const lines = csv.split('\n');
  const i = lines.findIndex((l) => l.startsWith('20260105,7,PM2.5,'));
  lines[i] = lines[i].replace(/,\d+$/, ',499');
  const one = assertStatus(await s.c.admin.request('POST', '/api/v1/observations/import?source=fix.csv', { body: lines.join('\n'), ...CSV }), 200);
  assert.equal(one.changed, 1);
  const obs = assertStatus(await s.c.admin.get('/api/v1/observations?station=DF09&from=2026-01-05&to=2026-01-05'), 200).observations;
  assert.equal(obs.find((o) => o.time === '2026-01-05T07:00+08:00').pm25, 499);
});

test('import: a bad row is reported with line, column and field; good rows kept', async () => {
  const csv = [
    'date,hour,type,DF01,DF02',
    '20260301,1,PM2.5,35,40',
    '20260301,2,PM2.5,abc,41',   // line 3: bad cell in column 4
    '20260301,3,PM2.5,36',       // line 4: too few columns
    '20260399,4,PM2.5,37,42',    // line 5: bad date
    '20260301,5,PM2.5,38,43',
    '20260301,6,PM2.5,39,44',
    'UNKNOWN,LINE',
  ].join('\n') + '\n';
  const r = assertStatus(await s.c.admin.request('POST', '/api/v1/observations/import?source=bad.csv', { body: csv, ...CSV }), 200);
  assert.ok(r.rejected >= 2, JSON.stringify(r));
  assert.ok(r.accepted >= 6, JSON.stringify(r));
  for (const e of r.errors) {
    assert.deepEqual(Object.keys(e).sort(), ['column', 'field', 'line', 'message']);
    assert.ok(Number.isInteger(e.line) && Number.isInteger(e.column));
  }
  const cell = r.errors.find((e) => e.line === 3);
  assert.ok(cell, `line 3 reported: ${JSON.stringify(r.errors)}`);
  assert.equal(cell.column, 4);
  assert.ok(r.errors.find((e) => e.line === 4), 'line 4 reported');
  const date = r.errors.find((e) => e.line === 5);
  assert.ok(date, 'line 5 reported');
  assert.equal(date.column, 1);
  assert.equal(date.field, 'date');
  const obs = assertStatus(await s.c.admin.get('/api/v1/observations?station=DF01&from=2026-03-01&to=2026-03-01'), 200).observations;
  assert.deepEqual(obs.map((o) => [o.time, o.pm25]).filter((x) => x[1] !== null),
    [['2026-03-01T01:00+08:00', 35], ['2026-03-01T05:00+08:00', 38], ['2026-03-01T06:00+08:00', 39]]);
  // unknown stations are rejected with a reason, the batch still commits the rest
  const unk = assertStatus(await s.c.admin.request('POST', '/api/v1/observations/import?source=unk.csv', { body: 'date,hour,type,DF01,NOPE\n20260302,1,PM2.5,30,31\n', ...CSV }), 200);
  assert.equal(unk.accepted, 1);
  assert.ok(unk.errors.some((e) => /unknown station NOPE/.test(e.message)), JSON.stringify(unk.errors));
  await assertHealthy(s.server);
});

test('observations: documented shape; bad queries answer 400/404', async () => {
  const obs = assertStatus(await s.c.leader.get('/api/v1/observations?station=DF01&from=2026-01-02&to=2026-01-03'), 200).observations;
  assert.equal(obs.length, 48);
  for (const o of obs) {
    assert.deepEqual(Object.keys(o).sort(), ['co', 'no2', 'o3', 'pm10', 'pm25', 'so2', 'time']);
    assert.match(o.time, TIME);
  }
  assert.equal(obs[0].time, '2026-01-02T01:00+08:00');
  assert.equal(obs.at(-1).time, '2026-01-04T00:00+08:00');
  assert.equal(typeof obs[0].co, 'number');
  assertError(await s.c.leader.get('/api/v1/observations?from=2026-01-02'), 400, 'invalid_argument', 'station');
  assertError(await s.c.leader.get('/api/v1/observations?station=NOPE'), 404, 'not_found', 'station');
  assertError(await s.c.leader.get('/api/v1/observations?station=DF01&from=2026-13-01'), 400, 'invalid_argument', 'from');
  assertError(await s.c.leader.get('/api/v1/observations?station=DF01&from=2026-02-01&to=2026-01-01'), 400, 'invalid_argument');
  assertError(await s.c.leader.get('/api/v1/observations?station=DF01&from=2020-01-01&to=2026-01-01'), 400, 'invalid_argument', 'to');
});

test('air/overview: documented shape, official colours, ranking, targets', async () => {
  const o = assertStatus(await s.c.clerkA.get('/api/v1/air/overview'), 200);
  assert.deepEqual(Object.keys(o).sort(), ['date', 'latest_hour', 'ranking', 'stations', 'targets']);
  assert.match(o.date, DATE);
  assert.match(o.latest_hour, TIME);
  assert.equal(o.date, '2026-03-02');
  assert.equal(o.stations.length, 3);
  for (const x of o.stations) {
    assert.deepEqual(Object.keys(x).sort(), ['aqi', 'category', 'code', 'name', 'primary', 'time']);
    assertCategory(x.category);
  }
  const jan = assertStatus(await s.c.clerkA.get('/api/v1/air/overview?date=2026-01-20'), 200);
  assert.equal(jan.date, '2026-01-20');
  for (const x of jan.stations) {
    assert.ok(Number.isInteger(x.aqi), JSON.stringify(x));
    assert.match(x.time, TIME);
    assertCategory(x.category);
  }
  assert.ok(jan.ranking.length >= 2);
  for (const [i, r] of jan.ranking.entries()) {
    assert.deepEqual(Object.keys(r).sort(), ['code', 'composite_index', 'good_ratio', 'name', 'pm25_mean', 'rank']);
    assert.equal(typeof r.pm25_mean, 'number');
    assert.equal(r.rank, i + 1);
  }
  assert.ok(!jan.ranking.some((r) => r.code === 'DF09'), 'the control point is not ranked');
  assert.ok(Array.isArray(jan.targets));
  assertError(await s.c.clerkA.get('/api/v1/air/overview?date=yesterday'), 400, 'invalid_argument', 'date');
});

test('air/hourly, air/daily (station and city), air/evaluation: documented shapes', async () => {
  const h = assertStatus(await s.c.leader.get('/api/v1/air/hourly?station=DF01&from=2026-01-10&to=2026-01-10'), 200).rows;
  assert.equal(h.length, 24);
  for (const r of h) {
    assert.deepEqual(Object.keys(r).sort(), ['aqi', 'category', 'co', 'no2', 'o3', 'pm10', 'pm25', 'primary', 'rules', 'so2', 'time']);
    assert.match(r.time, TIME);
    assertCategory(r.category);
  }
  const dailyKeys = ['aqi', 'category', 'co', 'date', 'no2', 'o3_1h_max', 'o3_8h_max', 'pm10', 'pm25', 'primary', 'rules', 'so2', 'valid'];
  const d = assertStatus(await s.c.leader.get('/api/v1/air/daily?station=DF01&from=2026-01-01&to=2026-01-31'), 200).rows;
  assert.equal(d.length, 31);
  for (const r of d) {
    assert.deepEqual(Object.keys(r).sort(), dailyKeys);
    assert.match(r.date, DATE);
    assertCategory(r.category);
  }
  assert.equal(d.filter((r) => r.valid).length >= 30, true);
  const city = assertStatus(await s.c.leader.get(`/api/v1/air/daily?city=${encodeURIComponent('登封市')}&from=2026-01-01&to=2026-01-07`), 200).rows;
  assert.equal(city.length, 7);
  for (const r of city) assert.deepEqual(Object.keys(r).sort(), dailyKeys);
  const evalKeys = ['co_p95', 'composite_index', 'days_per_level', 'good_days', 'good_ratio', 'heavy_days', 'no2_mean', 'no2_p98',
    'o3_8h_p90', 'period', 'pm10_mean', 'pm10_p95', 'pm25_mean', 'pm25_p95', 'rules', 'so2_mean', 'so2_p98', 'valid', 'valid_days'];
  for (const q of ['period=month&year=2026', 'period=quarter&year=2026', 'period=year&year=2026', 'period=2026-01-01..2026-01-31']) {
    const e = assertStatus(await s.c.leader.get(`/api/v1/air/evaluation?station=DF01&${q}`), 200).rows;
    assert.ok(e.length >= 1, q);
    for (const r of e) {
      for (const k of evalKeys) assert.ok(k in r, `${q}: ${k} in ${Object.keys(r)}`);
      assert.equal(r.days_per_level.length, 6);
    }
  }
  const jan = assertStatus(await s.c.leader.get('/api/v1/air/evaluation?station=DF01&period=month&year=2026'), 200).rows[0];
  assert.equal(jan.period, '2026-01');
  assert.equal(jan.valid_days, 31);
  assert.equal(jan.days_per_level.reduce((x, y) => x + y, 0), 31);
  assertStatus(await s.c.leader.get(`/api/v1/air/evaluation?city=${encodeURIComponent('登封市')}&period=year&year=2026`), 200);
  assertError(await s.c.leader.get('/api/v1/air/daily?from=2026-01-01'), 400, 'invalid_argument');
  assertError(await s.c.leader.get('/api/v1/air/hourly?station=NOPE'), 404, 'not_found', 'station');
  assertError(await s.c.leader.get('/api/v1/air/evaluation?station=DF01&period=fortnight&year=2026'), 400, 'invalid_argument', 'period');
});

test('air/daily.csv and air/daily.xlsx are downloads of the daily rows', async () => {
  const q = 'station=DF01&from=2026-01-01&to=2026-01-07';
  const csv = await s.c.leader.get(`/api/v1/air/daily.csv?${q}`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers['content-type'], /^text\/csv/);
  assert.match(csv.headers['content-disposition'] ?? '', /attachment/);
  const lines = csv.text.trim().split('\n');
  assert.equal(lines.length, 8);
  assert.match(lines[0], /date,rules,aqi,primary,category,so2,no2,co,pm10,pm25,o3_8h_max,o3_1h_max,valid/);
  const x = await s.c.leader.get(`/api/v1/air/daily.xlsx?${q}`);
  assert.equal(x.status, 200);
  assert.match(x.headers['content-type'], /spreadsheetml/);
  assert.equal(x.body.subarray(0, 2).toString('latin1'), 'PK', 'a zip (xlsx) file');
  assertError(await s.c.leader.get('/api/v1/air/daily.csv?station=NOPE'), 404, 'not_found');
});

test('targets: create (201), list by year, change, delete; progress with remaining allowance', async () => {
  const B = s.c.bureau;
  const pm25 = assertStatus(await B.post('/api/v1/targets', { unit_id: s.units.townA, year: 2026, indicator: 'pm25_mean', value: 45, note: '省下达' }), 201);
  assert.deepEqual(Object.keys(pm25).sort(), ['id', 'indicator', 'note', 'unit_id', 'value', 'year']);
  assert.equal(pm25.value, 45);
  const good = assertStatus(await B.post('/api/v1/targets', { unit_id: s.units.townA, year: 2026, indicator: 'good_ratio', value: 80.5 }), 201);
  assert.equal(good.value, 80.5);
  const heavy = assertStatus(await B.post('/api/v1/targets', { unit_id: s.units.townA, year: 2026, indicator: 'heavy_days', value: 5 }), 201);
  const unreachable = assertStatus(await B.post('/api/v1/targets', { unit_id: s.units.townB, year: 2026, indicator: 'pm25_mean', value: 5 }), 201);
  const gone = assertStatus(await B.post('/api/v1/targets', { unit_id: s.units.townB, year: 2026, indicator: 'pm10_mean', value: 70 }), 201);
  assertError(await B.post('/api/v1/targets', { unit_id: s.units.townA, year: 2026, indicator: 'pm25_mean', value: 40 }), 409, 'conflict');
  assertError(await B.post('/api/v1/targets', { unit_id: s.units.townA, year: 2026, indicator: 'PM2.5 mean!', value: 40 }), 400, 'invalid_argument', 'indicator');
  const changed = assertStatus(await B.patch(`/api/v1/targets/${gone.id}`, { value: 65.4, note: '调整' }), 200);
  assert.equal(changed.value, 65);
  assert.equal(changed.note, '调整');
  assert.deepEqual(assertStatus(await s.c.admin.del(`/api/v1/targets/${gone.id}`), 200), { ok: true });
  assertError(await s.c.admin.del(`/api/v1/targets/${gone.id}`), 404, 'not_found');
  assertError(await s.c.admin.patch(`/api/v1/targets/${gone.id}`, { value: 1 }), 404, 'not_found');
  const list = assertStatus(await s.c.leader.get('/api/v1/targets?year=2026'), 200).targets;
  assert.deepEqual(list.map((t) => t.id).sort(), [pm25.id, good.id, heavy.id, unreachable.id].sort());
  assert.deepEqual(assertStatus(await s.c.leader.get('/api/v1/targets?year=2030'), 200).targets, []);
  assertError(await s.c.leader.get('/api/v1/targets?year=abc'), 400, 'invalid_argument', 'year');

  const progress = assertStatus(await s.c.clerkB.get(`/api/v1/targets/progress?year=2026&unit_id=${s.units.townA}`), 200).progress;
  assert.equal(progress.length, 3);
  for (const p of progress) {
    assert.deepEqual(Object.keys(p).sort(), ['days_elapsed', 'days_remaining', 'explanation', 'on_track', 'out_of_reach', 'remaining', 'target', 'to_date']);
    assert.equal(p.target.unit_id, s.units.townA);
    assert.equal(p.days_elapsed + p.days_remaining, 365);
    assert.ok(p.days_remaining > 0);
    assert.equal(typeof p.on_track, 'boolean');
    assert.equal(typeof p.out_of_reach, 'boolean');
    assert.equal(typeof p.explanation, 'string');
  }
  const byInd = Object.fromEntries(progress.map((p) => [p.target.indicator, p]));
  const m = byInd.pm25_mean;
  assert.equal(typeof m.to_date, 'number');
  assert.equal(typeof m.remaining.max_mean, 'number');
  // the allowance keeps the annual mean (over days with valid data: the 40 full days imported) at
  // the target, and is the highest such whole number (to_date is rounded: allow a little slack)
  const annual = (x) => (m.to_date * DAYS + x * m.days_remaining) / (DAYS + m.days_remaining);
  assert.ok(annual(m.remaining.max_mean) < 45.5 + 0.1, `annual mean with the allowance: ${JSON.stringify(m)}`);
  assert.ok(annual(m.remaining.max_mean + 1) > 45.5 - 0.1, `allowance is the highest: ${JSON.stringify(m)}`);
  assert.equal(m.out_of_reach, false);
  assert.ok(Number.isInteger(byInd.good_ratio.remaining.good_days_needed));
  assert.ok(byInd.good_ratio.remaining.good_days_needed <= byInd.good_ratio.days_remaining);
  assert.ok(Number.isInteger(byInd.heavy_days.remaining.heavy_days_left));
  const b = assertStatus(await s.c.leader.get(`/api/v1/targets/progress?year=2026&unit_id=${s.units.townB}`), 200).progress;
  assert.equal(b.length, 1);
  assert.equal(b[0].out_of_reach, true, `5 µg/m³ is out of reach: ${JSON.stringify(b[0])}`);
  assert.equal(b[0].on_track, false);
  const all = assertStatus(await s.c.leader.get('/api/v1/targets/progress?year=2026'), 200).progress;
  assert.equal(all.length, 4);
  assertError(await s.c.leader.get('/api/v1/targets/progress?year=1999'), 400, 'invalid_argument', 'year');
  // the overview carries the progress too
  const o = assertStatus(await s.c.leader.get('/api/v1/air/overview'), 200);
  assert.ok(o.targets.length >= 1);
});

test('audit: every write is listed with who, what, before and after; paging; verify ok', async () => {
  const L = s.c.leader;
  const all = [];
  let page = assertStatus(await L.get('/api/v1/audit?limit=5'), 200).entries;
  assert.equal(page.length, 5);
  while (page.length) {
    all.push(...page);
    page = assertStatus(await L.get(`/api/v1/audit?limit=50&before_id=${page.at(-1).id}`), 200).entries;
  }
  const ids = all.map((e) => e.id);
  assert.deepEqual(ids, [...ids].sort((x, y) => y - x), 'newest first');
  assert.deepEqual([...ids].reverse(), Array.from({ length: ids.length }, (_, i) => i + 1), 'ids 1..N without gaps');
  for (const e of all) {
    assert.deepEqual(Object.keys(e).sort(), ['action', 'after', 'at', 'before', 'entity', 'entity_id', 'id', 'username']);
    assert.match(e.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.ok(!JSON.stringify(e).includes('$argon2'), 'never a password hash');
  }
  const has = (pred, what) => assert.ok(all.some(pred), what);
  has((e) => e.username === 'cli' && e.action === 'create' && e.entity === 'users', 'CLI user creation');
  has((e) => e.action === 'login' && e.username === 'clerkA', 'logins');
  has((e) => e.action === 'create' && e.entity === 'units' && e.username === 'admin', 'unit creation');
  has((e) => e.action === 'create' && e.entity === 'stations' && e.after?.code === 'DF01', 'station creation');
  has((e) => e.action === 'update' && e.entity === 'stations' && e.before?.name === '大冶镇' && e.after?.name === '大冶镇站', 'station change with before/after');
  has((e) => e.action === 'import' && e.username === 'bureau', 'imports');
  has((e) => e.action === 'create' && e.entity === 'targets' && e.username === 'bureau', 'target creation');
  has((e) => e.action === 'update' && e.entity === 'targets', 'target change');
  has((e) => e.action === 'delete' && e.entity === 'targets' && e.after === null && e.before !== null, 'target deletion');
  assertError(await L.get('/api/v1/audit?limit=abc'), 400, 'invalid_argument', 'limit');
  const v = assertStatus(await s.c.admin.get('/api/v1/audit/verify'), 200);
  assert.deepEqual(Object.keys(v).sort(), ['entries', 'first_bad_id', 'head', 'ok', 'problem']);
  assert.equal(v.ok, true);
  assert.equal(v.entries, all.length);
  assert.equal(v.first_bad_id, null);
  await assertHealthy(s.server);
});
