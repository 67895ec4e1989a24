// Authorisation on every route (docs/api.md access column; router Access levels):
// anonymous → 401 on every R/W route; leader → 403 on every write; unit clerks write only their
// own unit's data; admin-only routes answer 403 to the other roles. Nothing forbidden changes data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setupSuite, assertError, assertStatus, assertHealthy, chinaSitesCsv, PASSWORD } from './harness.mjs';
import { ROUTES, concrete } from './routes.mjs';

let s;
const fx = {};
before(async () => {
  s = await setupSuite('roles');
  const a = s.c.admin;
  fx.stationA = assertStatus(await a.post('/api/v1/stations', { code: 'RA01', name: '嵩阳站', kind: 'county', unit_id: s.units.townA, city: '登封市' }), 201);
  fx.stationB = assertStatus(await a.post('/api/v1/stations', { code: 'RB01', name: '大冶站', kind: 'micro', unit_id: s.units.townB, city: '登封市' }), 201);
  fx.personA = assertStatus(await s.c.clerkA.post('/api/v1/people', { unit_id: s.units.townA, name: '张三', post: '站长', phone: '13800000001' }), 201);
  fx.personB = assertStatus(await s.c.clerkB.post('/api/v1/people', { unit_id: s.units.townB, name: '李四', post: '副站长', phone: '13800000002' }), 201);
  fx.target = assertStatus(await s.c.bureau.post('/api/v1/targets', { unit_id: s.units.townA, year: 2025, indicator: 'pm25_mean', value: 45 }), 201);
  fx.users = assertStatus(await a.get('/api/v1/users'), 200).users;
});
after(async () => { await s?.close(); });

const snapshot = async () => {
  const a = s.c.admin;
  return JSON.stringify([
    (await a.get('/api/v1/units')).data, (await a.get('/api/v1/people')).data,
    (await a.get('/api/v1/users')).data, (await a.get('/api/v1/stations')).data,
    (await a.get('/api/v1/targets?year=2025')).data,
  ]);
};

test('anonymous: 401 unauthorized on every R and W route', async () => {
  const r0 = await snapshot();
  const checked = [];
  for (const [method, pattern, access] of ROUTES) {
    if (access === 'anonymous') continue;
    const p = concrete(pattern, 1);
    const r = await s.c.anon.request(method, p, method === 'GET' || method === 'DELETE' ? {} : { json: { name: 'x' } });
    assertError(r, 401, 'unauthorized');
    checked.push(`${method} ${pattern}`);
  }
  assert.equal(checked.length, ROUTES.filter((x) => x[2] !== 'anonymous').length);
  // with a CSRF header but no cookie: still 401
  assertError(await s.c.anon.request('POST', '/api/v1/units', { json: { code: 'x', name: 'x', kind: 'township' }, headers: { 'x-csrf-token': s.c.admin.csrf } }), 401, 'unauthorized');
  assert.equal(await snapshot(), r0);
  await assertHealthy(s.server);
});

test('anonymous routes answer without a session', async () => {
  for (const [method, pattern, access] of ROUTES) {
    if (access !== 'anonymous' || method !== 'GET') continue;
    assert.equal((await s.c.anon.get(pattern)).status, 200, pattern);
  }
});

