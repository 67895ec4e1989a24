// Run by run.sh after the suite: every route of the router (routes.mjs, itself checked against
// openapi.json by service.test.mjs) was answered with a 2xx at least once, and every R/W route
// with a 401 to an anonymous caller. Reads the request log written by harness.mjs
// (ECOGOV_API_COVERAGE).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ROUTES, routeOf } from './routes.mjs';

test('every route was exercised by the suite', () => {
  const file = process.env.ECOGOV_API_COVERAGE;
  assert.ok(file, 'ECOGOV_API_COVERAGE names the request log');
  const ok = new Set();
  const unauth = new Set();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const [method, p, status] = line.split(' ');
    const pattern = routeOf(method, p);
    if (!pattern) continue;
    if (status.startsWith('2')) ok.add(`${method} ${pattern}`);
    if (status === '401') unauth.add(`${method} ${pattern}`);
  }
  const missing = ROUTES.map(([m, p]) => `${m} ${p}`).filter((k) => !ok.has(k));
  assert.deepEqual(missing, [], 'routes never answered with a 2xx');
  const noAuthCheck = ROUTES.filter(([, , a]) => a !== 'anonymous').map(([m, p]) => `${m} ${p}`).filter((k) => !unauth.has(k));
  assert.deepEqual(noAuthCheck, [], 'R/W routes never checked for 401');
});
