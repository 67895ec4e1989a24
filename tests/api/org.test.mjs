// Organisation (docs/api.md): units, people, users — create, change, list, delete; SQL
// metacharacters and Unicode stored verbatim and read back identical.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setupSuite, Client, assertError, assertStatus, assertHealthy, PASSWORD } from './harness.mjs';

let s;
before(async () => { s = await setupSuite('org'); });
after(async () => { await s?.close(); });

const NASTY = [
  "'; DROP TABLE units; --",
  'Robert\'); DELETE FROM users WHERE (\'1\'=\'1',
  '" OR 1=1 --',
  '%_\\%\\_ LIKE \'%\'',
  '$1 $$ ; ?; :name @p0',
  '\\x00\\\' \\u0001 \\n; -- backslashes',
  '街道"办\'事处 😀 ∑ \u202e',
  '/* comment */ UNION SELECT password_hash FROM users',
];

test('units: list, create (201), change; shape {id,code,name,kind,parent_id}', async () => {
  const list = assertStatus(await s.c.leader.get('/api/v1/units'), 200).units;
  assert.ok(list.length >= 4);
  for (const u of list) assert.deepEqual(Object.keys(u).sort(), ['code', 'id', 'kind', 'name', 'parent_id']);
  const bureau = list.find((u) => u.kind === 'bureau');
  assert.equal(bureau.code, 'bureau');
  assert.equal(bureau.parent_id, null);
  const created = assertStatus(await s.c.bureau.post('/api/v1/units', { code: 'dept-water', name: '水利局', kind: 'department', parent_id: bureau.id }), 201);
  assert.equal(created.code, 'dept-water');
  assert.equal(created.parent_id, bureau.id);
  const changed = assertStatus(await s.c.admin.patch(`/api/v1/units/${created.id}`, { name: '水务局', parent_id: null }), 200);
  assert.equal(changed.name, '水务局');
  assert.equal(changed.parent_id, null);
  assert.equal(changed.code, 'dept-water');
  // duplicates, bad kinds, unknown ids
  assertError(await s.c.admin.post('/api/v1/units', { code: 'dept-water', name: 'x', kind: 'department' }), 409, 'conflict');
  const bad = await s.c.admin.post('/api/v1/units', { code: 'k', name: 'x', kind: 'galaxy' });
  assertError(bad, 400, 'invalid_argument', 'kind');
  assertError(await s.c.admin.patch('/api/v1/units/999999', { name: 'x' }), 404, 'not_found');
  assertError(await s.c.admin.patch('/api/v1/units/abc', { name: 'x' }), 400, 'invalid_argument', 'id');
  const parent = await s.c.admin.post('/api/v1/units', { code: 'orphan', name: 'x', kind: 'township', parent_id: 999999 });
  assert.ok([400, 404, 422].includes(parent.status), `unknown parent: ${parent.status}`);
  assertError(parent, parent.status);
  await assertHealthy(s.server);
});

test('people: create, list (all and ?unit_id=), change, delete; shape', async () => {
  const A = s.c.clerkA;
  const p = assertStatus(await A.post('/api/v1/people', { unit_id: s.units.townA, name: '陈七', post: '主任', phone: '13900000000' }), 201);
  assert.deepEqual(Object.keys(p).sort(), ['id', 'name', 'phone', 'post', 'unit_id']);
  const minimal = assertStatus(await s.c.bureau.post('/api/v1/people', { unit_id: s.units.townB, name: '周八' }), 201);
  assert.equal(minimal.post, '');
  assert.equal(minimal.phone, '');
  const all = assertStatus(await s.c.leader.get('/api/v1/people'), 200).people;
  assert.ok(all.some((x) => x.id === p.id) && all.some((x) => x.id === minimal.id));
  const ofA = assertStatus(await s.c.leader.get(`/api/v1/people?unit_id=${s.units.townA}`), 200).people;
  assert.ok(ofA.length >= 1 && ofA.every((x) => x.unit_id === s.units.townA));
  assertError(await s.c.leader.get('/api/v1/people?unit_id=abc'), 400, 'invalid_argument', 'unit_id');
  const changed = assertStatus(await A.patch(`/api/v1/people/${p.id}`, { phone: '0371-62800000', post: '书记' }), 200);
  assert.equal(changed.phone, '0371-62800000');
  assert.equal(changed.name, '陈七');
  assert.deepEqual(assertStatus(await A.del(`/api/v1/people/${p.id}`), 200), { ok: true });
  assertError(await A.del(`/api/v1/people/${p.id}`), 404, 'not_found');
  assertError(await A.patch(`/api/v1/people/${p.id}`, { name: 'x' }), 404, 'not_found');
  const ghost = await s.c.admin.post('/api/v1/people', { unit_id: 999999, name: 'x' });
  assert.ok([400, 404].includes(ghost.status), `unknown unit: ${ghost.status}`);
  assertError(ghost, ghost.status, undefined, 'unit_id');
});