test('leader: reads every R route, 403 forbidden on every W route (with a valid CSRF token)', async () => {
  const r0 = await snapshot();
  const L = s.c.leader;
  const ids = { '/api/v1/units/{id}': s.units.townA, '/api/v1/people/{id}': fx.personA.id, '/api/v1/users/{id}': fx.users[0].id,
    '/api/v1/stations/{id}': fx.stationA.id, '/api/v1/targets/{id}': fx.target.id };
  const bodies = {
    'POST /api/v1/units': { code: 'l-unit', name: 'x', kind: 'township' },
    'PATCH /api/v1/units/{id}': { name: 'renamed' },
    'POST /api/v1/people': { unit_id: s.units.bureau, name: 'x', post: '', phone: '' },
    'PATCH /api/v1/people/{id}': { name: 'renamed' },
    'POST /api/v1/users': { username: 'l-user', display_name: 'x', role: 'unit', unit_id: s.units.townA, password: PASSWORD },
    'PATCH /api/v1/users/{id}': { display_name: 'renamed' },
    'POST /api/v1/stations': { code: 'L01', name: 'x', kind: 'micro', unit_id: s.units.bureau, city: '登封市' },
    'PATCH /api/v1/stations/{id}': { name: 'renamed' },
    'POST /api/v1/targets': { unit_id: s.units.bureau, year: 2025, indicator: 'pm10_mean', value: 70 },
    'PATCH /api/v1/targets/{id}': { value: 1 },
  };
  let writes = 0;
  for (const [method, pattern, access] of ROUTES) {
    if (access !== 'write') continue;
    const p = concrete(pattern, ids[pattern] ?? 1);
    const key = `${method} ${pattern}`;
    let r;
    if (pattern === '/api/v1/observations/import')
      r = await L.request('POST', p + '?source=leader.csv', { body: chinaSitesCsv(['RA01'], { days: 1 }), headers: { 'content-type': 'text/csv' } });
    else r = await L.request(method, p, method === 'DELETE' ? {} : { json: bodies[key] });
    assertError(r, 403, 'forbidden');
    ++writes;
  }
  assert.equal(writes, ROUTES.filter((x) => x[2] === 'write').length);
  assert.equal(await snapshot(), r0, 'a leader changed nothing');
  // the leader reads
  for (const p of ['/api/v1/units', '/api/v1/people', '/api/v1/stations', '/api/v1/targets', '/api/v1/audit', '/api/v1/auth/me'])
    assertStatus(await L.get(p), 200);
  // but not the admin-only reads
  assertError(await L.get('/api/v1/users'), 403, 'forbidden');
  assertError(await L.get('/api/v1/audit/verify'), 403, 'forbidden');
  await assertHealthy(s.server);
});

test('unit clerk: people of another unit → 403; own unit → allowed', async () => {
  const A = s.c.clerkA;
  const r0 = await snapshot();
  assertError(await A.post('/api/v1/people', { unit_id: s.units.townB, name: '王五', post: '', phone: '' }), 403, 'forbidden');
  assertError(await A.post('/api/v1/people', { unit_id: s.units.bureau, name: '王五', post: '', phone: '' }), 403, 'forbidden');
  assertError(await A.patch(`/api/v1/people/${fx.personB.id}`, { phone: '110' }), 403, 'forbidden');
  assertError(await A.del(`/api/v1/people/${fx.personB.id}`), 403, 'forbidden');
  assert.equal(await snapshot(), r0, 'nothing changed');
  const own = assertStatus(await A.post('/api/v1/people', { unit_id: s.units.townA, name: '赵六', post: '联络员', phone: '0371-1' }), 201);
  assert.equal(own.unit_id, s.units.townA);
  assert.equal(assertStatus(await A.patch(`/api/v1/people/${own.id}`, { post: '网格员' }), 200).post, '网格员');
  assertStatus(await A.del(`/api/v1/people/${own.id}`), 200);
  // clerk B likewise cannot touch A's person
  assertError(await s.c.clerkB.patch(`/api/v1/people/${fx.personA.id}`, { name: 'x' }), 403, 'forbidden');
  await assertHealthy(s.server);
});

