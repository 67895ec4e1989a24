// Problems and cases (docs/api.md "Problems and cases"; issue 5 acceptance 2 and 5): each role's
// rights, concurrent transitions (one wins, the other 409), illegal transitions, own-rectification
// acceptance refused, evidence upload (413/415) and download, the close guard, the inspection batch
// import (one bad row → nothing stored, the row named; CSV and XLSX), exports, the matrix
// proposal, accountability and the veto fact, warnings and statistics, the audit trail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zipTools from '../lib/zip.cjs';
import { setupSuite, assertError, assertStatus, assertHealthy } from './harness.mjs';

let s;
const fx = {};
// A body limit above the attachment limit (5 MiB), so that the file limit answers 413.
before(async () => { s = await setupSuite('cases', { config: { server: { body_limit: 8 * 1024 * 1024 } } }); });
after(async () => { await s?.close(); });

const HEADER = 'code,kind,township,address,discovered_on,description,severity,sector';
const TEXT = { 'content-type': 'text/plain' };

async function register(c, extra = {}) {
  return c.post('/api/v1/problems', {
    kind: 'illegal_discharge', township_unit_id: s.units.townA, address: '嵩阳街道某厂',
    discovered_on: '2026-03-02', description: '夜间偷排废水', source: 'patrol', ...extra,
  });
}
const page = async (id) => assertStatus(await s.c.admin.get(`/api/v1/problems/${id}`), 200);
async function fire(c, id, event, extra = {}) {
  const version = extra.version ?? (await page(id)).version;
  return c.post(`/api/v1/problems/${id}/transitions`, { event, version, ...extra });
}
async function evidence(c, id, name = 'photo.txt', body = '整改照片说明') {
  return c.request('POST', `/api/v1/problems/${id}/evidence?filename=${encodeURIComponent(name)}&note=${encodeURIComponent('整改后')}`,
    { body, headers: TEXT });
}
const plan = { goal: '停止偷排，达标排放', measures: ['封堵暗管', '安装在线监测'], deadline: '2026-04-30', responsible_person: '王明' };

test('kinds and sources are seeded and configurable; clerks cannot add kinds', async () => {
  const meta = assertStatus(await s.c.leader.get('/api/v1/problems/meta'), 200);
  assert.equal(meta.kinds.filter((k) => k.damage).length, 7);
  assert.deepEqual(meta.kinds.filter((k) => k.damage).map((k) => k.name_zh),
    ['破坏山体', '违法占地', '私挖滥采', '违建别墅', '围河(库)造地', '违规排放', '毁坏森林']);
  assert.ok(meta.sources.some((x) => x.id === 'online_monitoring'));
  assertError(await s.c.clerkA.post('/api/v1/problems/kinds', { id: 'noise', name_zh: '噪声扰民' }), 403, 'forbidden');
  const k = assertStatus(await s.c.bureau.post('/api/v1/problems/kinds', { id: 'noise', name_zh: '噪声扰民', name_en: 'Noise' }), 201);
  assert.equal(k.damage, false);
  assertError(await s.c.bureau.post('/api/v1/problems/kinds', { id: 'noise', name_zh: '噪声' }), 409, 'conflict');
});

test('responsibility matrix proposes supervising departments', async () => {
  assertError(await s.c.clerkA.post('/api/v1/problems/matrix', { sector: 'construction', sector_zh: '建筑施工', unit_ids: [s.units.dept] }), 403, 'forbidden');
  const m = assertStatus(await s.c.bureau.post('/api/v1/problems/matrix', { sector: 'construction', sector_zh: '建筑施工', unit_ids: [s.units.dept] }), 200);
  assert.deepEqual(m.unit_ids, [s.units.dept]);
  assert.deepEqual(assertStatus(await s.c.leader.get('/api/v1/problems/matrix'), 200).sectors.map((x) => x.sector), ['construction']);
  assert.deepEqual(assertStatus(await s.c.clerkA.get('/api/v1/problems/matrix/proposal?sector=construction'), 200).unit_ids, [s.units.dept]);
  const p = assertStatus(await register(s.c.bureau, { kind: 'complaint', sector: 'construction', description: '工地扬尘投诉' }), 201);
  assert.deepEqual(p.supervising_unit_ids, [s.units.dept]);
  assert.equal(p.state, 'reported');
  assert.equal(p.responsible_unit_id, s.units.townA);
});