test('users: admin lists, creates (201), changes role/unit/display name, resets password, disables', async () => {
  const Ad = s.c.admin;
  const users = assertStatus(await Ad.get('/api/v1/users'), 200).users;
  assert.deepEqual(users.map((u) => u.username).sort(), ['admin', 'bureau', 'clerkA', 'clerkB', 'leader']);
  for (const u of users) assert.deepEqual(Object.keys(u).sort(), ['disabled', 'display_name', 'id', 'role', 'unit_id', 'unit_name', 'username']);
  assert.equal(users.find((u) => u.username === 'leader').display_name, '市领导');
  const u = assertStatus(await Ad.post('/api/v1/users', { username: 'clerkDept', display_name: '住建联络员', role: 'unit', unit_id: s.units.dept, password: PASSWORD }), 201);
  assert.equal(u.role, 'unit');
  assert.equal(u.unit_id, s.units.dept);
  assert.equal(u.unit_name, '住建局');
  assert.ok(!('password' in u) && !('password_hash' in u));
  assertError(await Ad.post('/api/v1/users', { username: 'clerkDept', display_name: 'x', role: 'unit', unit_id: s.units.dept, password: PASSWORD }), 409, 'conflict');
  assertError(await Ad.post('/api/v1/users', { username: 'r1', display_name: 'x', role: 'superuser', unit_id: s.units.dept, password: PASSWORD }), 400, 'invalid_argument', 'role');
  assertError(await Ad.post('/api/v1/users', { username: 'r2', display_name: 'x', role: 'unit', unit_id: s.units.dept, password: 'short' }), 400, 'invalid_argument', 'password');
  const c = new Client(s.server.url);
  await c.login('clerkDept');
  const moved = assertStatus(await Ad.patch(`/api/v1/users/${u.id}`, { unit_id: s.units.townB, display_name: '大冶联络员', role: 'leader' }), 200);
  assert.equal(moved.unit_id, s.units.townB);
  assert.equal(moved.role, 'leader');
  assert.equal(moved.display_name, '大冶联络员');
  assertStatus(await Ad.patch(`/api/v1/users/${u.id}`, { password: 'Reset-pass-2026' }), 200);
  const d = assertStatus(await Ad.patch(`/api/v1/users/${u.id}`, { disabled: true }), 200);
  assert.equal(d.disabled, true);
  assertError(await c.get('/api/v1/auth/me'), 401, 'unauthorized');
  assertError(await Ad.patch('/api/v1/users/999999', { display_name: 'x' }), 404, 'not_found');
  await assertHealthy(s.server);
});

/// A unit code (at most 32 bytes) that keeps the text's metacharacters.
function unitCode(i, text) {
  let out = `${i}`;
  for (const ch of text) {
    if (ch < " ") continue; // codes refuse control characters
    if (Buffer.byteLength(out + ch) > 32) break;
    out += ch;
  }
  return out;
}

