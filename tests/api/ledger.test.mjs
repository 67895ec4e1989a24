// Task ledger (docs/api.md "Task ledger"; issue 4 acceptance 2): the bureau creates a task with
// milestones for a township; that township's clerk reports with an attachment (downloaded back);
// another township's clerk gets 403; a leader reads everything and writes nothing; two clerks
// editing the same task at once — the second gets 409 and nothing is lost; an oversized or
// wrong-type attachment gets 413/415; review, notices with answers, the sweep's cards,
// statistics, key projects, the list's filters and paging, export and all-or-nothing import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setupSuite, cli, assertError, assertStatus, assertHealthy, PASSWORD, Client } from './harness.mjs';

let s;
let clerkA2;
const fx = {};
before(async () => {
  s = await setupSuite('ledger', { config: { server: { body_limit: 8 * 1024 * 1024 } } });
  cli(s.db, 'user', 'add', 'clerkA2', '--role', 'unit', '--unit', 'town-a', '--password', PASSWORD);
  clerkA2 = new Client(s.server.url);
  await clerkA2.login('clerkA2');
});
after(async () => { await s?.close(); });

// Today in China Standard Time, shifted by `n` days, as YYYY-MM-DD (the server's "today").
function day(n = 0) {
  const t = new Date(Date.now() + 8 * 3600e3 + n * 86400e3);
  return t.toISOString().slice(0, 10);
}

function taskBody(code, unit, extra = {}) {
  return {
    code, title: `扬尘治理 ${code}`, category: 'dust_control', content: '建筑工地六个百分百',
    measures: ['围挡', '湿法作业'], lead_unit_id: unit, cooperating_unit_ids: [s.units.dept],
    responsible_leader: '张副市长', responsible_person: '李科长', start: day(-10), due: day(60),
    priority: 'high', source_document: '登政办〔2026〕1号',
    milestones: [
      { due: day(3), deliverable: '排查清单' },
      { due: day(30), deliverable: '整改完成', responsible_unit_id: unit },
    ],
    ...extra,
  };
}

const upload = (c, reportId, name, type, body) =>
  c.request('POST', `/api/v1/ledger/reports/${reportId}/attachments?filename=${encodeURIComponent(name)}`,
    { body, headers: { 'content-type': type } });

test('the bureau creates a task with milestones for a township; bad input is 400 naming the field', async () => {
  const r = await s.c.bureau.post('/api/v1/ledger/tasks', taskBody('DC-001', s.units.townA));
  const t = assertStatus(r, 201);
  assert.equal(t.code, 'DC-001');
  assert.equal(t.version, 1);
  assert.equal(t.status, 'not_started');
  assert.equal(t.lead_unit_name, '嵩阳街道');
  assert.deepEqual(t.measures, ['围挡', '湿法作业']);
  assert.deepEqual(t.milestones.map((m) => [m.seq, m.due, m.state, m.responsible_unit_id]),
    [[1, day(3), 'pending', s.units.townA], [2, day(30), 'pending', s.units.townA]]);
  assert.deepEqual(t.progress, { done: 0, total: 2, percent: 0 });
  assert.equal(t.warning, 'due_soon');
  fx.task = t;
  assertError(await s.c.bureau.post('/api/v1/ledger/tasks', taskBody('DC-001', s.units.townA)), 409, 'conflict', 'code');
  assertError(await s.c.bureau.post('/api/v1/ledger/tasks', taskBody('DC-002', s.units.townA, { category: 'nope' })), 400, 'invalid_argument', 'category');
  assertError(await s.c.bureau.post('/api/v1/ledger/tasks', taskBody('DC-002', s.units.townA, {
    milestones: [{ due: day(90), deliverable: 'x' }] })), 400, 'invalid_argument', 'milestones[0].due');
  assertError(await s.c.bureau.post('/api/v1/ledger/tasks', { ...taskBody('DC-002', s.units.townA), extra: 1 }), 400);
  // categories are a configurable list
  const cats = assertStatus(await s.c.leader.get('/api/v1/ledger/categories'), 200);
  assert.equal(cats.categories.length, 12);
  assert.equal(cats.categories[0].code, 'dust_control');
  assertStatus(await s.c.bureau.post('/api/v1/ledger/categories', { code: 'noise', name_zh: '噪声', name_en: 'Noise' }), 201);
  assertError(await s.c.clerkA.post('/api/v1/ledger/categories', { code: 'x', name_zh: 'x', name_en: 'x' }), 403, 'forbidden');
});

