// Browser checks of the task ledger (issue 4 acceptance 4), called by run.cjs for each role and
// width after sign-in:
//
//   const { checkLedger } = require('./ledger.cjs');
//   await checkLedger(page, { base, role, vp, label, check, log, api, screenshot, browser, accounts, login });
//
// Every run: the ledger list shows as many tasks as GET /ledger/tasks says (the import button only
// for admin and bureau), the Gantt chart one bar per task, the key projects and per-unit
// statistics as their API answers, and an overdue task of
// the demo (DF-2026-005, 入河排污口排查整治) shows its red and yellow cards in the list and on its
// page, as the API records them. The unit clerk's run at desktop width also writes: the clerk
// (songyang, 嵩阳街道) finds DF-2026-001 in "my tasks", files a report with an attachment through
// the form's file input; then a second browser context signs in as the bureau, finds the report
// in the review queue, opens the task, accepts it, and the milestone turns done (on the page and
// in the API). Needs the real demo server (run.sh); against the mock server it is skipped.
'use strict';

const tid = (id) => `[data-testid="${id}"]`;
const ROWS = '.el-table__body-wrapper tr.el-table__row';
const OVERDUE = 'DF-2026-005';
const MINE = 'DF-2026-001';

async function rowsOf(page, testid, n, timeout = 10000) {
  await page.waitForFunction(({ sel, n }) => document.querySelectorAll(sel).length >= n, { sel: `${tid(testid)} ${ROWS}`, n }, { timeout }).catch(() => {});
  return page.$$(`${tid(testid)} ${ROWS}`);
}

async function checkListAndCards(page, o) {
  const { base, label, check, api } = o;
  const list = await api('/ledger/tasks?limit=20');
  await page.goto(base + '/ledger');
  await page.locator(tid('ledger-page')).waitFor({ timeout: 10000 });
  const rows = await rowsOf(page, 'ledger-table', Math.min(20, list.total));
  check(rows.length === list.items.length && rows.length > 0, `${label}: ledger table ${rows.length} rows, API ${list.items.length}`);
  const importable = (await page.locator(tid('ledger-import')).count()) > 0;
  check(importable === (o.role === 'admin' || o.role === 'bureau'), `${label}: import button ${importable ? 'shown' : 'hidden'} for ${o.role}`);
  const total = (await page.textContent(tid('ledger-total'))) || '';
  check(total.includes(String(list.total)), `${label}: ledger total "${total.trim()}", API ${list.total}`);
  // the Gantt chart has one bar per task, the key projects and statistics tabs their API's rows
  await page.click('#tab-gantt');
  const bars = await page.waitForFunction(() => {
    const ch = window.__ecogovCharts && window.__ecogovCharts['ledger-gantt'];
    const y = ch && ch.getOption().yAxis;
    return y && y[0] && y[0].data && y[0].data.length;
  }, null, { timeout: 10000 }).then((h) => h.jsonValue(), () => 0);
  check(bars === list.total, `${label}: Gantt shows ${bars} tasks, API ${list.total}`);
  const keys = await api('/ledger/key-projects?limit=500');
  await page.click('#tab-key');
  const keyRows = await rowsOf(page, 'key-projects', keys.items.length);
  check(keyRows.length === keys.items.length && keys.items.length > 0, `${label}: key projects ${keyRows.length} rows, API ${keys.items.length}`);
  const stats = await api('/ledger/statistics');
  await page.click('#tab-stats');
  const statRows = await rowsOf(page, 'ledger-stats-units', stats.units.length);
  check(statRows.length === stats.units.length && stats.units.length > 0, `${label}: statistics ${statRows.length} unit rows, API ${stats.units.length}`);
  await o.screenshot('ledger-statistics');
  await page.click('#tab-list');
  // the overdue task's cards, in the list and on its page
  const found = await api(`/ledger/tasks?q=${OVERDUE}`);
  const task = found.items[0];
  if (!check(task && task.cards.red + task.cards.yellow > 0, `${label}: demo task ${OVERDUE} has no cards in the API`)) return;
  await page.fill(tid('filter-q'), OVERDUE);
  await page.locator(tid(`ledger-row-${OVERDUE}`)).waitFor({ timeout: 10000 });
  const red = await page.locator(tid(`card-red-${OVERDUE}`)).textContent().catch(() => '');
  check(red.includes(String(task.cards.red)), `${label}: ${OVERDUE} red card tag "${red}", API ${task.cards.red}`);
  const yellow = await page.locator(tid(`card-yellow-${OVERDUE}`)).textContent().catch(() => '');
  check(yellow.includes(String(task.cards.yellow)), `${label}: ${OVERDUE} yellow card tag "${yellow}", API ${task.cards.yellow}`);
  const warn = await page.locator(tid(`warning-${OVERDUE}`)).textContent().catch(() => '');
  check(/逾期|Overdue/.test(warn), `${label}: ${OVERDUE} warning tag "${warn}"`);
  await page.click(tid(`ledger-row-${OVERDUE}`));
  await page.locator(tid('ledger-task-page')).waitFor({ timeout: 10000 });
  const detail = await api(`/ledger/tasks/${task.id}`);
  const cardRows = await rowsOf(page, 'ledger-task-cards', detail.card_list.length);
  check(cardRows.length === detail.card_list.length, `${label}: task page shows ${cardRows.length} cards, API ${detail.card_list.length}`);
  const editable = (await page.locator(tid('task-edit')).count()) > 0;  // 大冶镇's task: not songyang's
  check(editable === (o.role === 'admin' || o.role === 'bureau'), `${label}: edit button ${editable ? 'shown' : 'hidden'} for ${o.role} on ${OVERDUE}`);
  const late = await page.getAttribute(tid('milestone-1'), 'data-state');
  check(late === 'late', `${label}: ${OVERDUE} milestone 1 is "${late}", expected late`);
  await o.screenshot('ledger-overdue-task');
}