test('SQL metacharacters and Unicode are stored verbatim and read back identical', async () => {
  const Ad = s.c.admin;
  for (const [i, text] of NASTY.entries()) {
    const unit = assertStatus(await Ad.post('/api/v1/units', { code: unitCode(i, text), name: text, kind: 'township' }), 201);
    assert.equal(unit.name, text);
    assert.equal(unit.code, unitCode(i, text));
    const person = assertStatus(await Ad.post('/api/v1/people', { unit_id: unit.id, name: text, post: text, phone: text }), 201);
    const listed = assertStatus(await Ad.get(`/api/v1/people?unit_id=${unit.id}`), 200).people;
    assert.deepEqual(listed, [person]);
    assert.equal(listed[0].name, text);
    assert.equal(listed[0].phone, text);
    // station codes are identifiers (1-32 letters, digits, _ or -): metacharacters are refused
    assertError(await Ad.post('/api/v1/stations', { code: `S${i}${text}`, name: text, kind: 'micro', unit_id: unit.id, city: text }), 400, 'invalid_argument', 'code');
    const st = assertStatus(await Ad.post('/api/v1/stations', { code: `SQL${i}`, name: text, kind: 'micro', unit_id: unit.id, city: text }), 201);
    assert.equal(st.name, text);
    assert.equal(st.city, text);
    const t = assertStatus(await Ad.post('/api/v1/targets', { unit_id: unit.id, year: 2031, indicator: 'pm25_mean', value: 40, note: text }), 201);
    assert.equal(t.note, text);
  }
  const units = assertStatus(await Ad.get('/api/v1/units'), 200).units;
  for (const [i, text] of NASTY.entries())
    assert.ok(units.some((u) => u.name === text && u.code === unitCode(i, text)), `unit named ${JSON.stringify(text)}`);
  const stations = assertStatus(await Ad.get('/api/v1/stations'), 200).stations;
  for (const [i, text] of NASTY.entries()) {
    const st = stations.find((x) => x.code === `SQL${i}`);
    assert.ok(st, `station SQL${i}`);
    assert.equal(st.city, text);
    assert.equal(st.name, text);
    // as a query parameter, metacharacters are just an unknown code
    assertError(await Ad.get(`/api/v1/observations?station=${encodeURIComponent(text)}&from=2025-01-01&to=2025-01-02`), 404, 'not_found', 'station');
  }
  const targets = assertStatus(await Ad.get('/api/v1/targets?year=2031'), 200).targets;
  assert.deepEqual(targets.map((t) => t.note).sort(), [...NASTY].sort());
  // control characters are refused (400 naming the field), not stored
  assertError(await Ad.post('/api/v1/units', { code: 'ctl', name: 'a\u0001b', kind: 'township' }), 400, 'invalid_argument', 'name');
  // a user with such a display name, and a username with quotes, signs in
  assertError(await Ad.post('/api/v1/users', { username: "o'brien\"--", display_name: 'x', role: 'leader', unit_id: s.units.bureau, password: PASSWORD }), 400, 'invalid_argument', 'username');
  const u = assertStatus(await Ad.post('/api/v1/users', { username: 'o.brien-1@x', display_name: NASTY[0], role: 'leader', unit_id: s.units.bureau, password: "p'; DROP TABLE users; --" }), 201);
  assert.equal(u.display_name, NASTY[0]);
  const c = new Client(s.server.url);
  await c.login('o.brien-1@x', "p'; DROP TABLE users; --");
  assert.equal(assertStatus(await c.get('/api/v1/auth/me'), 200).user.display_name, NASTY[0]);
  // a login with metacharacters in the name is just a failed login
  const probe = new Client(s.server.url, { localAddress: '127.0.3.1' });
  assertError(await probe.post('/api/v1/auth/login', { username: "admin' --", password: 'x' }), 401, 'unauthorized');
  // the tables are all still there
  assert.equal(assertStatus(await Ad.get('/api/v1/users'), 200).users.length >= 6, true);
  const verify = assertStatus(await Ad.get('/api/v1/audit/verify'), 200);
  assert.equal(verify.ok, true, JSON.stringify(verify));
  await assertHealthy(s.server);
});