test("that township's clerk reports with an attachment; the file downloads back", async () => {
  const r = await s.c.clerkA.post(`/api/v1/ledger/tasks/${fx.task.id}/reports`, { percent: 60, body: '已完成排查 12 处工地' });
  const rep = assertStatus(r, 201);
  assert.equal(rep.milestone_seq, 1);
  assert.equal(rep.status, 'pending');
  assert.equal(rep.unit_id, s.units.townA);
  assert.equal(rep.reported_on, day(0));
  fx.report = rep;
  const text = '排查清单\n1. 工地A\n';
  const a = assertStatus(await upload(s.c.clerkA, rep.id, '排查清单.txt', 'text/plain', text), 201);
  assert.equal(a.filename, '排查清单.txt');
  const dl = await s.c.leader.get(a.url);
  assert.equal(dl.status, 200);
  assert.equal(dl.body.toString('utf8'), text);
  const task = assertStatus(await s.c.leader.get(`/api/v1/ledger/tasks/${fx.task.id}`), 200);
  assert.equal(task.status, 'in_progress');
  assert.equal(task.last_report_on, day(0));
  assert.equal(task.reports.length, 1);
  assert.equal(task.reports[0].attachments[0].id, a.id);
  assertError(await s.c.clerkA.post(`/api/v1/ledger/tasks/${fx.task.id}/reports`, { percent: 120, body: 'x' }), 400, 'invalid_argument', 'percent');
  assertError(await s.c.clerkA.post(`/api/v1/ledger/tasks/${fx.task.id}/reports`, { percent: 10, body: 'x', reported_on: day(1) }), 400, 'invalid_argument', 'reported_on');
});

test('an oversized or wrong-type attachment gets a clear 413 / 415', async () => {
  const big = Buffer.alloc(5 * 1024 * 1024 + 1, 'a');
  const e1 = assertError(await upload(s.c.clerkA, fx.report.id, 'big.txt', 'text/plain', big), 413, 'too_large');
  assert.match(e1.message, /limit/);
  const e2 = assertError(await upload(s.c.clerkA, fx.report.id, 'tool.exe', 'application/octet-stream', Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])), 415, 'unsupported_type');
  assert.match(e2.message, /not an accepted file/);
  assertError(await upload(s.c.clerkA, fx.report.id, 'fake.pdf', 'application/pdf', 'plain words'), 415, 'unsupported_type');
  const task = assertStatus(await s.c.bureau.get(`/api/v1/ledger/tasks/${fx.task.id}`), 200);
  assert.equal(task.reports[0].attachments.length, 1, 'nothing stored by the refused uploads');
});

test("another township's clerk gets 403 on that task", async () => {
  assertError(await s.c.clerkB.post(`/api/v1/ledger/tasks/${fx.task.id}/reports`, { percent: 10, body: '越权' }), 403, 'forbidden');
  assertError(await s.c.clerkB.patch(`/api/v1/ledger/tasks/${fx.task.id}`, { version: 1, content: 'x' }), 403, 'forbidden');
  assertError(await upload(s.c.clerkB, fx.report.id, 'x.txt', 'text/plain', 'x'), 403, 'forbidden');
  assertError(await s.c.clerkB.post(`/api/v1/ledger/reports/${fx.report.id}/review`, { decision: 'accept' }), 403, 'forbidden');
  assertError(await s.c.clerkA.post(`/api/v1/ledger/reports/${fx.report.id}/review`, { decision: 'accept' }), 403, 'forbidden');
  assertError(await s.c.clerkA.post('/api/v1/ledger/tasks', taskBody('DC-009', s.units.townA)), 403, 'forbidden');
  // a clerk of the lead unit may change only a few fields
  assertError(await s.c.clerkA.patch(`/api/v1/ledger/tasks/${fx.task.id}`, { version: 1, title: 'x' }), 403, 'forbidden');
});