test('roles: clerks and leaders cannot register; clerks rectify only their own problems; only the bureau accepts', async () => {
  assertError(await register(s.c.clerkA), 403, 'forbidden');
  assertError(await register(s.c.leader), 403, 'forbidden');
  const p = assertStatus(await register(s.c.bureau), 201);
  fx.problem = p;
  assert.deepEqual(p.allowed_events, ['verify', 'dismiss']);
  assertError(await fire(s.c.clerkA, p.id, 'verify'), 403, 'forbidden');
  assertError(await fire(s.c.leader, p.id, 'verify'), 403, 'forbidden');
  assertStatus(await fire(s.c.bureau, p.id, 'verify'), 200);
  assertError(await fire(s.c.clerkA, p.id, 'assign', plan), 403, 'forbidden');
  const assigned = assertStatus(await fire(s.c.bureau, p.id, 'assign', plan), 200);
  assert.equal(assigned.plan.deadline, '2026-04-30');
  assert.equal(assigned.warning, 'overdue', 'a deadline in the past is overdue');
  // the leader reads everything, the clerk of another township cannot rectify
  assert.equal(assertStatus(await s.c.leader.get(`/api/v1/problems/${p.id}`), 200).allowed_events.length, 0);
  assertError(await fire(s.c.clerkB, p.id, 'start_rectification'), 403, 'forbidden');
  const mine = assertStatus(await s.c.clerkA.get(`/api/v1/problems/${p.id}`), 200);
  assert.deepEqual(mine.allowed_events, ['start_rectification']);
  assertStatus(await fire(s.c.clerkA, p.id, 'start_rectification'), 200);
  assertStatus(await fire(s.c.clerkA, p.id, 'report_progress', { note: '暗管已封堵' }), 200);
  assertError(await fire(s.c.clerkA, p.id, 'report_progress', { note: ' ' }), 400, 'invalid_argument', 'note');
  assertStatus(await fire(s.c.clerkA, p.id, 'submit'), 200);
  const ev = assertStatus(await evidence(s.c.clerkA, p.id), 201);
  assertError(await evidence(s.c.clerkB, p.id), 403, 'forbidden');
  assertStatus(await fire(s.c.clerkA, p.id, 'self_accept', { evidence_ids: [ev.id] }), 200);
  // clerks do not accept for the bureau, nor publish, nor close
  assertError(await fire(s.c.clerkA, p.id, 'bureau_accept', { evidence_ids: [ev.id] }), 403, 'forbidden');
  assertError(await fire(s.c.clerkA, p.id, 'return', { reason: 'x' }), 403, 'forbidden');
  // the bureau returns once (reason required), the township resubmits
  assertError(await fire(s.c.bureau, p.id, 'return', {}), 400, 'invalid_argument', 'reason');
  assertStatus(await fire(s.c.bureau, p.id, 'return', { reason: '现场仍有渗漏' }), 200);
  assertStatus(await fire(s.c.clerkA, p.id, 'submit'), 200);
  assertStatus(await fire(s.c.clerkA, p.id, 'self_accept', { evidence_ids: [ev.id] }), 200);
  // acceptance without evidence is refused; evidence of another problem is refused
  assertError(await fire(s.c.bureau, p.id, 'bureau_accept'), 400, 'invalid_argument', 'acceptance.evidence_refs');
  const b = assertStatus(await evidence(s.c.bureau, p.id, 'check.txt', '局验收记录'), 201);
  assertStatus(await fire(s.c.bureau, p.id, 'bureau_accept', { evidence_ids: [b.id], person: '局验收组 张工' }), 200);
  assertStatus(await fire(s.c.bureau, p.id, 'publish_notice'), 200);
  assertError(await fire(s.c.clerkA, p.id, 'close'), 403, 'forbidden');
  const closed = assertStatus(await fire(s.c.bureau, p.id, 'close'), 200);
  assert.equal(closed.state, 'closed');
  assert.equal(closed.warning, 'none');
  // nothing was lost: every step, with its person
  const h = (await page(p.id)).history;
  assert.deepEqual(h.map((e) => e.event), ['register', 'verify', 'assign', 'start_rectification', 'report_progress', 'submit',
    'add_evidence', 'self_accept', 'return', 'submit', 'self_accept', 'add_evidence', 'bureau_accept', 'publish_notice', 'close']);
  assert.equal(h[8].reason, '现场仍有渗漏');
  assert.equal(h[8].username, 'bureau');
  assert.equal(h[7].username, 'clerkA');
  assert.equal(h[12].person, '局验收组 张工');
  assert.deepEqual(h[12].evidence_ids, [b.id]);
  assert.equal(h[6].files[0].filename, 'photo.txt');
  // closed: no more evidence, no more events
  assertError(await evidence(s.c.bureau, p.id), 409, 'conflict');
  await assertHealthy(s.server);
});

