// Service routes (docs/api.md "Service"), the OpenAPI document against the real route table,
// unknown routes and methods, and static files (path traversal).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setupSuite, makeWebRoot, rawRequest, assertError, assertHealthy, BACKEND } from './harness.mjs';
import { ROUTES } from './routes.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

let s;
let webDir;
before(async () => {
  webDir = mkdtempSync(path.join(tmpdir(), 'ecogov-web-'));
  s = await setupSuite('service', { webRoot: makeWebRoot(webDir) });
});
after(async () => { await s?.close(); rmSync(webDir, { recursive: true, force: true }); });

test('GET /healthz answers status ok and the backend', async () => {
  const r = await s.c.anon.get('/healthz');
  assert.equal(r.status, 200);
  assert.deepEqual(r.data, { status: 'ok', database: BACKEND });
});

test('GET /metrics is Prometheus text with the documented series', async () => {
  await s.c.anon.get('/healthz');
  const r = await s.c.anon.get('/metrics');
  assert.equal(r.status, 200);
  assert.match(r.headers['content-type'], /^text\/plain/);
  for (const name of ['ecogov_http_requests_total', 'ecogov_http_request_seconds', 'ecogov_observations_total', 'ecogov_up'])
    assert.match(r.text, new RegExp(`^${name}`, 'm'), `metrics name ${name}`);
  assert.match(r.text, /^# TYPE ecogov_http_request_seconds histogram$/m);
  assert.match(r.text, /ecogov_http_requests_total\{[^}]*route="\/healthz"[^}]*status="200"[^}]*\} \d+/);
  assert.match(r.text, /^ecogov_up 1$/m);
  // every sample line is NAME{labels} VALUE
  for (const line of r.text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    assert.match(line, /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})? [-+0-9.eEInfa]+$/, `sample line: ${line}`);
  }
});

test('openapi.json is an OpenAPI 3 document listing exactly the router\'s routes', async () => {
  const r = await s.c.anon.get('/api/v1/openapi.json');
  assert.equal(r.status, 200);
  const doc = r.data;
  assert.match(doc.openapi, /^3\.\d+\.\d+$/);
  assert.equal(typeof doc.info, 'object');
  assert.equal(typeof doc.info.title, 'string');
  assert.equal(typeof doc.info.version, 'string');
  assert.equal(typeof doc.paths, 'object');
  const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
  const listed = [];
  const opIds = new Set();
  for (const [p, item] of Object.entries(doc.paths)) {
    assert.ok(p.startsWith('/'), `path ${p} starts with /`);
    for (const [m, op] of Object.entries(item)) {
      if (m === 'parameters' || m === 'summary' || m === 'description') continue;
      assert.ok(methods.has(m), `${p}: ${m} is an HTTP method`);
      assert.equal(typeof op.responses, 'object', `${m} ${p} has responses`);
      assert.ok(Object.keys(op.responses).length > 0, `${m} ${p} has at least one response`);
      for (const [code, resp] of Object.entries(op.responses)) {
        assert.match(code, /^([1-5]\d\d|[1-5]XX|default)$/, `${m} ${p} response key ${code}`);
        assert.equal(typeof resp.description, 'string', `${m} ${p} ${code} has a description`);
      }
      if (op.operationId) {
        assert.ok(!opIds.has(op.operationId), `operationId ${op.operationId} is unique`);
        opIds.add(op.operationId);
      }
      // path parameters are declared
      for (const name of [...p.matchAll(/\{(\w+)\}/g)].map((x) => x[1])) {
        const params = [...(item.parameters ?? []), ...(op.parameters ?? [])];
        assert.ok(params.some((q) => q.in === 'path' && q.name === name && q.required === true),
          `${m} ${p} declares path parameter ${name}`);
      }
      listed.push([m.toUpperCase(), p, op['x-access']]);
    }
  }
  // $refs resolve
  const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
  for (const ref of refs) {
    const target = ref.slice(8, -1);
    assert.ok(target.startsWith('#/'), `local $ref ${target}`);
    let node = doc;
    for (const part of target.slice(2).split('/')) node = node?.[part];
    assert.ok(node !== undefined, `$ref ${target} resolves`);
  }
  const key = (x) => `${x[0]} ${x[1]}`;
  assert.deepEqual(listed.map(key).sort(), ROUTES.map(key).sort(), 'openapi paths = router routes');
  // the access levels match the router's
  for (const [m, p, access] of listed) {
    const known = ROUTES.find((x) => x[0] === m && x[1] === p);
    if (access !== undefined) assert.equal(access, known[2], `x-access of ${m} ${p}`);
  }
});