test('a leader reads everything and writes nothing', async () => {
  const list = assertStatus(await s.c.leader.get('/api/v1/ledger/tasks'), 200);
  assert.ok(list.items.some((t) => t.id === fx.task.id));
  assertStatus(await s.c.leader.get(`/api/v1/ledger/tasks/${fx.task.id}`), 200);
  assertStatus(await s.c.leader.get('/api/v1/ledger/reports'), 200);
  for (const [m, p, body] of [
    ['POST', '/api/v1/ledger/tasks', taskBody('L-1', s.units.townA)],
    ['PATCH', `/api/v1/ledger/tasks/${fx.task.id}`, { version: 1, content: 'x' }],
    ['POST', `/api/v1/ledger/tasks/${fx.task.id}/reports`, { percent: 1, body: 'x' }],
    ['POST', `/api/v1/ledger/reports/${fx.report.id}/review`, { decision: 'accept' }],
    ['POST', '/api/v1/ledger/notices', { task_id: fx.task.id, deadline: day(3), body: 'x' }],
    ['POST', '/api/v1/ledger/sweep', {}],
    ['POST', '/api/v1/ledger/categories', { code: 'y', name_zh: 'y', name_en: 'y' }],
  ]) {
    const r = await s.c.leader.request(m, p, { json: body });
    assertError(r, 403);
  }
  const r = await s.c.leader.request('POST', `/api/v1/ledger/reports/${fx.report.id}/attachments?filename=a.txt`, { body: 'x', headers: { 'content-type': 'text/plain' } });
  assertError(r, 403);
});

test('two clerks edit the same task at once: the second gets 409, nothing is lost', async () => {
  const v = assertStatus(await s.c.clerkA.get(`/api/v1/ledger/tasks/${fx.task.id}`), 200).version;
  const [r1, r2] = await Promise.all([
    s.c.clerkA.patch(`/api/v1/ledger/tasks/${fx.task.id}`, { version: v, content: '甲的修改' }),
    clerkA2.patch(`/api/v1/ledger/tasks/${fx.task.id}`, { version: v, responsible_person: '乙的修改' }),
  ]);
  const statuses = [r1.status, r2.status].sort();
  assert.deepEqual(statuses, [200, 409], `${r1.text} ${r2.text}`);
  const loser = r1.status === 409 ? r1 : r2;
  assertError(loser, 409, 'conflict', 'version');
  const now = assertStatus(await s.c.bureau.get(`/api/v1/ledger/tasks/${fx.task.id}`), 200);
  assert.equal(now.version, v + 1);
  // the loser re-reads and applies again: both changes are kept
  const again = r1.status === 409
    ? await s.c.clerkA.patch(`/api/v1/ledger/tasks/${fx.task.id}`, { version: now.version, content: '甲的修改' })
    : await clerkA2.patch(`/api/v1/ledger/tasks/${fx.task.id}`, { version: now.version, responsible_person: '乙的修改' });
  const final = assertStatus(again, 200);
  assert.equal(final.version, v + 2);
  assert.equal(final.content, '甲的修改');
  assert.equal(final.responsible_person, '乙的修改');
  assertError(await s.c.bureau.patch(`/api/v1/ledger/tasks/${fx.task.id}`, { content: 'x' }), 400, 'invalid_argument', 'version');
  assertError(await s.c.bureau.patch(`/api/v1/ledger/tasks/${fx.task.id}`, { version: v, priority: 'urgent' }), 409, 'conflict');
  const b = assertStatus(await s.c.bureau.patch(`/api/v1/ledger/tasks/${fx.task.id}`, { version: v + 2, priority: 'urgent' }), 200);
  assert.equal(b.priority, 'urgent');
  fx.task = b;
});