test('illegal transitions are refused with 409 naming the state and the event', async () => {
  const p = assertStatus(await register(s.c.bureau), 201);
  const r = await fire(s.c.bureau, p.id, 'close');
  const e = assertError(r, 409, 'conflict');
  assert.match(e.message, /close/);
  assert.match(e.message, /reported/);
  assertError(await fire(s.c.bureau, p.id, 'assign', plan), 409, 'conflict');
  assertError(await fire(s.c.bureau, p.id, 'fly'), 400, 'invalid_argument', 'event');
  assertError(await fire(s.c.bureau, p.id, 'dismiss'), 400, 'invalid_argument', 'reason');
  // dismissing keeps the problem and its history
  assertStatus(await fire(s.c.bureau, p.id, 'dismiss', { reason: '重复举报' }), 200);
  const after = await page(p.id);
  assert.equal(after.state, 'dismissed');
  assert.deepEqual(after.history.map((x) => [x.event, x.reason]), [['register', ''], ['dismiss', '重复举报']]);
  assertError(await fire(s.c.bureau, p.id, 'verify'), 409, 'conflict');
});

test('concurrent transitions on the same version: one wins, the other gets 409', async () => {
  const p = assertStatus(await register(s.c.bureau), 201);
  const [a, b] = await Promise.all([
    s.c.bureau.post(`/api/v1/problems/${p.id}/transitions`, { event: 'verify', version: p.version }),
    s.c.admin.post(`/api/v1/problems/${p.id}/transitions`, { event: 'dismiss', version: p.version, reason: '不属实' }),
  ]);
  const statuses = [a.status, b.status].sort();
  assert.deepEqual(statuses, [200, 409], `${a.text} | ${b.text}`);
  const loser = a.status === 409 ? a : b;
  assertError(loser, 409, 'conflict', 'version');
  const after = await page(p.id);
  assert.equal(after.version, 2);
  assert.equal(after.history.length, 2, 'only the winner was recorded');
  // a stale version is refused too
  assertError(await fire(s.c.bureau, p.id, 'assign', { ...plan, version: 1 }), 409, 'conflict', 'version');
});

test('a person cannot accept their own rectification', async () => {
  const p = assertStatus(await register(s.c.bureau), 201);
  assertStatus(await fire(s.c.bureau, p.id, 'verify'), 200);
  assertStatus(await fire(s.c.bureau, p.id, 'assign', plan), 200);
  assertStatus(await fire(s.c.bureau, p.id, 'start_rectification'), 200);
  assertStatus(await fire(s.c.bureau, p.id, 'submit'), 200);
  const ev = assertStatus(await evidence(s.c.bureau, p.id), 201);
  assertStatus(await fire(s.c.bureau, p.id, 'self_accept', { evidence_ids: [ev.id] }), 200);
  const e = assertError(await fire(s.c.bureau, p.id, 'bureau_accept', { evidence_ids: [ev.id] }), 403, 'forbidden');
  assert.match(e.message, /own rectification/);
  assert.equal((await page(p.id)).state, 'self_accepted');
  assertStatus(await fire(s.c.admin, p.id, 'bureau_accept', { evidence_ids: [ev.id] }), 200);
});

test('evidence: upload, download, 415 for a wrong type, 413 for a large file', async () => {
  const p = assertStatus(await register(s.c.bureau), 201);
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e0d0a30000000049454e44ae426082', 'hex');
  const up = await s.c.bureau.request('POST', `/api/v1/problems/${p.id}/evidence?filename=site.png`, { body: png, headers: { 'content-type': 'image/png' } });
  const meta = assertStatus(up, 201);
  assert.equal(meta.content_type, 'image/png');
  const down = await s.c.leader.get(meta.url);
  assert.equal(down.status, 200);
  assert.deepEqual(down.body, png);
  const fake = await s.c.bureau.request('POST', `/api/v1/problems/${p.id}/evidence?filename=site.png`, { body: 'not a png at all', headers: { 'content-type': 'image/png' } });
  assertError(fake, 415, 'unsupported_type');
  const exe = await s.c.bureau.request('POST', `/api/v1/problems/${p.id}/evidence?filename=run.exe`, { body: Buffer.from('MZ\x90\x00'), headers: { 'content-type': 'application/octet-stream' } });
  assertError(exe, 415, 'unsupported_type');
  const big = await s.c.bureau.request('POST', `/api/v1/problems/${p.id}/evidence?filename=big.txt`, { body: 'a'.repeat(5 * 1024 * 1024 + 1), headers: TEXT });
  assertError(big, 413, 'too_large');
  const h = (await page(p.id)).history;
  assert.equal(h.filter((e) => e.event === 'add_evidence').length, 1, 'refused files left no trace');
});

