// Assessment (docs/api.md "Assessment"; issue 6): indicator catalogue, schemes with line-numbered
// validation and versions, manual inputs (audited, bureau only), runs that keep their inputs after
// a correction, a unit's explanation, the rank trend, and the bulletin as XLSX (read back here),
// HTML and PDF.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import zipTools from '../lib/zip.cjs';
import { setupSuite, assertError, assertStatus, assertHealthy } from './harness.mjs';

let s;
const fx = {};
before(async () => { s = await setupSuite('assessment'); });
after(async () => { await s?.close(); });

const SCHEME = `[scheme]
name = "乡镇月度考核（测试）"
period = "month"
unit_kind = "township"
warn_bottom = 1

[[item]]
id = "work"
name = "工作完成率"
indicator = "work_rate"
max = 100
rule = "ratio"

[[veto]]
id = "damage"
name = "严重生态破坏案件被问责"
indicator = "serious_damage_accountable"
op = ">"
value = 0

[[grade]]
name = "优秀"
min = 90
[[grade]]
name = "良好"
min = 70
[[grade]]
name = "不合格"
min = 0
`;

const { unzip, firstSheetRows } = zipTools;

test('indicators and schemes: catalogue, validation with line numbers, versions; bureau only', async () => {
  const ind = assertStatus(await s.c.leader.get('/api/v1/assessment/indicators'), 200).indicators;
  const ids = ind.map((i) => i.id);
  for (const id of ['pm25_mean', 'good_ratio', 'composite_change', 'water_attainment', 'task_completion_rate', 'serious_damage_accountable'])
    assert.ok(ids.includes(id), id);
  // issues 4 and 5 are wired: no indicator is a pending slot any more
  assert.deepEqual(ind.filter((i) => i.pending).map((i) => i.id), []);
  assert.equal(ind.find((i) => i.id === 'task_completion_rate').source, 'ledger');
  assert.equal(ind.find((i) => i.id === 'supervision_answer_rate').source, 'ledger');
  assert.equal(ind.find((i) => i.id === 'rectification_rate').source, 'cases');
  assert.equal(ind.find((i) => i.id === 'heavy_pollution_cases').source, 'manual');
  assert.equal(ind.find((i) => i.id === 'pm25_mean').pending, false);

  const bad = SCHEME.replace('max = 100', 'max = 0');
  const check = assertStatus(await s.c.bureau.post('/api/v1/assessment/schemes/check', { code: 'towns', body: bad }), 200);
  assert.deepEqual(check, { ok: false, message: "towns.toml:11: item 'work' max must be > 0" });
  assert.deepEqual(assertStatus(await s.c.bureau.post('/api/v1/assessment/schemes/check', { code: 'towns', body: SCHEME }), 200), { ok: true });
  assertError(await s.c.bureau.post('/api/v1/assessment/schemes', { code: 'towns', body: bad }), 400, 'invalid_argument', 'body');
  assertError(await s.c.bureau.post('/api/v1/assessment/schemes', { code: 'Bad Code', body: SCHEME }), 400, 'invalid_argument', 'code');
  assertError(await s.c.bureau.post('/api/v1/assessment/schemes', { code: 'towns', body: SCHEME, extra: 1 }), 400, 'invalid_argument', 'extra');
  assertError(await s.c.clerkA.post('/api/v1/assessment/schemes', { code: 'towns', body: SCHEME }), 403, 'forbidden');
  assertError(await s.c.leader.post('/api/v1/assessment/schemes', { code: 'towns', body: SCHEME }), 403, 'forbidden');
  const v1 = assertStatus(await s.c.bureau.post('/api/v1/assessment/schemes', { code: 'towns', body: SCHEME }), 201);
  assert.equal(v1.version, 1);
  const v2 = assertStatus(await s.c.admin.post('/api/v1/assessment/schemes', { code: 'towns', body: SCHEME.replace('warn_bottom = 1', 'warn_bottom = 1\ntop = 1') }), 201);
  assert.equal(v2.version, 2);
  fx.scheme = v2;
  const list = assertStatus(await s.c.clerkA.get('/api/v1/assessment/schemes'), 200).schemes;
  assert.deepEqual(list.map((x) => [x.code, x.version]), [['towns', 2]]);
  const one = assertStatus(await s.c.leader.get(`/api/v1/assessment/schemes/${v1.id}`), 200);
  assert.equal(one.body, SCHEME);
  assert.deepEqual(one.versions.map((v) => v.version), [2, 1]);
  assertError(await s.c.leader.get('/api/v1/assessment/schemes/99999'), 404, 'not_found');
  for (const p of ['/api/v1/assessment/indicators', '/api/v1/assessment/schemes', `/api/v1/assessment/schemes/${v1.id}`])
    assertError(await s.c.anon.get(p), 401, 'unauthorized');
  assertError(await s.c.anon.post('/api/v1/assessment/schemes', { code: 'x', body: SCHEME }), 401, 'unauthorized');
  assertError(await s.c.anon.post('/api/v1/assessment/schemes/check', { code: 'x', body: SCHEME }), 401, 'unauthorized');
});