test('the bureau accepts a report: the milestone turns done with the report as evidence; a return needs a reason', async () => {
  const pending = assertStatus(await s.c.bureau.get('/api/v1/ledger/reports?status=pending'), 200);
  assert.deepEqual(pending.reports.map((r) => r.id), [fx.report.id]);
  const acc = assertStatus(await s.c.bureau.post(`/api/v1/ledger/reports/${fx.report.id}/review`, { decision: 'accept' }), 200);
  assert.equal(acc.status, 'accepted');
  assertError(await s.c.bureau.post(`/api/v1/ledger/reports/${fx.report.id}/review`, { decision: 'return', reason: 'x' }), 409, 'conflict');
  const t = assertStatus(await s.c.clerkA.get(`/api/v1/ledger/tasks/${fx.task.id}`), 200);
  assert.equal(t.milestones[0].state, 'done');
  assert.equal(t.milestones[0].done_on, day(0));
  assert.equal(t.milestones[0].evidence_report_id, fx.report.id);
  assert.deepEqual(t.progress, { done: 1, total: 2, percent: 50 });
  const r2 = assertStatus(await s.c.clerkA.post(`/api/v1/ledger/tasks/${fx.task.id}/reports`, { percent: 20, body: '整改进行中' }), 201);
  assert.equal(r2.milestone_seq, 2);
  assertError(await s.c.bureau.post(`/api/v1/ledger/reports/${r2.id}/review`, { decision: 'return' }), 400, 'invalid_argument', 'reason');
  assertError(await s.c.bureau.post(`/api/v1/ledger/reports/${r2.id}/review`, { decision: 'maybe' }), 400, 'invalid_argument', 'decision');
  const ret = assertStatus(await s.c.bureau.post(`/api/v1/ledger/reports/${r2.id}/review`, { decision: 'return', reason: '缺少现场照片' }), 200);
  assert.equal(ret.status, 'returned');
  assert.equal(ret.review_reason, '缺少现场照片');
  const t2 = assertStatus(await s.c.clerkA.get(`/api/v1/ledger/tasks/${fx.task.id}`), 200);
  assert.equal(t2.milestones[1].state, 'pending');
});

test('the bureau appends a milestone naming the version; stale 409, clerks 403, out of span 400', async () => {
  const t = assertStatus(await s.c.bureau.get(`/api/v1/ledger/tasks/${fx.task.id}`), 200);
  const path = `/api/v1/ledger/tasks/${fx.task.id}/milestones`;
  assertError(await s.c.clerkA.post(path, { version: t.version, due: day(40), deliverable: '复查' }), 403, 'forbidden');
  assertError(await s.c.bureau.post(path, { version: t.version - 1, due: day(40), deliverable: '复查' }), 409, 'conflict', 'version');
  assertError(await s.c.bureau.post(path, { version: t.version, due: day(90), deliverable: '复查' }), 400, 'invalid_argument', 'milestones[2].due');
  assertError(await s.c.bureau.post(path, { version: t.version, due: day(20), deliverable: '复查' }), 400, 'invalid_argument', 'milestones[2].due');
  const r = assertStatus(await s.c.bureau.post(path, { version: t.version, due: day(40), deliverable: '复查验收', responsible_unit_id: s.units.townA }), 201);
  assert.equal(r.version, t.version + 1);
  assert.deepEqual(r.milestones.map((m) => [m.seq, m.deliverable]), [[1, '排查清单'], [2, '整改完成'], [3, '复查验收']]);
  assert.deepEqual(r.progress, { done: 1, total: 3, percent: 33 });
  fx.task = r;
});

test('supervision: the bureau issues a notice; only the unit answers; answered once', async () => {
  const n = assertStatus(await s.c.bureau.post('/api/v1/ledger/notices', { task_id: fx.task.id, level: 1, deadline: day(2), body: '请加快整改进度' }), 201);
  assert.equal(n.unit_id, s.units.townA);
  assert.equal(n.status, 'open');
  assertError(await s.c.bureau.post('/api/v1/ledger/notices', { task_id: fx.task.id, level: 1, deadline: day(-1), body: 'x' }), 400, 'invalid_argument', 'deadline');
  assertError(await s.c.bureau.post('/api/v1/ledger/notices', { level: 1, deadline: day(1), body: 'x' }), 400, 'invalid_argument');
  assertError(await s.c.clerkB.post(`/api/v1/ledger/notices/${n.id}/answer`, { answer: 'x' }), 403, 'forbidden');
  const inbox = assertStatus(await s.c.clerkA.get(`/api/v1/ledger/notices?unit_id=${s.units.townA}&status=open`), 200);
  assert.deepEqual(inbox.notices.map((x) => x.id), [n.id]);
  const a = assertStatus(await s.c.clerkA.post(`/api/v1/ledger/notices/${n.id}/answer`, { answer: '已增派人员' }), 200);
  assert.equal(a.status, 'answered');
  assertError(await s.c.clerkA.post(`/api/v1/ledger/notices/${n.id}/answer`, { answer: 'again' }), 409, 'conflict');
  const unitNotice = assertStatus(await s.c.bureau.post('/api/v1/ledger/notices', { unit_id: s.units.townB, level: 2, deadline: day(0), body: '秸秆禁烧' }), 201);
  assert.equal(unitNotice.task_id, null);
});

