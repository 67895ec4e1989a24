// Malformed input on every write route: invalid JSON, a non-object body, unknown fields, wrong
// types, missing required fields, oversized bodies (test config body_limit = 65536 → 413).
// Each answers 4xx with {"error":{"code","message","field"}}; the server stays up (GET /healthz
// after each group) and nothing is stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setupSuite, rawRequest, assertError, assertStatus, assertHealthy, chinaSitesCsv, PASSWORD } from './harness.mjs';

let s;
const id = {};
before(async () => {
  s = await setupSuite('malformed');
  const a = s.c.admin;
  id.unit = s.units.townA;
  id.person = assertStatus(await a.post('/api/v1/people', { unit_id: s.units.townA, name: '甲' }), 201).id;
  id.user = s.c.clerkA.user.id;
  id.station = assertStatus(await a.post('/api/v1/stations', { code: 'M01', name: '站', kind: 'county', unit_id: s.units.townA, city: '登封市' }), 201).id;
  id.target = assertStatus(await a.post('/api/v1/targets', { unit_id: s.units.townA, year: 2025, indicator: 'pm25_mean', value: 40 }), 201).id;
});
after(async () => { await s?.close(); });

// method, path, a valid body, a field with a wrong-typed value
const WRITES = () => [
  ['POST', '/api/v1/units', { code: 'mx', name: 'x', kind: 'township' }, ['code', 17]],
  ['PATCH', `/api/v1/units/${id.unit}`, { name: 'x' }, ['name', ['a']]],
  ['POST', '/api/v1/people', { unit_id: id.unit, name: 'x', post: '', phone: '' }, ['unit_id', 'seven']],
  ['PATCH', `/api/v1/people/${id.person}`, { name: 'x' }, ['phone', 13800000000]],
  ['POST', '/api/v1/users', { username: 'mu', display_name: 'x', role: 'unit', unit_id: id.unit, password: PASSWORD }, ['role', 3]],
  ['PATCH', `/api/v1/users/${id.user}`, { display_name: 'x' }, ['disabled', 'yes']],
  ['POST', '/api/v1/stations', { code: 'MX1', name: 'x', kind: 'micro', unit_id: id.unit, city: 'c' }, ['latitude', 'north']],
  ['PATCH', `/api/v1/stations/${id.station}`, { name: 'x' }, ['control', 'yes']],
  ['POST', '/api/v1/targets', { unit_id: id.unit, year: 2026, indicator: 'pm10_mean', value: 70 }, ['year', '2026']],
  ['PATCH', `/api/v1/targets/${id.target}`, { note: 'x' }, ['value', 'high']],
  ['POST', '/api/v1/auth/password', { old_password: PASSWORD, new_password: 'New-pass-2026' }, ['old_password', false]],
];

let baseline;
const state = async () => {
  const a = s.c.admin;
  return JSON.stringify([
    (await a.get('/api/v1/units')).data, (await a.get('/api/v1/people')).data, (await a.get('/api/v1/users')).data,
    (await a.get('/api/v1/stations')).data, (await a.get('/api/v1/targets')).data,
  ]);
};

test('invalid JSON → 400 invalid_argument on every JSON write route', async () => {
  baseline = await state();
  const broken = ['{', '{"name":', '{"name":"x",}', "{'name':'x'}", 'name=x', '\u0000', '{"name":"x"}garbage', '{"a":1'.padEnd(200, '['), ''];
  for (const [method, p] of WRITES()) {
    for (const body of broken) {
      const r = await s.c.admin.request(method, p, { body, headers: { 'content-type': 'application/json' } });
      assertError(r, 400, 'invalid_argument');
    }
  }
  // deeply nested JSON does not bring the server down
  const deep = '['.repeat(100000) + ']'.repeat(100000);
  assert.ok([400, 413].includes((await s.c.admin.request('POST', '/api/v1/units', { body: deep.slice(0, 60000), headers: { 'content-type': 'application/json' } })).status));
  await assertHealthy(s.server);
});