test('unknown API routes answer 404 and wrong methods 405, with the error body', async () => {
  assertError(await s.c.admin.get('/api/v1/nothing-here'), 404, 'not_found');
  assertError(await s.c.anon.get('/api/v2/units'), 404, 'not_found');
  assertError(await s.c.admin.request('PUT', '/api/v1/units'), 405, 'method_not_allowed');
  assertError(await s.c.admin.request('DELETE', '/api/v1/stations'), 405, 'method_not_allowed');
  assertError(await s.c.anon.request('POST', '/healthz'), 405, 'method_not_allowed');
  assertError(await s.c.anon.request('POST', '/index.html'), 405, 'method_not_allowed');
  await assertHealthy(s.server);
});

test('static front end: index.html, assets, SPA fallback', async () => {
  const root = await rawRequest(s.server.url, 'GET', '/');
  assert.equal(root.status, 200);
  assert.match(root.headers['content-type'], /^text\/html/);
  assert.match(root.text, /ecogov test/);
  const asset = await rawRequest(s.server.url, 'GET', '/assets/app.js');
  assert.equal(asset.status, 200);
  assert.match(asset.headers['content-type'], /javascript/);
  const spa = await rawRequest(s.server.url, 'GET', '/stations');
  assert.equal(spa.status, 200);
  assert.match(spa.text, /ecogov test/);
  const missing = await rawRequest(s.server.url, 'GET', '/assets/missing.js');
  assert.equal(missing.status, 404);
});

test('path traversal on static files never answers a file outside the web root', async () => {
  const attempts = [
    '/../etc/passwd', '/../../../../etc/passwd', '/%2e%2e/etc/passwd', '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2fetc%2fpasswd', '/..%2f..%2f..%2fetc%2fpasswd', '/assets/../../etc/passwd',
    '/assets/%2e%2e/%2e%2e/etc/passwd', '/%2E%2E/%2E%2E/etc/passwd', '/..%5c..%5cetc%5cpasswd',
    '/....//....//etc/passwd', '/%252e%252e/etc/passwd', '//etc/passwd', '/assets/..%00/x',
    '/./index.html', '/etc/passwd%00.html', '/C:/Windows/win.ini', '/..;/etc/passwd',
  ];
  for (const p of attempts) {
    const r = await rawRequest(s.server.url, 'GET', p);
    assert.ok([400, 404].includes(r.status) || (r.status === 200 && /ecogov test/.test(r.text)),
      `${p}: ${r.status} ${r.text.slice(0, 100)}`);
    assert.doesNotMatch(r.text, /root:.*:0:0:/, `${p} leaked /etc/passwd`);
    if (r.status !== 200) {
      const e = JSON.parse(r.text).error;
      assert.ok(e && typeof e.code === 'string' && typeof e.message === 'string' && typeof e.field === 'string',
        `${p}: error body ${r.text}`);
    }
  }
  // the plain dot-dot forms are refused outright
  for (const p of ['/../etc/passwd', '/%2e%2e/etc/passwd', '/..%2fetc%2fpasswd'])
    assert.ok([400, 404].includes((await rawRequest(s.server.url, 'GET', p)).status), p);
  await assertHealthy(s.server);
});