test('an overdue task: warnings, the sweep records yellow cards and a red one, statistics count it late', async () => {
  const body = taskBody('OUT-001', s.units.townB, {
    category: 'river_outfalls', start: day(-60), due: day(20),
    milestones: [{ due: day(-40), deliverable: '排口排查' }, { due: day(-20), deliverable: '排口整治' }, { due: day(10), deliverable: '验收' }],
  });
  const t = assertStatus(await s.c.bureau.post('/api/v1/ledger/tasks', body), 201);
  assert.equal(t.warning, 'overdue_unreported');
  assert.deepEqual(t.milestones.map((m) => m.state), ['late', 'late', 'pending']);
  const late = assertStatus(await s.c.leader.get('/api/v1/ledger/tasks?warning=overdue_unreported'), 200);
  assert.deepEqual(late.items.map((x) => x.code), ['OUT-001']);
  const sw = assertStatus(await s.c.bureau.post('/api/v1/ledger/sweep', {}), 200);
  assert.equal(sw.cards_recorded, 3);
  assert.equal(assertStatus(await s.c.bureau.post('/api/v1/ledger/sweep', {}), 200).cards_recorded, 0, 'recorded once');
  const d = assertStatus(await s.c.leader.get(`/api/v1/ledger/tasks/${t.id}`), 200);
  assert.deepEqual(d.card_list.map((c) => [c.color, c.issued_on]), [['yellow', day(-39)], ['yellow', day(-19)], ['red', day(-19)]]);
  assert.match(d.card_list[2].reason, /two yellow/);
  assert.deepEqual(d.cards, { yellow: 2, red: 1 });
  const cards = assertStatus(await s.c.leader.get(`/api/v1/ledger/cards?unit_id=${s.units.townB}`), 200);
  assert.equal(cards.cards.length, 3);
  // the unit clerk reports late: overdue (reported) rather than unreported
  assertStatus(await s.c.clerkB.post(`/api/v1/ledger/tasks/${t.id}/reports`, { percent: 40, body: '补报' }), 201);
  const after = assertStatus(await s.c.leader.get(`/api/v1/ledger/tasks/${t.id}`), 200);
  assert.equal(after.warning, 'overdue');
  const stats = assertStatus(await s.c.leader.get(`/api/v1/ledger/statistics?from=${day(-90)}&to=${day(90)}`), 200);
  const b = stats.units.find((u) => u.key === String(s.units.townB));
  assert.equal(b.milestones_due, 3);
  assert.equal(b.late, 2);
  assert.equal(b.red_cards, 1);
  assert.equal(b.yellow_cards, 2);
  const a = stats.units.find((u) => u.key === String(s.units.townA));
  assert.equal(a.on_time, 1);
  assert.equal(a.milestones_due, 3);
  assert.equal(a.completion_rate, 1 / 3);
  assert.ok(stats.categories.some((c) => c.key === 'river_outfalls' && c.late === 2));
  assertError(await s.c.leader.get('/api/v1/ledger/statistics?from=2026-02-01&to=2026-01-01'), 400);
});