test('a body that is not a JSON object → 400', async () => {
  for (const [method, p] of WRITES()) {
    for (const json of [[], [1, 2], 'text', 42, null, true]) {
      assertError(await s.c.admin.request(method, p, { json }), 400, 'invalid_argument');
    }
  }
  await assertHealthy(s.server);
});

test('unknown fields → 400 naming the field', async () => {
  for (const [method, p, valid] of WRITES()) {
    assertError(await s.c.admin.request(method, p, { json: { ...valid, is_admin: true } }), 400, 'invalid_argument', 'is_admin');
    assertError(await s.c.admin.request(method, p, { json: { ...valid, 'unit_id ': 1 } }), 400, 'invalid_argument', 'unit_id ');
  }
  // fields a route does not take, though others do
  assertError(await s.c.admin.patch(`/api/v1/stations/${id.station}`, { code: 'NEW' }), 400, 'invalid_argument', 'code');
  assertError(await s.c.admin.patch(`/api/v1/targets/${id.target}`, { indicator: 'pm10_mean' }), 400, 'invalid_argument', 'indicator');
  assertError(await s.c.admin.patch(`/api/v1/people/${id.person}`, { unit_id: s.units.townB }), 400, 'invalid_argument', 'unit_id');
  assertError(await s.c.admin.patch(`/api/v1/users/${id.user}`, { username: 'renamed' }), 400, 'invalid_argument', 'username');
  await assertHealthy(s.server);
});

test('wrong types → 400 naming the field', async () => {
  for (const [method, p, valid, [field, value]] of WRITES()) {
    assertError(await s.c.admin.request(method, p, { json: { ...valid, [field]: value } }), 400, 'invalid_argument', field);
  }
  // numbers where integers are expected, objects where strings are expected
  assertError(await s.c.admin.post('/api/v1/people', { unit_id: 1.5, name: 'x' }), 400, 'invalid_argument', 'unit_id');
  assertError(await s.c.admin.post('/api/v1/people', { unit_id: id.unit, name: { zh: 'x' } }), 400, 'invalid_argument', 'name');
  assertError(await s.c.admin.post('/api/v1/targets', { unit_id: id.unit, year: 2027, indicator: 'pm25_mean', value: -5 }), 400, 'invalid_argument', 'value');
  assertError(await s.c.admin.post('/api/v1/targets', { unit_id: id.unit, year: 1800, indicator: 'pm25_mean', value: 5 }), 400, 'invalid_argument', 'year');
  assertError(await s.c.admin.post('/api/v1/stations', { code: 'MX2', name: 'x', kind: 'satellite', unit_id: id.unit, city: 'c' }), 400, 'invalid_argument', 'kind');
  assertError(await s.c.admin.post('/api/v1/users', { username: 'mv', display_name: 'x', role: 'unit', unit_id: 2 ** 53, password: PASSWORD }), 400);
  // ids in the path
  for (const bad of ['abc', '1.5', '99999999999999999999999', '1%20OR%201=1', '0x10', '1e3'])
    assertError(await s.c.admin.patch(`/api/v1/units/${bad}`, { name: 'x' }), 400, 'invalid_argument', 'id');
  for (const bad of ['-1', '0']) {
    const r = await s.c.admin.patch(`/api/v1/units/${bad}`, { name: 'x' });
    assert.ok([400, 404].includes(r.status), `id ${bad}: ${r.status}`);
    assertError(r, r.status, undefined, 'id');
  }
  await assertHealthy(s.server);
});

test('missing required fields → 400 naming the field', async () => {
  assertError(await s.c.admin.post('/api/v1/units', { name: 'x', kind: 'township' }), 400, 'invalid_argument', 'code');
  assertError(await s.c.admin.post('/api/v1/people', { name: 'x' }), 400, 'invalid_argument', 'unit_id');
  assertError(await s.c.admin.post('/api/v1/users', { username: 'u', display_name: 'x', role: 'unit', unit_id: id.unit }), 400, 'invalid_argument', 'password');
  assertError(await s.c.admin.post('/api/v1/stations', { code: 'MX3', name: 'x', kind: 'micro', unit_id: id.unit }), 400, 'invalid_argument', 'city');
  assertError(await s.c.admin.post('/api/v1/targets', { unit_id: id.unit, year: 2027, indicator: 'pm25_mean' }), 400, 'invalid_argument', 'value');
  await assertHealthy(s.server);
});

