// Online monitoring (docs/api.md "Online monitoring (HJ 212)"; issue 7): the registry CRUD with
// roles and validation, frames stored through `ecogov hj212 ingest` (the receiver's ingest),
// devices online, latest values of an outlet against its limits, hourly series, exceedance
// records and the exceedance alarm with the problem it opened (在线监测, linked), raw frames per device kept for audit,
// quarantine of an unknown device, and the summary counts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { setupSuite, assertError, assertStatus, assertHealthy, cli } from './harness.mjs';

let s;
const fx = {};
before(async () => { s = await setupSuite('hj212'); });
after(async () => { await s?.close(); });

const MN = '410185AP0000000000000777';

// HJ 212-2017 Appendix A CRC, as printed in the standard.
function crc(text) {
  let reg = 0xFFFF;
  for (const b of Buffer.from(text, 'utf8')) {
    reg = (reg >> 8) ^ b;
    for (let j = 0; j < 8; ++j) { const c = reg & 1; reg >>= 1; if (c) reg ^= 0xA001; }
  }
  return reg.toString(16).toUpperCase().padStart(4, '0');
}
const frame = (seg) => `##${String(Buffer.byteLength(seg)).padStart(4, '0')}${seg}${crc(seg)}`;
// China time hour starts, `back` hours before the current hour.
function hourText(back) {
  const t = new Date(Date.now() + 8 * 3600e3 - back * 3600e3);
  t.setUTCMinutes(0, 0, 0);
  return t.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
const hourly = (back, so2, mn = MN) => frame(
  `QN=${hourText(back)}000;ST=31;CN=2061;PW=654321;MN=${mn};Flag=5;CP=&&DataTime=${hourText(back)};` +
  `a21026-Avg=${so2},a21026-Min=${so2 - 1},a21026-Max=${so2 + 1},a21026-Flag=N;a34013-Avg=3.5,a34013-Flag=N&&`);

test('registry: enterprises, outlets, devices, limits with roles and validation', async () => {
  const b = s.c.bureau;
  fx.ent = assertStatus(await b.post('/api/v1/hj212/enterprises', { name: '登封热电厂', kind: 'enterprise', unit_id: s.units.townA, address: '告成镇' }), 201);
  assert.equal(fx.ent.kind, 'enterprise');
  assertError(await b.post('/api/v1/hj212/enterprises', { name: '登封热电厂', unit_id: s.units.townA }), 409, 'conflict', 'name');
  assertError(await b.post('/api/v1/hj212/enterprises', { name: 'x', kind: 'farm', unit_id: s.units.townA }), 400, 'invalid_argument', 'kind');
  assertError(await s.c.clerkA.post('/api/v1/hj212/enterprises', { name: 'y', unit_id: s.units.townA }), 403, 'forbidden');
  assertError(await s.c.anon.get('/api/v1/hj212/registry'), 401, 'unauthorized');
  fx.outlet = assertStatus(await b.post('/api/v1/hj212/outlets', { enterprise_id: fx.ent.id, code: 'DA001', name: '1号烟囱', kind: 'gas' }), 201);
  assertError(await b.post('/api/v1/hj212/outlets', { enterprise_id: 99999, code: 'DA9', name: 'x', kind: 'gas' }), 404, 'not_found');
  const site = assertStatus(await b.post('/api/v1/hj212/enterprises', { name: '嵩阳路工地', kind: 'construction_site', unit_id: s.units.townB }), 201);
  const dust = assertStatus(await b.post('/api/v1/hj212/outlets', { enterprise_id: site.id, code: 'YC1', name: '扬尘监测点', kind: 'dust' }), 201);
  const device = { mn: MN, pw: '654321', st: '31', dialect: '2017', crc_variant: 'hj212', outlet_id: fx.outlet.id,
    expected_interval_s: 3600, allow_time_set: false, pollutants: [{ code: 'a21026', unit: 'mg/m³' }, { code: 'a34013', unit: 'mg/m³' }] };
  fx.device = assertStatus(await b.post('/api/v1/hj212/devices', device), 201);
  assert.deepEqual(fx.device.pollutants.map((p) => p.code), ['a21026', 'a34013']);
  assert.equal(fx.device.pw, undefined, 'the password is not echoed');
  assertError(await b.post('/api/v1/hj212/devices', device), 409, 'conflict', 'mn');
  assertError(await b.post('/api/v1/hj212/devices', { ...device, mn: 'M2', dialect: '2009' }), 400, 'invalid_argument', 'dialect');
  assertError(await b.post('/api/v1/hj212/devices', { ...device, mn: 'M3', crc_variant: 'crc32' }), 400, 'invalid_argument', 'crc_variant');
  assertError(await b.post('/api/v1/hj212/devices', { ...device, mn: 'M4', bogus: 1 }), 400, 'invalid_argument');
  assertError(await s.c.leader.post('/api/v1/hj212/devices', { ...device, mn: 'M5' }), 403, 'forbidden');
  assertStatus(await b.post('/api/v1/hj212/devices', { ...device, mn: 'DUST0001', st: '39', outlet_id: dust.id, pollutants: [{ code: 'a34002', unit: 'μg/m³' }] }), 201);
  const lim = assertStatus(await b.post('/api/v1/hj212/limits', { outlet_id: fx.outlet.id, code: 'a21026', concentration: 35, hourly: 50 }), 200);
  assert.equal(lim.hourly, 50);
  assertStatus(await b.post('/api/v1/hj212/limits', { outlet_id: dust.id, code: 'a34002', concentration: 150 }), 200);
  assertError(await b.post('/api/v1/hj212/limits', { outlet_id: fx.outlet.id, code: 'a21026', concentration: -1 }), 400, 'invalid_argument');
  assertError(await b.post('/api/v1/hj212/limits', { outlet_id: fx.outlet.id, code: 'a21026' }), 400, 'invalid_argument');
  const changed = assertStatus(await b.patch(`/api/v1/hj212/devices/${fx.device.id}`, { ...device, mn: undefined, expected_interval_s: 1800 }), 200);
  assert.equal(changed.expected_interval_s, 1800);
  assert.equal(changed.mn, MN);
  assertError(await b.patch('/api/v1/hj212/devices/99999', { pw: '1', outlet_id: fx.outlet.id }), 404, 'not_found');
  const reg = assertStatus(await s.c.leader.get('/api/v1/hj212/registry'), 200);
  assert.equal(reg.enterprises.length, 2);
  assert.equal(reg.devices.length, 2);
  assert.equal(reg.limits.length, 2);
  const audit = assertStatus(await s.c.admin.get('/api/v1/audit?limit=50'), 200);
  assert.ok(audit.entries.some((e) => e.entity === 'hj212_devices' && e.action === 'update'));
});

test('frames: stored, exceedances, alarm, latest against limits, series, raw frames, quarantine', async () => {
  const file = path.join(s.dir, 'frames.txt');
  writeFileSync(file, [hourly(5, 20), hourly(4, 61), hourly(3, 62), hourly(2, 63), hourly(2, 63), hourly(1, 64, 'UNKNOWN0001')].join('\r\n') + '\r\n');
  const out = JSON.parse(cli(s.db, 'hj212', 'ingest', '--input', file));
  assert.deepEqual(out, { stored: 4, duplicate: 1, quarantined: 1, rejected: 0, skipped: 0 });

  const devices = assertStatus(await s.c.clerkB.get('/api/v1/hj212/devices'), 200).devices;
  const d = devices.find((x) => x.mn === MN);
  assert.equal(d.online, true);
  assert.equal(d.enterprise_name, '登封热电厂');
  assert.equal(d.open_alarms, 1);
  assert.equal(devices.find((x) => x.mn === 'DUST0001').online, false);

  const latest = assertStatus(await s.c.leader.get(`/api/v1/hj212/outlets/${fx.outlet.id}/latest`), 200);
  const so2 = latest.values.find((v) => v.code === 'a21026');
  assert.deepEqual({ value: so2.value, limit: so2.limit, exceeded: so2.exceeded, cn: so2.cn, unit: so2.unit },
    { value: 63, limit: 50, exceeded: true, cn: '2061', unit: 'mg/m³' });
  assert.equal(latest.values.find((v) => v.code === 'a34013').exceeded, false);
  assertError(await s.c.leader.get('/api/v1/hj212/outlets/99999/latest'), 404, 'not_found');

  const series = assertStatus(await s.c.leader.get(`/api/v1/hj212/devices/${fx.device.id}/series?code=a21026&cn=2061`), 200);
  assert.deepEqual(series.points.map((p) => p.avg), [20, 61, 62, 63]);
  assert.equal(series.points[1].max, 62);
  assertError(await s.c.leader.get(`/api/v1/hj212/devices/${fx.device.id}/series?code=a21026&cn=9999`), 400, 'invalid_argument', 'cn');
  assertError(await s.c.leader.get(`/api/v1/hj212/devices/${fx.device.id}/series`), 400, 'invalid_argument', 'code');

  const ex = assertStatus(await s.c.leader.get(`/api/v1/hj212/exceedances?outlet_id=${fx.outlet.id}`), 200).exceedances;
  assert.deepEqual(ex.map((x) => [x.value, x.limit, x.run_length]), [[63, 50, 3], [62, 50, 2], [61, 50, 1]]);

  const alarms = assertStatus(await s.c.leader.get('/api/v1/hj212/alarms?kind=exceedance&open=1'), 200).alarms;
  assert.equal(alarms.length, 1);
  assert.equal(alarms[0].problem_kind, '违规排放');
  assert.match(alarms[0].title, /登封热电厂 1号烟囱 a21026 连续 3 次超标/);
  // the run of 3 opened exactly one problem (issue 7 acceptance 4), linked to the alarm
  assert.equal(alarms[0].problem_status, 'linked');
  assert.equal(typeof alarms[0].problem_id, 'number');
  const problem = assertStatus(await s.c.leader.get(`/api/v1/problems/${alarms[0].problem_id}`), 200);
  assert.equal(alarms[0].problem_code, problem.code);
  assert.deepEqual([problem.kind, problem.source, problem.township_unit_id, problem.state, problem.source_reference],
    ['illegal_discharge', 'online_monitoring', s.units.townA, 'reported', `hj212-alarm-${alarms[0].id}`]);
  for (const part of ['登封热电厂', '1号烟囱', 'a21026', '63', '50', `#${alarms[0].id}`]) assert.ok(problem.description.includes(part), `${part} in ${problem.description}`);
  assert.deepEqual(problem.history.map((e) => [e.event, e.person, e.username]), [['register', '在线监测', '在线监测']]);
  const online = assertStatus(await s.c.leader.get(`/api/v1/problems?kind=illegal_discharge&township=${s.units.townA}`), 200).problems;
  assert.deepEqual(online.filter((p) => p.source === 'online_monitoring').map((p) => p.id), [problem.id]);
  const trail = assertStatus(await s.c.admin.get('/api/v1/audit?limit=50'), 200).entries;
  assert.ok(trail.some((e) => e.entity === 'problems' && e.action === 'create' && e.entity_id === String(problem.id) && e.username === '在线监测'));
  assertError(await s.c.leader.get('/api/v1/hj212/alarms?kind=fire'), 400, 'invalid_argument', 'kind');

  const frames = assertStatus(await s.c.leader.get(`/api/v1/hj212/frames?mn=${MN}`), 200).frames;
  assert.equal(frames.length, 5);
  assert.equal(frames.filter((f) => f.status === 'duplicate').length, 1);
  assert.ok(frames[0].raw.startsWith('##'));
  const q = assertStatus(await s.c.leader.get('/api/v1/hj212/frames?mn=UNKNOWN0001&status=quarantined'), 200).frames;
  assert.equal(q.length, 1);
  assert.equal(q[0].reason, 'unknown MN');
  assertError(await s.c.leader.get('/api/v1/hj212/frames'), 400, 'invalid_argument', 'mn');

  const sum = assertStatus(await s.c.leader.get('/api/v1/hj212/summary'), 200);
  assert.deepEqual([sum.devices, sum.online, sum.frames_stored, sum.frames_duplicate, sum.frames_quarantined, sum.open_exceedance_alarms],
    [2, 1, 4, 1, 1, 1]);
  await assertHealthy(s.server);
});