test('key projects are listed apart; the list filters and pages', async () => {
  assertStatus(await s.c.bureau.post('/api/v1/ledger/tasks', taskBody('KP-001', s.units.dept, {
    category: 'key_project', title: '抽水蓄能电站', key_project: true, investment_planned: 850000, investment_completed: 120000.5, physical_progress: 14,
  })), 201);
  const kp = assertStatus(await s.c.leader.get('/api/v1/ledger/key-projects'), 200);
  assert.deepEqual(kp.items.map((x) => [x.code, x.investment_planned, x.investment_completed, x.physical_progress]), [['KP-001', 850000, 120000.5, 14]]);
  const all = assertStatus(await s.c.leader.get('/api/v1/ledger/tasks'), 200);
  assert.equal(all.total, 3);
  const page = assertStatus(await s.c.leader.get('/api/v1/ledger/tasks?limit=1&offset=1'), 200);
  assert.equal(page.total, 3);
  assert.equal(page.items.length, 1);
  assert.equal(page.items[0].code, all.items[1].code);
  const byUnit = assertStatus(await s.c.leader.get(`/api/v1/ledger/tasks?unit_id=${s.units.townA}`), 200);
  assert.deepEqual(byUnit.items.map((x) => x.code), ['DC-001']);
  const byCat = assertStatus(await s.c.leader.get('/api/v1/ledger/tasks?category=river_outfalls&status=in_progress'), 200);
  assert.deepEqual(byCat.items.map((x) => x.code), ['OUT-001']);
  const soon = assertStatus(await s.c.leader.get('/api/v1/ledger/tasks?warning=due_soon&due_soon_days=2'), 200);
  assert.deepEqual(soon.items.map((x) => x.code), [], 'DC-001 milestone 1 is done; milestone 2 is 30 days away');
  const q = assertStatus(await s.c.leader.get('/api/v1/ledger/tasks?q=KP-&milestones=1'), 200);
  assert.equal(q.items[0].milestones.length, 2);
  assertError(await s.c.leader.get('/api/v1/ledger/tasks?warning=bad'), 400, 'invalid_argument', 'warning');
  assertError(await s.c.leader.get('/api/v1/ledger/tasks?limit=0'), 400, 'invalid_argument', 'limit');
  assertError(await s.c.leader.get('/api/v1/ledger/tasks?status=bad'), 400, 'invalid_argument', 'status');
});

test('export CSV and XLSX; import is all or nothing and names the bad row', async () => {
  const csv = await s.c.leader.get('/api/v1/ledger/export.csv');
  assert.equal(csv.status, 200);
  assert.match(csv.headers['content-type'], /text\/csv/);
  const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
  assert.match(lines[0], /^编号,任务名称,类别,/);
  assert.match(lines[0], /节点3完成日期$/);
  const xlsx = await s.c.leader.get('/api/v1/ledger/export.xlsx');
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.body.subarray(0, 2).toString(), 'PK');
  // re-import the exported CSV under new codes, with one bad row: nothing is stored
  const renamed = csv.text.replace(/(^|\n)(DC|KP|OUT)-/g, '$1NEW-$2-');
  const bad = renamed.replace('NEW-KP-001', 'NEW-KP-001X').replace(/扬尘管控/, '不存在的类别');
  const before = assertStatus(await s.c.leader.get('/api/v1/ledger/tasks'), 200).total;
  const r = await s.c.bureau.request('POST', '/api/v1/ledger/import', { body: bad, headers: { 'content-type': 'text/csv' } });
  const e = assertError(r, 422, 'bad_data', 'body');
  assert.match(e.message, /row 2/);
  assert.deepEqual(r.data.errors.map((x) => [x.row, x.column]), [[2, '类别']]);
  assert.equal(assertStatus(await s.c.leader.get('/api/v1/ledger/tasks'), 200).total, before, 'nothing imported');
  const ok = assertStatus(await s.c.bureau.request('POST', '/api/v1/ledger/import', { body: renamed, headers: { 'content-type': 'text/csv' } }), 200);
  assert.equal(ok.tasks, 3);
  assert.equal(ok.milestones, 8);
  assert.equal(assertStatus(await s.c.leader.get('/api/v1/ledger/tasks'), 200).total, before + 3);
  const again = await s.c.bureau.request('POST', '/api/v1/ledger/import', { body: renamed, headers: { 'content-type': 'text/csv' } });
  assertError(again, 422, 'bad_data');
  assertError(await s.c.clerkA.request('POST', '/api/v1/ledger/import', { body: renamed }), 403, 'forbidden');
  await assertHealthy(s.server);
});

test('every ledger write is in the audit trail, and the chain verifies', async () => {
  const audit = assertStatus(await s.c.bureau.get('/api/v1/audit?limit=200'), 200);
  const kinds = new Set(audit.entries.map((e) => `${e.action} ${e.entity}`));
  for (const k of ['create ledger_tasks', 'update ledger_tasks', 'create ledger_reports', 'attach ledger_reports',
    'accept ledger_reports', 'return ledger_reports', 'create ledger_notices', 'answer ledger_notices',
    'sweep ledger', 'import ledger_tasks', 'create ledger_categories']) assert.ok(kinds.has(k), k);
  assert.equal(assertStatus(await s.c.admin.get('/api/v1/audit/verify'), 200).ok, true);
});