const put = (c, json) => c.request('PUT', '/api/v1/assessment/inputs', { json });

test('manual inputs: set, replace, list, delete; audited; bureau only', async () => {
  const b = s.c.bureau;
  assertStatus(await put(b, { unit_id: s.units.townA, period: '2026-10', indicator: 'work_rate', value: '95' }), 200);
  const r = assertStatus(await put(b, { unit_id: s.units.townB, period: '2026-10', indicator: 'work_rate', value: '80.50', note: '第一次' }), 200);
  assert.equal(r.value, '80.5');
  assert.equal(r.unit_code, 'town-b');
  assertStatus(await put(b, { unit_id: s.units.townA, period: '2026-10', indicator: 'temp', value: '1' }), 200);
  assertStatus(await b.del(`/api/v1/assessment/inputs?unit_id=${s.units.townA}&period=2026-10&indicator=temp`), 200);
  assertError(await b.del(`/api/v1/assessment/inputs?unit_id=${s.units.townA}&period=2026-10&indicator=temp`), 404, 'not_found');
  assertError(await put(b, { unit_id: s.units.townA, period: '2026-13', indicator: 'x', value: '1' }), 400, 'invalid_argument', 'period');
  assertError(await put(b, { unit_id: s.units.townA, period: '2026-10', indicator: 'x', value: 'abc' }), 400, 'invalid_argument', 'value');
  assertError(await put(b, { unit_id: 99999, period: '2026-10', indicator: 'x', value: '1' }), 404, 'not_found');
  assertError(await put(s.c.clerkA, { unit_id: s.units.townA, period: '2026-10', indicator: 'x', value: '1' }), 403, 'forbidden');
  assertError(await put(s.c.anon, { unit_id: s.units.townA, period: '2026-10', indicator: 'x', value: '1' }), 401, 'unauthorized');
  assertError(await s.c.anon.del(`/api/v1/assessment/inputs?unit_id=${s.units.townA}&period=2026-10&indicator=x`), 401, 'unauthorized');
  const list = assertStatus(await s.c.leader.get('/api/v1/assessment/inputs?period=2026-10'), 200).inputs;
  assert.deepEqual(list.map((i) => [i.unit_code, i.indicator, i.value]), [['town-a', 'work_rate', '95'], ['town-b', 'work_rate', '80.5']]);
  assertError(await s.c.leader.get('/api/v1/assessment/inputs?period=soon'), 400, 'invalid_argument', 'period');
  assertError(await s.c.anon.get('/api/v1/assessment/inputs?period=2026-10'), 401, 'unauthorized');
  const audit = assertStatus(await s.c.admin.get('/api/v1/audit?limit=20'), 200).entries.filter((e) => e.entity === 'assessment_inputs');
  assert.ok(audit.some((e) => e.action === 'delete'));
});