test('unit clerk: importing observations for another unit\'s station → 403; own station accepted', async () => {
  const A = s.c.clerkA;
  const csv = { headers: { 'content-type': 'text/csv' } };
  const other = await A.request('POST', '/api/v1/observations/import?source=b.csv', { body: chinaSitesCsv(['RB01'], { days: 1 }), ...csv });
  assertError(other, 403, 'forbidden');
  const obs = await s.c.admin.get('/api/v1/observations?station=RB01&from=2024-12-31&to=2025-01-02');
  assert.deepEqual(assertStatus(obs, 200).observations, [], 'nothing stored for B');
  // a mixed file: A's rows accepted, B's rows rejected with a reason
  const mixed = assertStatus(await A.request('POST', '/api/v1/observations/import?source=mixed.csv', { body: chinaSitesCsv(['RA01', 'RB01'], { days: 1 }), ...csv }), 200);
  assert.equal(mixed.accepted, 24);
  assert.ok(mixed.rejected > 0);
  assert.ok(mixed.errors.some((e) => /another unit/.test(e.message)), JSON.stringify(mixed.errors.slice(0, 3)));
  assert.deepEqual(assertStatus(await s.c.admin.get('/api/v1/observations?station=RB01&from=2024-12-31&to=2025-01-02'), 200).observations, []);
  // clerk B imports its own
  assert.equal(assertStatus(await s.c.clerkB.request('POST', '/api/v1/observations/import?source=b.csv', { body: chinaSitesCsv(['RB01'], { days: 1 }), ...csv }), 200).accepted, 24);
});

test('unit clerk: units, stations, users and targets are not theirs to write → 403', async () => {
  const r0 = await snapshot();
  for (const name of ['clerkA', 'clerkB']) {
    const C = s.c[name];
    assertError(await C.post('/api/v1/units', { code: 'c-unit', name: 'x', kind: 'township' }), 403, 'forbidden');
    assertError(await C.patch(`/api/v1/units/${C.user.unit_id}`, { name: 'renamed' }), 403, 'forbidden');
    assertError(await C.post('/api/v1/stations', { code: 'C01', name: 'x', kind: 'micro', unit_id: C.user.unit_id, city: '登封市' }), 403, 'forbidden');
    assertError(await C.patch(`/api/v1/stations/${fx.stationA.id}`, { name: 'renamed' }), 403, 'forbidden');
    assertError(await C.post('/api/v1/targets', { unit_id: C.user.unit_id, year: 2025, indicator: 'pm10_mean', value: 70 }), 403, 'forbidden');
    assertError(await C.patch(`/api/v1/targets/${fx.target.id}`, { value: 99 }), 403, 'forbidden');
    assertError(await C.del(`/api/v1/targets/${fx.target.id}`), 403, 'forbidden');
    assertError(await C.get('/api/v1/users'), 403, 'forbidden');
    assertError(await C.post('/api/v1/users', { username: 'c-user', display_name: 'x', role: 'admin', unit_id: C.user.unit_id, password: PASSWORD }), 403, 'forbidden');
    assertError(await C.patch(`/api/v1/users/${C.user.id}`, { role: 'admin' }), 403, 'forbidden');
    assertError(await C.get('/api/v1/audit'), 403, 'forbidden');
    assertError(await C.get('/api/v1/audit/verify'), 403, 'forbidden');
  }
  assert.equal(await snapshot(), r0);
  await assertHealthy(s.server);
});

test('bureau: writes units, stations, targets and any unit\'s people; users and audit verify are admin-only', async () => {
  const B = s.c.bureau;
  const p = assertStatus(await B.post('/api/v1/people', { unit_id: s.units.townB, name: '局派员', post: '', phone: '' }), 201);
  assertStatus(await B.del(`/api/v1/people/${p.id}`), 200);
  assertError(await B.get('/api/v1/users'), 403, 'forbidden');
  assertError(await B.post('/api/v1/users', { username: 'b-user', display_name: 'x', role: 'unit', unit_id: s.units.townA, password: PASSWORD }), 403, 'forbidden');
  assertError(await B.patch(`/api/v1/users/${B.user.id}`, { role: 'admin' }), 403, 'forbidden');
  assertError(await B.get('/api/v1/audit/verify'), 403, 'forbidden');
  assertStatus(await B.get('/api/v1/audit'), 200);
  assert.equal((await s.c.admin.get('/api/v1/auth/me')).data.user.role, 'admin');
  assert.equal((await B.get('/api/v1/auth/me')).data.user.role, 'bureau', 'bureau did not promote itself');
});