const { zip } = zipTools;
function xlsx(rows) {
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = rows.map((cells, r) => `<row r="${r + 1}">${cells.map((v, i) =>
    v === '' ? '' : `<c r="${String.fromCharCode(65 + i)}${r + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('')}</row>`).join('');
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0"?><Types/>'],
    ['xl/worksheets/sheet1.xml', `<worksheet ${ns}><sheetData>${body}</sheetData></worksheet>`],
  ]);
}
const XLSX = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

test('inspection batch: one bad row imports nothing and names the row; CSV and XLSX; reports', async () => {
  const count = async () => assertStatus(await s.c.admin.get('/api/v1/problems'), 200).problems.length;
  const before = await count();
  const good = (n) => `ZY-2026-${n},违规排放,嵩阳街道,"某厂, 东门",2026-03-0${n},督察反馈: 废气直排,一般,construction`;
  const bad = [HEADER, good(1), 'ZY-2026-2,乱倒垃圾,嵩阳街道,某村,2026-03-02,垃圾,一般,', good(3)].join('\n') + '\n';
  const url = '/api/v1/problems/batches/import?batch=' + encodeURIComponent('中央督察-2026-03') + '&title=' + encodeURIComponent('中央第三轮督察反馈问题');
  assertError(await s.c.clerkA.request('POST', url, { body: bad, headers: { 'content-type': 'text/csv' } }), 403, 'forbidden');
  const r = await s.c.bureau.request('POST', url, { body: bad, headers: { 'content-type': 'text/csv' } });
  assert.equal(r.status, 422, r.text);
  assert.equal(r.data.error.code, 'bad_data');
  assert.match(r.data.error.message, /row 3/);
  assert.deepEqual(r.data.errors.map((e) => [e.line, e.field]), [[3, 'kind']]);
  assert.equal(await count(), before, 'nothing stored');
  assert.deepEqual(assertStatus(await s.c.admin.get('/api/v1/problems/batches'), 200).batches, []);
  // the fixed file imports every row
  const fixed = [HEADER, good(1), good(2), good(3)].join('\n') + '\n';
  const ok = assertStatus(await s.c.bureau.request('POST', url, { body: fixed, headers: { 'content-type': 'text/csv' } }), 200);
  assert.equal(ok.imported, 3);
  assert.equal(await count(), before + 3);
  const listed = assertStatus(await s.c.leader.get(`/api/v1/problems?batch=${ok.batch_id}`), 200).problems;
  assert.equal(listed.length, 3);
  assert.equal(listed.find((x) => x.code === 'ZY-2026-1').address, '某厂, 东门');
  assert.deepEqual(listed[0].supervising_unit_ids, [s.units.dept], 'the matrix proposed the supervisors');
  assertError(await s.c.bureau.request('POST', url, { body: fixed, headers: { 'content-type': 'text/csv' } }), 409, 'conflict');
  // XLSX: a bad date in spreadsheet row 2 is named; then the good sheet imports
  const xurl = '/api/v1/problems/batches/import?batch=SD-2026-1&source=inspection_batch&received_on=2026-04-01';
  const xbad = xlsx([HEADER.split(','), ['SD-1', 'four_chaos', '大冶镇', '颍河', '2026-13-01', '河道乱堆', 'general', '']]);
  const xr = await s.c.bureau.request('POST', xurl, { body: xbad, headers: XLSX });
  assert.equal(xr.status, 422, xr.text);
  assert.deepEqual(xr.data.errors.map((e) => [e.line, e.field]), [[2, 'discovered_on']]);
  const xgood = xlsx([HEADER.split(','), ['SD-1', '河湖四乱', '大冶镇', '颍河', '2026-03-01', '河道乱堆', '一般', ''],
    ['', 'outfall', 'town-b', '少阳河', '2026-03-05', '排污口未登记', 'general', '']]);
  const xok = assertStatus(await s.c.bureau.request('POST', xurl, { body: xgood, headers: XLSX }), 200);
  assert.equal(xok.imported, 2);
  // the rectification report of the batch, XLSX and printable HTML; the ledger
  const rep = await s.c.leader.get(`/api/v1/problems/batches/${ok.batch_id}/report.xlsx`);
  assert.equal(rep.status, 200);
  assert.equal(rep.body.subarray(0, 2).toString(), 'PK');
  const html = await s.c.leader.get(`/api/v1/problems/batches/${ok.batch_id}/report.html`);
  assert.equal(html.status, 200);
  assert.match(html.headers['content-type'], /text\/html/);
  assert.match(html.text, /中央第三轮督察反馈问题 整改情况报告/);
  assert.match(html.text, /ZY-2026-3/);
  assert.match(html.text, /@media print/);
  const ledger = await s.c.clerkB.get('/api/v1/problems/export.xlsx');
  assert.equal(ledger.status, 200);
  assert.equal(ledger.body.subarray(0, 2).toString(), 'PK');
  assertError(await s.c.leader.get('/api/v1/problems/batches/999/report.html'), 404, 'not_found');
});