test('runs: ranking, explanation, correction makes a new run and the old one stays', async () => {
  const b = s.c.bureau;
  assertError(await s.c.clerkA.post('/api/v1/assessment/runs', { scheme_id: fx.scheme.id, period: '2026-10' }), 403, 'forbidden');
  assertError(await s.c.anon.post('/api/v1/assessment/runs', { scheme_id: fx.scheme.id, period: '2026-10' }), 401, 'unauthorized');
  assertError(await b.post('/api/v1/assessment/runs', { scheme_id: fx.scheme.id, period: '2026-Q4' }), 400, 'invalid_argument', 'period');
  assertError(await b.post('/api/v1/assessment/runs', { scheme_id: 99999, period: '2026-10' }), 404, 'not_found');
  const first = assertStatus(await b.post('/api/v1/assessment/runs', { scheme_id: fx.scheme.id, period: '2026-10' }), 201);
  assert.deepEqual(first.results.units.map((u) => [u.code, u.rank, u.total, u.grade]), [['town-a', 1, 95, '优秀'], ['town-b', 2, 80.5, '良好']]);
  assert.equal(first.results.units[0].top, true);
  assert.equal(first.results.units[1].warned, true);
  assert.equal(first.inputs.units[1].values.work_rate.source, 'manual');
  fx.first = first;

  const ex = assertStatus(await s.c.clerkB.get(`/api/v1/assessment/runs/${first.id}/units/town-b`), 200);
  assert.equal(ex.unit.items[0].explanation, 'work_rate = 80.5，80.5 / 100 × 100 = 80.5，得 80.5 / 100');
  assert.deepEqual(ex.inputs.work_rate, { value: 80.5, source: 'manual' });
  assertError(await s.c.leader.get(`/api/v1/assessment/runs/${first.id}/units/nobody`), 404, 'not_found', 'code');
  assertError(await s.c.anon.get(`/api/v1/assessment/runs/${first.id}/units/town-b`), 401, 'unauthorized');

  assertStatus(await put(b, { unit_id: s.units.townB, period: '2026-10', indicator: 'work_rate', value: '99' }), 200);
  assertStatus(await put(b, { unit_id: s.units.townA, period: '2026-10', indicator: 'serious_damage_accountable', value: '1' }), 200);
  const second = assertStatus(await b.post('/api/v1/assessment/runs', { scheme_id: fx.scheme.id, period: '2026-10' }), 201);
  assert.deepEqual(second.results.units.map((u) => [u.code, u.rank, u.grade]), [['town-b', 1, '优秀'], ['town-a', 2, '不合格']]);
  assert.match(second.results.units[1].vetoes[0].cause, /严重生态破坏案件被问责/);
  const old = assertStatus(await s.c.leader.get(`/api/v1/assessment/runs/${first.id}`), 200);
  assert.deepEqual(old.results, first.results);
  assert.deepEqual(old.inputs, first.inputs);
  assert.equal(old.scheme_body, first.scheme_body);
  const runs = assertStatus(await s.c.leader.get('/api/v1/assessment/runs?scheme=towns'), 200).runs;
  assert.deepEqual(runs.map((r) => r.id), [second.id, first.id]);
  assertError(await s.c.anon.get('/api/v1/assessment/runs'), 401, 'unauthorized');
  assertError(await s.c.anon.get(`/api/v1/assessment/runs/${first.id}`), 401, 'unauthorized');
  assertError(await s.c.leader.get('/api/v1/assessment/runs/99999'), 404, 'not_found');
  fx.second = second;

  assertStatus(await put(b, { unit_id: s.units.townA, period: '2026-11', indicator: 'work_rate', value: '70' }), 200);
  const nov = assertStatus(await b.post('/api/v1/assessment/runs', { scheme_id: fx.scheme.id, period: '2026-11' }), 201);
  const a = nov.results.units.find((u) => u.code === 'town-a');
  assert.deepEqual([a.rank, a.previous_rank, a.change], [1, 2, -25]);
  const trend = assertStatus(await s.c.clerkA.get('/api/v1/assessment/trend?scheme=towns&unit=town-a'), 200);
  assert.deepEqual(trend.points.map((p) => [p.period, p.rank, p.run_id]), [['2026-10', 2, second.id], ['2026-11', 1, nov.id]]);
  assertError(await s.c.leader.get('/api/v1/assessment/trend?scheme=towns'), 400, 'invalid_argument');
  assertError(await s.c.anon.get('/api/v1/assessment/trend?scheme=towns&unit=town-a'), 401, 'unauthorized');
});

test('bulletin: XLSX holds the ranking, HTML prints, PDF when Chromium is present', async () => {
  const id = fx.second.id;
  const x = await s.c.leader.get(`/api/v1/assessment/runs/${id}/bulletin.xlsx`);
  assert.equal(x.status, 200);
  assert.match(x.headers['content-type'], /spreadsheetml/);
  assert.match(x.headers['content-disposition'], /bulletin-towns-2026-10\.xlsx/);
  const rows = firstSheetRows(x.body);
  assert.match(rows[0][1], /名次/);
  assert.deepEqual(rows.slice(1).map((r) => [r[1], r[2], r[5]]), fx.second.results.units.map((u) => [String(u.rank), u.code, u.grade]));
  const files = unzip(x.body);
  assert.match(String(files['xl/sharedStrings.xml']), /严重生态破坏案件被问责/);
  const h = await s.c.leader.get(`/api/v1/assessment/runs/${id}/bulletin.html`);
  assert.equal(h.status, 200);
  assert.match(h.headers['content-type'], /text\/html/);
  assert.match(h.text, /<svg/);
  assert.match(h.text, /乡镇月度考核（测试） 2026-10 通报/);
  for (const f of ['xlsx', 'html', 'pdf']) assertError(await s.c.anon.get(`/api/v1/assessment/runs/${id}/bulletin.${f}`), 401, 'unauthorized');
  const p = await s.c.leader.get(`/api/v1/assessment/runs/${id}/bulletin.pdf`);
  if (existsSync('/usr/bin/chromium')) {
    assert.equal(p.status, 200, p.text.slice(0, 200));
    assert.equal(p.body.subarray(0, 4).toString(), '%PDF');
  } else {
    assertError(p, 404, 'not_found');
  }
  await assertHealthy(s.server);
});