async function clerkReports(page, o) {
  const { base, label, check, api } = o;
  await page.goto(base + '/ledger/mine');
  await page.locator(tid(`mine-${MINE}`)).waitFor({ timeout: 10000 });
  const before = (await api(`/ledger/tasks?q=${MINE}&milestones=1`)).items[0];
  const open = before.milestones.find((m) => m.state !== 'done');
  await page.click(tid(`report-${MINE}`));
  await page.locator(tid('report-body')).waitFor({ timeout: 5000 });
  await page.fill(tid('report-body'), '已整改问题工地 9 处，剩余 3 处本周内完成（浏览器测试）');
  await page.setInputFiles(tid('report-file'), { name: '整改照片说明.txt', mimeType: 'text/plain', buffer: Buffer.from('整改前后照片编号 1-12\n') });
  const uploaded = page.waitForResponse((r) => /\/ledger\/reports\/\d+\/attachments/.test(r.url()), { timeout: 10000 }).catch(() => null);
  await page.click(tid('report-submit'));
  const up = await uploaded;
  check(up && up.status() === 201, `${label}: attachment upload answered ${up && up.status()}`);
  const after = await api(`/ledger/tasks/${before.id}`);
  const rep = after.reports[0];
  if (!check(rep && rep.status === 'pending' && rep.milestone_id === open.id, `${label}: no pending report on ${MINE} milestone ${open.seq}`)) return null;
  check(rep.attachments.length === 1 && rep.attachments[0].filename === '整改照片说明.txt', `${label}: the report's attachment is missing`);
  await o.screenshot('ledger-clerk-reported');
  return { task: before, milestone: open, report: rep };
}

async function bureauAccepts(o, filed) {
  const { base, label, check, browser, accounts, login } = o;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  try {
    await login(page, accounts.bureau[0], accounts.bureau[1]);
    await page.waitForURL(/\/overview/, { timeout: 15000 });
    await page.goto(base + '/ledger/supervision');
    await page.locator(tid(`review-${MINE}`)).waitFor({ timeout: 10000 });
    await page.click(tid(`review-${MINE}`));
    await page.locator(tid('ledger-task-page')).waitFor({ timeout: 10000 });
    const link = page.locator(tid(`attachment-${filed.report.attachments[0].id}`));
    check(await link.waitFor({ state: 'visible', timeout: 10000 }).then(() => true, () => false), `${label}: bureau does not see the attachment link`);
    await page.click(tid(`accept-${filed.report.id}`));
    const seq = filed.milestone.seq;
    const done = await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-state') === 'done', tid(`milestone-${seq}`), { timeout: 10000 }).then(() => true, () => false);
    check(done, `${label}: milestone ${seq} of ${MINE} did not turn done on the page`);
    const r = await page.request.get(`${base}/api/v1/ledger/tasks/${filed.task.id}`);
    const t = await r.json();
    const m = t.milestones.find((x) => x.seq === seq);
    check(m && m.state === 'done' && m.evidence_report_id === filed.report.id, `${label}: API milestone ${seq} is ${m && m.state}`);
    check(t.reports[0].status === 'accepted', `${label}: API report is ${t.reports[0].status}`);
    await page.screenshot({ path: o.screenshotPath('ledger-bureau-accepted'), fullPage: true }).catch(() => {});
  } finally {
    await context.close();
  }
}

async function checkLedger(page, o) {
  if (o.mock) {
    o.log(`  note ${o.label}: ledger checks need the real demo server (skipped against the mock)`);
    return;
  }
  await checkListAndCards(page, o);
  if (o.role === 'unit' && o.vp.width >= 768) {
    const filed = await clerkReports(page, o);
    if (filed) await bureauAccepts(o, filed);
  }
}

module.exports = { checkLedger };