test('accountability for a serious damage case (党政同责) and the veto in the statistics', async () => {
  const general = assertStatus(await register(s.c.bureau, { kind: 'illegal_mining', severity: 'general' }), 201);
  const serious = assertStatus(await register(s.c.bureau, {
    kind: 'illegal_mining', severity: 'serious', township_unit_id: s.units.townB, description: '私挖滥采，破坏山体约 2 公顷',
  }), 201);
  const record = {
    problem_id: serious.id, party_secretary: '张书记', township_head: '李镇长', supervising_unit_ids: [s.units.dept],
    decision: '党纪处分', decided_on: '2026-05-10', document: '登纪〔2026〕12号',
  };
  assertError(await s.c.clerkB.post('/api/v1/problems/accountability', record), 403, 'forbidden');
  assertError(await s.c.bureau.post('/api/v1/problems/accountability', { ...record, township_head: '' }), 400, 'invalid_argument', 'township_head');
  assertError(await s.c.bureau.post('/api/v1/problems/accountability', { ...record, problem_id: general.id }), 409, 'conflict');
  const a = assertStatus(await s.c.bureau.post('/api/v1/problems/accountability', record), 201);
  assert.equal(a.township_unit_id, s.units.townB);
  assert.equal(a.problem_code, serious.code);
  assert.equal(assertStatus(await s.c.leader.get('/api/v1/problems/accountability'), 200).records.length, 1);
  assert.equal((await page(serious.id)).accountability.length, 1);
  const st = assertStatus(await s.c.leader.get('/api/v1/problems/statistics?from=2026-01-01&to=2026-12-31'), 200);
  const townB = st.by_township.find((x) => x.unit_id === s.units.townB);
  const townA = st.by_township.find((x) => x.unit_id === s.units.townA);
  assert.equal(townB.veto, true);
  assert.equal(townB.serious_damage_cases, 1);
  assert.equal(townA.veto, false);
  assert.ok(townA.rectified >= 1);
  assert.ok(st.by_kind.some((k) => k.key === 'illegal_mining' && k.problems === 2));
  assert.ok(st.by_month.some((m) => m.key === '2026-03'));
  assert.ok(st.rectification_rate > 0 && st.rectification_rate < 1);
  assertError(await s.c.leader.get('/api/v1/problems/statistics?from=2026-12-01&to=2026-01-01'), 400, 'invalid_argument', 'from');
});

test('filters and warnings', async () => {
  const overdue = assertStatus(await s.c.leader.get('/api/v1/problems?overdue=true'), 200).problems;
  assert.ok(overdue.length >= 0);
  for (const p of overdue) assert.equal(p.warning, 'overdue');
  const w = assertStatus(await s.c.leader.get('/api/v1/problems/warnings'), 200);
  assert.ok(Array.isArray(w.overdue) && Array.isArray(w.due_soon));
  const closed = assertStatus(await s.c.leader.get(`/api/v1/problems?state=closed&township=${s.units.townA}&kind=illegal_discharge`), 200).problems;
  assert.deepEqual(closed.map((p) => p.id), [fx.problem.id]);
  assertError(await s.c.leader.get('/api/v1/problems?overdue=maybe'), 400, 'invalid_argument', 'overdue');
  assertError(await s.c.leader.get('/api/v1/problems/abc'), 400, 'invalid_argument');
  assertError(await s.c.leader.get('/api/v1/problems/99999'), 404, 'not_found');
});

test('every write was audited and the chain verifies', async () => {
  const log = assertStatus(await s.c.admin.get('/api/v1/audit?limit=1000'), 200).entries;
  const actions = new Set(log.filter((e) => ['problems', 'problem_batches', 'accountability_records', 'responsibility_matrix', 'problem_kinds'].includes(e.entity)).map((e) => e.action));
  for (const a of ['create', 'transition:verify', 'transition:close', 'evidence', 'import', 'update']) assert.ok(actions.has(a), a);
  const v = assertStatus(await s.c.admin.get('/api/v1/audit/verify'), 200);
  assert.equal(v.ok, true, JSON.stringify(v));
});
