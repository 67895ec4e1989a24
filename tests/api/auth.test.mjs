// Accounts and sessions (docs/api.md): login, cookie attributes, me, logout, own password, CSRF,
// login throttling per account and per address (test config: 3 per account, 6 per address).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setupSuite, Client, cli, assertError, assertStatus, assertHealthy, PASSWORD } from './harness.mjs';

let s;
before(async () => { s = await setupSuite('auth'); });
after(async () => { await s?.close(); });

test('login sets an HttpOnly SameSite=Strict session cookie and answers user + csrf_token', async () => {
  const c = new Client(s.server.url);
  const r = await c.post('/api/v1/auth/login', { username: 'clerkA', password: PASSWORD });
  assertStatus(r, 200);
  const cookie = String(r.headers['set-cookie']);
  assert.match(cookie, /^ecogov_session=[0-9a-f]{64};/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  assert.doesNotMatch(cookie, /Secure/, 'no Secure without secure_cookies');
  assert.match(r.data.csrf_token, /^\S{16,}$/);
  const u = r.data.user;
  assert.deepEqual(Object.keys(u).sort(), ['disabled', 'display_name', 'id', 'role', 'unit_id', 'unit_name', 'username']);
  assert.equal(u.username, 'clerkA');
  assert.equal(u.role, 'unit');
  assert.equal(u.unit_id, s.units.townA);
  assert.equal(u.unit_name, '嵩阳街道');
  assert.equal(u.disabled, false);
  assert.ok(!('password_hash' in u));
});

test('GET /auth/me answers the signed-in user and the same csrf token, for every role', async () => {
  for (const [name, role] of [['admin', 'admin'], ['bureau', 'bureau'], ['clerkA', 'unit'], ['clerkB', 'unit'], ['leader', 'leader']]) {
    const r = await s.c[name].get('/api/v1/auth/me');
    assertStatus(r, 200);
    assert.equal(r.data.user.username, name);
    assert.equal(r.data.user.role, role);
    assert.equal(r.data.csrf_token, s.c[name].csrf);
  }
  assertError(await s.c.anon.get('/api/v1/auth/me'), 401, 'unauthorized');
  const forged = new Client(s.server.url);
  forged.cookie = 'ecogov_session=' + 'ab'.repeat(32);
  assertError(await forged.get('/api/v1/auth/me'), 401, 'unauthorized');
});

test('wrong password, unknown user and disabled accounts answer the same 401', async () => {
  const c = new Client(s.server.url, { localAddress: '127.0.0.11' });
  const a = assertError(await c.post('/api/v1/auth/login', { username: 'admin', password: 'wrong-password' }), 401, 'unauthorized');
  const b = assertError(await c.post('/api/v1/auth/login', { username: 'nobody', password: 'wrong-password' }), 401, 'unauthorized');
  assert.equal(a.message, b.message, 'no account enumeration');
  assert.equal(c.cookie, '', 'no cookie on failure');
});

test('login rejects malformed bodies with 400 naming the field', async () => {
  const c = new Client(s.server.url, { localAddress: '127.0.0.12' });
  assertError(await c.request('POST', '/api/v1/auth/login', { body: '{"username":', headers: { 'content-type': 'application/json' } }), 400, 'invalid_argument');
  assertError(await c.post('/api/v1/auth/login', ['admin', PASSWORD]), 400, 'invalid_argument');
  assertError(await c.post('/api/v1/auth/login', { username: 'admin', password: PASSWORD, remember: true }), 400, 'invalid_argument', 'remember');
  assertError(await c.post('/api/v1/auth/login', { username: 42, password: PASSWORD }), 400, 'invalid_argument', 'username');
  assertError(await c.post('/api/v1/auth/login', { username: 'admin' }), 400, 'invalid_argument', 'password');
  await assertHealthy(s.server);
});

test('CSRF: a write without or with a wrong X-CSRF-Token answers 403 csrf and changes nothing', async () => {
  const before = (await s.c.admin.get('/api/v1/units')).data.units.length;
  const body = { code: 'csrf-unit', name: 'x', kind: 'township' };
  assertError(await s.c.admin.request('POST', '/api/v1/units', { json: body, csrf: false }), 403, 'csrf');
  assertError(await s.c.admin.request('POST', '/api/v1/units', { json: body, headers: { 'x-csrf-token': 'not-the-token' } }), 403, 'csrf');
  assertError(await s.c.admin.request('POST', '/api/v1/units', { json: body, headers: { 'x-csrf-token': '' } }), 403, 'csrf');
  // another session's token is no good either
  assertError(await s.c.admin.request('POST', '/api/v1/units', { json: body, headers: { 'x-csrf-token': s.c.bureau.csrf } }), 403, 'csrf');
  // the token in the cookie or the query string does not count
  assertError(await s.c.admin.request('POST', `/api/v1/units?csrf_token=${s.c.admin.csrf}`, { json: body, csrf: false }), 403, 'csrf');
  // logout and password change (write_own) check it too, for the leader as well
  assertError(await s.c.leader.request('POST', '/api/v1/auth/logout', { csrf: false }), 403, 'csrf');
  assertError(await s.c.admin.request('POST', '/api/v1/auth/password', { json: { old_password: PASSWORD, new_password: 'x'.repeat(12) }, csrf: false }), 403, 'csrf');
  assert.equal((await s.c.admin.get('/api/v1/units')).data.units.length, before);
  await assertHealthy(s.server);
});

test('own password: wrong old password refused, new one works, other sessions end', async () => {
  cli(s.db, 'user', 'add', 'pwuser', '--role', 'leader', '--unit', 'bureau', '--password', PASSWORD);
  const a = new Client(s.server.url); await a.login('pwuser');
  const b = new Client(s.server.url); await b.login('pwuser');
  const wrong = await a.post('/api/v1/auth/password', { old_password: 'not-my-password', new_password: 'Another-pass-1' });
  assert.ok([401, 403, 422, 400].includes(wrong.status), `wrong old password: ${wrong.status}`);
  assertError(wrong, wrong.status);
  assertError(await a.post('/api/v1/auth/password', { old_password: PASSWORD, new_password: 'short' }), 400, undefined);
  assertError(await a.post('/api/v1/auth/password', { old_password: PASSWORD, new_password: 12345678 }), 400, 'invalid_argument', 'new_password');
  assertError(await a.post('/api/v1/auth/password', { old_password: PASSWORD, new_password: 'Another-pass-1', extra: 1 }), 400, 'invalid_argument', 'extra');
  // the leader may change its own password (W*)
  assertStatus(await a.post('/api/v1/auth/password', { old_password: PASSWORD, new_password: 'Another-pass-1' }), 200);
  assertStatus(await a.get('/api/v1/auth/me'), 200);
  assertError(await b.get('/api/v1/auth/me'), 401, 'unauthorized');
  const c = new Client(s.server.url);
  await c.login('pwuser', 'Another-pass-1');
  const old = new Client(s.server.url, { localAddress: '127.0.0.13' });
  assertError(await old.post('/api/v1/auth/login', { username: 'pwuser', password: PASSWORD }), 401, 'unauthorized');
});

test('logout (any role, leader included) ends the session and clears the cookie', async () => {
  const c = new Client(s.server.url);
  await c.login('leader');
  const token = c.cookie;
  const r = await c.post('/api/v1/auth/logout');
  assertStatus(r, 200);
  assert.deepEqual(r.data, { ok: true });
  assert.match(String(r.headers['set-cookie']), /ecogov_session=;.*Max-Age=0/);
  const stale = new Client(s.server.url);
  stale.cookie = token; // the browser dropped the cookie; replaying the old token must fail too
  assertError(await stale.get('/api/v1/auth/me'), 401, 'unauthorized');
  assertError(await stale.post('/api/v1/auth/logout', undefined, { headers: { 'x-csrf-token': c.csrf } }), 401, 'unauthorized');
  // the other leader session is untouched
  assertStatus(await s.c.leader.get('/api/v1/auth/me'), 200);
});

test('a disabled account loses its sessions and cannot sign in', async () => {
  cli(s.db, 'user', 'add', 'tobedisabled', '--role', 'bureau', '--unit', 'bureau', '--password', PASSWORD);
  const c = new Client(s.server.url); await c.login('tobedisabled');
  cli(s.db, 'user', 'disable', 'tobedisabled');
  assertError(await c.get('/api/v1/auth/me'), 401, 'unauthorized');
  const again = new Client(s.server.url, { localAddress: '127.0.0.14' });
  assertError(await again.post('/api/v1/auth/login', { username: 'tobedisabled', password: PASSWORD }), 401, 'unauthorized');
});

test('throttling per account: after 3 failures 429 with Retry-After, even with the right password', async () => {
  cli(s.db, 'user', 'add', 'victim', '--role', 'bureau', '--unit', 'bureau', '--password', PASSWORD);
  // failures from different addresses, so only the account's count reaches the limit
  for (let i = 0; i < 3; ++i) {
    const c = new Client(s.server.url, { localAddress: `127.0.1.${i + 1}` });
    assertError(await c.post('/api/v1/auth/login', { username: 'victim', password: `wrong-${i}-password` }), 401, 'unauthorized');
  }
  const c = new Client(s.server.url, { localAddress: '127.0.1.9' });
  const r = await c.post('/api/v1/auth/login', { username: 'victim', password: PASSWORD });
  assertError(r, 429, 'throttled');
  const retry = Number(r.headers['retry-after']);
  assert.ok(Number.isInteger(retry) && retry >= 1 && retry <= 15 * 60, `Retry-After ${r.headers['retry-after']}`);
  assert.equal(c.cookie, '');
  // other accounts from the same addresses are not affected
  const other = new Client(s.server.url, { localAddress: '127.0.1.9' });
  await other.login('bureau');
  await assertHealthy(s.server);
});

test('throttling per address: 6 failures on different accounts from one address → 429 for any account there', async () => {
  const addr = '127.0.2.1';
  for (let i = 0; i < 6; ++i) {
    const c = new Client(s.server.url, { localAddress: addr });
    assertError(await c.post('/api/v1/auth/login', { username: `guess${i}`, password: 'wrong-password' }), 401, 'unauthorized');
  }
  const c = new Client(s.server.url, { localAddress: addr });
  const r = await c.post('/api/v1/auth/login', { username: 'admin', password: PASSWORD });
  assertError(r, 429, 'throttled');
  assert.ok(Number(r.headers['retry-after']) >= 1, `Retry-After ${r.headers['retry-after']}`);
  // the same account from another address still signs in
  const elsewhere = new Client(s.server.url, { localAddress: '127.0.2.2' });
  await elsewhere.login('admin');
  await assertHealthy(s.server);
});

test('wrong old passwords are throttled like failed sign-ins (429 with Retry-After)', async () => {
  cli(s.db, 'user', 'add', 'pwguess', '--role', 'leader', '--unit', 'bureau', '--password', PASSWORD);
  const a = new Client(s.server.url, { localAddress: '127.0.0.21' }); await a.login('pwguess');
  for (let i = 0; i < 3; i++) { // test config: 3 failures per account
    assertError(await a.post('/api/v1/auth/password', { old_password: `guess-${i}-xxxx`, new_password: 'Another-pass-1' }), 400, 'invalid_argument', 'old_password');
  }
  const limited = await a.post('/api/v1/auth/password', { old_password: PASSWORD, new_password: 'Another-pass-1' });
  assertError(limited, 429, 'throttled');
  assert.ok(Number(limited.headers['retry-after']) >= 1);
  // the account's sign-in is throttled as well
  assertError(await new Client(s.server.url, { localAddress: '127.0.0.22' }).post('/api/v1/auth/login', { username: 'pwguess', password: PASSWORD }), 429, 'throttled');
});
