// The route table the suite knows (method, pattern, access as in the router, src/net/http/*.cpp).
// openapi.test.mjs checks that GET /api/v1/openapi.json lists exactly these routes, and
// coverage-check.mjs that every one of them was answered with a 2xx during the suite.
// access: anonymous | read | write | write_own (router.hpp Access).
export const ROUTES = [
  ['GET', '/healthz', 'anonymous'],
  ['GET', '/metrics', 'anonymous'],
  ['GET', '/api/v1/openapi.json', 'anonymous'],
  ['POST', '/api/v1/auth/login', 'anonymous'],
  ['POST', '/api/v1/auth/logout', 'write_own'],
  ['GET', '/api/v1/auth/me', 'read'],
  ['POST', '/api/v1/auth/password', 'write_own'],
  ['GET', '/api/v1/units', 'read'],
  ['POST', '/api/v1/units', 'write'],
  ['PATCH', '/api/v1/units/{id}', 'write'],
  ['GET', '/api/v1/people', 'read'],
  ['POST', '/api/v1/people', 'write'],
  ['PATCH', '/api/v1/people/{id}', 'write'],
  ['DELETE', '/api/v1/people/{id}', 'write'],
  ['GET', '/api/v1/users', 'read'],
  ['POST', '/api/v1/users', 'write'],
  ['PATCH', '/api/v1/users/{id}', 'write'],
  ['GET', '/api/v1/audit', 'read'],
  ['GET', '/api/v1/audit/verify', 'read'],
  ['GET', '/api/v1/attachments/{id}', 'read'],
  ['GET', '/api/v1/stations', 'read'],
  ['POST', '/api/v1/stations', 'write'],
  ['PATCH', '/api/v1/stations/{id}', 'write'],
  ['POST', '/api/v1/observations/import', 'write'],
  ['GET', '/api/v1/observations', 'read'],
  ['GET', '/api/v1/targets/progress', 'read'],
  ['GET', '/api/v1/targets', 'read'],
  ['POST', '/api/v1/targets', 'write'],
  ['PATCH', '/api/v1/targets/{id}', 'write'],
  ['DELETE', '/api/v1/targets/{id}', 'write'],
  ['GET', '/api/v1/air/overview', 'read'],
  ['GET', '/api/v1/air/hourly', 'read'],
  ['GET', '/api/v1/air/daily', 'read'],
  ['GET', '/api/v1/air/daily.csv', 'read'],
  ['GET', '/api/v1/air/daily.xlsx', 'read'],
  ['GET', '/api/v1/air/evaluation', 'read'],
  ['GET', '/api/v1/water/sections', 'read'],
  ['POST', '/api/v1/water/sections', 'write'],
  ['PATCH', '/api/v1/water/sections/{id}', 'write'],
  ['POST', '/api/v1/water/samples/import', 'write'],
  ['GET', '/api/v1/water/classes', 'read'],
  ['GET', '/api/v1/water/rivers', 'read'],
  ['GET', '/api/v1/water/sections/{id}/items', 'read'],
  ['GET', '/api/v1/hj212/summary', 'read'],
  ['GET', '/api/v1/hj212/devices', 'read'],
  ['GET', '/api/v1/hj212/outlets/{id}/latest', 'read'],
  ['GET', '/api/v1/hj212/devices/{id}/series', 'read'],
  ['GET', '/api/v1/hj212/exceedances', 'read'],
  ['GET', '/api/v1/hj212/alarms', 'read'],
  ['GET', '/api/v1/hj212/frames', 'read'],
  ['GET', '/api/v1/hj212/registry', 'read'],
  ['POST', '/api/v1/hj212/enterprises', 'write'],
  ['POST', '/api/v1/hj212/outlets', 'write'],
  ['POST', '/api/v1/hj212/devices', 'write'],
  ['PATCH', '/api/v1/hj212/devices/{id}', 'write'],
  ['POST', '/api/v1/hj212/limits', 'write'],
  ['GET', '/api/v1/soil/plots', 'read'],
  ['POST', '/api/v1/soil/plots', 'write'],
  ['POST', '/api/v1/soil/samples/import', 'write'],
  ['GET', '/api/v1/soil/plots/{id}', 'read'],
  ['GET', '/api/v1/assessment/indicators', 'read'],
  ['GET', '/api/v1/assessment/schemes', 'read'],
  ['GET', '/api/v1/assessment/schemes/{id}', 'read'],
  ['POST', '/api/v1/assessment/schemes/check', 'write'],
  ['POST', '/api/v1/assessment/schemes', 'write'],
  ['GET', '/api/v1/assessment/inputs', 'read'],
  ['PUT', '/api/v1/assessment/inputs', 'write'],
  ['DELETE', '/api/v1/assessment/inputs', 'write'],
  ['GET', '/api/v1/assessment/runs', 'read'],
  ['POST', '/api/v1/assessment/runs', 'write'],
  ['GET', '/api/v1/assessment/runs/{id}', 'read'],
  ['GET', '/api/v1/assessment/runs/{id}/units/{code}', 'read'],
  ['GET', '/api/v1/assessment/trend', 'read'],
  ['GET', '/api/v1/assessment/runs/{id}/bulletin.xlsx', 'read'],
  ['GET', '/api/v1/assessment/runs/{id}/bulletin.html', 'read'],
  ['GET', '/api/v1/assessment/runs/{id}/bulletin.pdf', 'read'],
  ['GET', '/api/v1/problems/meta', 'read'],
  ['POST', '/api/v1/problems/kinds', 'write'],
  ['GET', '/api/v1/problems/matrix', 'read'],
  ['POST', '/api/v1/problems/matrix', 'write'],
  ['GET', '/api/v1/problems/matrix/proposal', 'read'],
  ['GET', '/api/v1/problems/warnings', 'read'],
  ['GET', '/api/v1/problems/statistics', 'read'],
  ['GET', '/api/v1/problems/accountability', 'read'],
  ['POST', '/api/v1/problems/accountability', 'write'],
  ['GET', '/api/v1/problems/batches', 'read'],
  ['POST', '/api/v1/problems/batches/import', 'write'],
  ['GET', '/api/v1/problems/export.xlsx', 'read'],
  ['GET', '/api/v1/problems/batches/{id}/report.xlsx', 'read'],
  ['GET', '/api/v1/problems/batches/{id}/report.html', 'read'],
  ['GET', '/api/v1/problems', 'read'],
  ['POST', '/api/v1/problems', 'write'],
  ['GET', '/api/v1/problems/{id}', 'read'],
  ['POST', '/api/v1/problems/{id}/transitions', 'write'],
  ['POST', '/api/v1/problems/{id}/evidence', 'write'],
  ['GET', '/api/v1/ledger/categories', 'read'],
  ['POST', '/api/v1/ledger/categories', 'write'],
  ['GET', '/api/v1/ledger/tasks', 'read'],
  ['GET', '/api/v1/ledger/key-projects', 'read'],
  ['POST', '/api/v1/ledger/tasks', 'write'],
  ['GET', '/api/v1/ledger/tasks/{id}', 'read'],
  ['PATCH', '/api/v1/ledger/tasks/{id}', 'write'],
  ['POST', '/api/v1/ledger/tasks/{id}/milestones', 'write'],
  ['POST', '/api/v1/ledger/tasks/{id}/reports', 'write'],
  ['POST', '/api/v1/ledger/reports/{id}/attachments', 'write'],
  ['POST', '/api/v1/ledger/reports/{id}/review', 'write'],
  ['GET', '/api/v1/ledger/reports', 'read'],
  ['GET', '/api/v1/ledger/cards', 'read'],
  ['GET', '/api/v1/ledger/notices', 'read'],
  ['POST', '/api/v1/ledger/notices', 'write'],
  ['POST', '/api/v1/ledger/notices/{id}/answer', 'write'],
  ['POST', '/api/v1/ledger/sweep', 'write'],
  ['GET', '/api/v1/ledger/statistics', 'read'],
  ['GET', '/api/v1/ledger/export.csv', 'read'],
  ['GET', '/api/v1/ledger/export.xlsx', 'read'],
  ['POST', '/api/v1/ledger/import', 'write'],
];

/// The pattern of ROUTES matching `method path` (query ignored), or null. Literal segments win
/// over {id} (so /targets/progress is not /targets/{id}).
export function routeOf(method, path) {
  const segs = path.split('?')[0].split('/').filter(Boolean);
  let best = null;
  for (const [m, pattern] of ROUTES) {
    if (m !== method) continue;
    const ps = pattern.split('/').filter(Boolean);
    if (ps.length !== segs.length) continue;
    let ok = true; let literal = 0;
    for (let i = 0; i < ps.length && ok; ++i) {
      if (ps[i].startsWith('{')) continue;
      if (ps[i] === segs[i]) ++literal; else ok = false;
    }
    if (ok && (!best || literal > best.literal)) best = { pattern, literal };
  }
  return best ? best.pattern : null;
}

/// Concrete path for a pattern ({id} → id).
export const concrete = (pattern, id = 1) => pattern.replace('{id}', String(id)).replace(/\{\w+\}/g, 'x');