test('oversized bodies → 413 too_large (body_limit 65536), JSON and CSV', async () => {
  const big = JSON.stringify({ code: 'big', name: 'x'.repeat(70000), kind: 'township' });
  for (const [method, p] of WRITES()) {
    const r = await s.c.admin.request(method, p, { body: big, headers: { 'content-type': 'application/json' } });
    assertError(r, 413, 'too_large');
  }
  const csv = 'date,hour,type,M01\n' + '20250101,1,PM2.5,35\n'.repeat(4000);
  assertError(await s.c.admin.request('POST', '/api/v1/observations/import', { body: csv, headers: { 'content-type': 'text/csv' } }), 413, 'too_large');
  // a body just under the limit is read (an import of ~60 KB)
  let days = 1;
  while (chinaSitesCsv(['M01'], { days: days + 1 }).length < 65000) ++days;
  const fits = chinaSitesCsv(['M01'], { days });
  assert.ok(fits.length > 60000 && fits.length < 65536, `${fits.length}`);
  const ok = assertStatus(await s.c.admin.request('POST', '/api/v1/observations/import?source=fits.csv', { body: fits, headers: { 'content-type': 'text/csv' } }), 200);
  assert.ok(ok.accepted > 500 && ok.rejected === 0, JSON.stringify(ok).slice(0, 300));
  // a lying Content-Length is refused too, without hanging the server
  const r = await rawRequest(s.server.url, 'POST', '/api/v1/units', {
    cookie: s.c.admin.cookie, 'x-csrf-token': s.c.admin.csrf, 'content-type': 'application/json', 'content-length': '10000000',
  }, '{}').catch((e) => ({ status: 0, text: String(e) }));
  assert.ok(r.status === 413 || r.status === 0 || r.status === 400, `huge Content-Length: ${r.status}`);
  await assertHealthy(s.server);
});

test('malformed CSV imports: bad header → 422 bad_data; bad format parameter → 400', async () => {
  const csv = { headers: { 'content-type': 'text/csv' } };
  assertError(await s.c.admin.request('POST', '/api/v1/observations/import?source=x.csv', { body: 'not,a,known,header\n1,2,3,4\n', ...csv }), 422, 'bad_data');
  assertError(await s.c.admin.request('POST', '/api/v1/observations/import?source=x.csv', { body: '', ...csv }), 422, 'bad_data');
  assertError(await s.c.admin.request('POST', '/api/v1/observations/import?source=x.csv', { body: '\u0000\u0001\u0002binary', ...csv }), 422, 'bad_data');
  assertError(await s.c.admin.request('POST', '/api/v1/observations/import?format=excel', { body: 'date,hour,type,M01\n', ...csv }), 400, 'invalid_argument', 'format');
  await assertHealthy(s.server);
});

test('nothing malformed was stored', async () => {
  const now = JSON.parse(await state());
  const was = JSON.parse(baseline);
  assert.deepEqual(now, was);
  const v = assertStatus(await s.c.admin.get('/api/v1/audit/verify'), 200);
  assert.equal(v.ok, true);
  await assertHealthy(s.server);
});

test('request headers over 64 KiB → 431 too_large; the server stays up', async () => {
  const r = await rawRequest(s.server.url, 'GET', '/healthz', { 'x-padding': 'a'.repeat(70 * 1024) });
  assert.equal(r.status, 431);
  assert.equal(JSON.parse(r.text).error.code, 'too_large');
  assertStatus(await rawRequest(s.server.url, 'GET', '/healthz', { 'x-padding': 'a'.repeat(8 * 1024) }), 200);
  await assertHealthy(s.server);
});
