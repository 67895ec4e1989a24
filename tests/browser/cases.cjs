// Browser check of the problems workflow (issue 5 acceptance 3 and 5), called once by run.cjs
// after the role runs, against the real demo server (it writes: one new problem):
//
//   const { checkCasesWorkflow } = require('./cases.cjs');
//   await checkCasesWorkflow(browser, { base, accounts, check, log, screenshot: (page, name) => … });
//
// The bureau registers a 违规排放 case in 嵩阳街道, verifies and assigns it; the township clerk
// (songyang) starts, submits and self-accepts with an uploaded evidence file; the bureau returns it
// once with a reason; the clerk resubmits and self-accepts; the bureau accepts, publishes and closes.
// Each user sees only the buttons they may use (a leader none). The timeline shows every step with
// its person, and afterwards the audit trail verifies (GET /api/v1/audit/verify as admin).
'use strict';

const tid = (id) => `[data-testid="${id}"]`;

async function signIn(browser, base, [user, pass]) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + '/login');
  await page.locator(tid('login-username')).waitFor();
  await page.fill(tid('login-username'), user);
  await page.fill(tid('login-password'), pass);
  await page.click(tid('login-submit'));
  await page.waitForURL(/\/overview/, { timeout: 15000 });
  return { context, page, errors, user };
}

/** Opens the problem page and waits until it shows `state`. */
async function openAt(s, base, id, state) {
  await s.page.goto(`${base}/problems/${id}`);
  await s.page.locator(`${tid('case-state')}[data-state="${state}"]`).waitFor({ timeout: 15000 });
}

/** The buttons this user is shown now. */
async function buttons(s) {
  await s.page.locator(tid('case-actions')).waitFor();
  return s.page.$$eval(`${tid('case-actions')} button`, (b) => b.map((x) => x.dataset.testid.replace('case-action-', '')));
}

/** Clicks an action, fills the dialog, submits and waits for the next state. */
async function act(s, event, next, fill = async () => {}) {
  await s.page.click(tid(`case-action-${event}`));
  await s.page.locator(tid('case-form-submit')).waitFor();
  await fill(s.page);
  await s.page.click(tid('case-form-submit'));
  await s.page.locator(`${tid('case-state')}[data-state="${next}"]`).waitFor({ timeout: 15000 });
}

async function checkCasesWorkflow(browser, { base, accounts, check, log, screenshot }) {
  const started = Date.now();
  const bureau = await signIn(browser, base, accounts.bureau);
  const clerk = await signIn(browser, base, accounts.unit);
  const leader = await signIn(browser, base, accounts.leader);
  const sessions = [bureau, clerk, leader];
  try {
    // the bureau registers a 违规排放 case in 嵩阳街道
    const b = bureau.page;
    await b.goto(base + '/problems');
    await b.locator(tid('cases-register')).waitFor();
    check(!(await clerk.page.goto(base + '/problems').then(() => clerk.page.locator(tid('cases-register')).count())),
      'cases: the township clerk is shown the register button');
    await b.click(tid('cases-register'));
    await b.click(tid('register-kind'));
    await b.click(tid('register-kind-illegal_discharge'));
    await b.click(tid('register-township'));
    await b.click(tid('register-township-嵩阳街道'));
    await b.fill(tid('register-address'), '嵩阳街道 浏览器测试化工厂');
    // the responsibility matrix proposes the supervising departments for the sector
    const matrix = await (await b.request.get(`${base}/api/v1/problems/matrix`)).json();
    const industry = matrix.sectors.find((x) => x.sector === 'industry');
    if (industry) {
      await b.click(tid('register-sector'));
      await b.click(`.el-select-dropdown__item:has-text("${industry.sector_zh}")`);
      await b.locator(tid('register-proposal')).waitFor();
    }
    const description = `浏览器测试：雨水口偷排废水 ${Date.now() % 100000}`;
    await b.fill(tid('register-description'), description);
    await b.click(tid('register-submit'));
    await b.waitForURL(/\/problems\/\d+$/, { timeout: 15000 });
    const id = Number(b.url().split('/').pop());
    if (industry) {
      const created = await (await b.request.get(`${base}/api/v1/problems/${id}`)).json();
      check(created.supervising_unit_ids.join() === industry.unit_ids.join(), `cases: supervising ${created.supervising_unit_ids} not the matrix's ${industry.unit_ids}`);
    }
    await b.locator(`${tid('case-state')}[data-state="reported"]`).waitFor();
    check((await buttons(bureau)).join() === 'verify,dismiss', `cases: bureau buttons at reported: ${(await buttons(bureau)).join()}`);
    await act(bureau, 'verify', 'verified');
    await act(bureau, 'assign', 'assigned', async (p) => {
      await p.fill(tid('case-form-goal'), '停止偷排，雨污分流');
      await p.fill(tid('case-form-measures'), '封堵雨水口暗管\n安装视频监控');
      await p.fill(tid('case-form-deadline'), '2030-12-31');
      await p.fill(tid('case-form-person'), '王明');
    });
    // the leader reads but may do nothing; the clerk sees only the unit's steps
    await openAt(leader, base, id, 'assigned');
    check((await buttons(leader)).length === 0 && (await leader.page.locator(tid('case-no-actions')).count()) === 1, 'cases: the leader is shown workflow buttons');
    await openAt(clerk, base, id, 'assigned');
    check((await buttons(clerk)).join() === 'start_rectification', `cases: clerk buttons at assigned: ${(await buttons(clerk)).join()}`);
    await act(clerk, 'start_rectification', 'rectifying');
    await act(clerk, 'submit', 'submitted');
    await act(clerk, 'self_accept', 'self_accepted', async (p) => {
      await p.setInputFiles(tid('case-form-file'), { name: '整改照片说明.txt', mimeType: 'text/plain', buffer: Buffer.from('雨水口暗管已封堵，见现场照片。') });
      await p.locator(`${tid('case-form-evidence')} .el-checkbox`).first().waitFor({ timeout: 10000 });
      await p.fill(tid('case-form-acceptor'), '嵩阳街道 王明');
    });
    check(!(await buttons(clerk)).includes('bureau_accept'), 'cases: the clerk is shown the bureau acceptance');
    // the bureau returns it once
    await openAt(bureau, base, id, 'self_accepted');
    check((await buttons(bureau)).join() === 'bureau_accept,return', `cases: bureau buttons at self_accepted: ${(await buttons(bureau)).join()}`);
    await act(bureau, 'return', 'rectifying', async (p) => p.fill(tid('case-form-reason'), '现场复查仍有渗漏，请继续整改'));
    // the township resubmits
    await openAt(clerk, base, id, 'rectifying');
    await act(clerk, 'submit', 'submitted');
    await act(clerk, 'self_accept', 'self_accepted');
    // the bureau accepts, publishes and closes
    await openAt(bureau, base, id, 'self_accepted');
    await act(bureau, 'bureau_accept', 'bureau_accepted', async (p) => p.fill(tid('case-form-acceptor'), '局验收组 李强'));
    await act(bureau, 'publish_notice', 'public_notice');
    await act(bureau, 'close', 'closed');
    check((await buttons(bureau)).length === 0, 'cases: buttons remain after closing');
    // the timeline shows each step with its person
    const items = await b.$$eval(`${tid('case-timeline')} [data-event]`, (els) => els.map((e) => ({
      event: e.dataset.event,
      person: (e.querySelector('[data-testid="timeline-person"]')?.textContent || '').trim(),
      reason: (e.querySelector('[data-testid="timeline-reason"]')?.textContent || '').trim(),
    })));
    const expected = [
      ['register', 'bureau'], ['verify', 'bureau'], ['assign', 'bureau'], ['start_rectification', 'songyang'], ['submit', 'songyang'],
      ['add_evidence', 'songyang'], ['self_accept', 'songyang'], ['return', 'bureau'], ['submit', 'songyang'], ['self_accept', 'songyang'],
      ['bureau_accept', 'bureau'], ['publish_notice', 'bureau'], ['close', 'bureau'],
    ];
    check(items.map((x) => x.event).join() === expected.map((x) => x[0]).join(), `cases: timeline events ${items.map((x) => x.event).join()}`);
    expected.forEach(([event, user], i) => {
      const item = items[i];
      check(item && item.person.includes(`(${user})`), `cases: timeline step ${i + 1} ${event} does not name ${user}: "${item ? item.person : ''}"`);
    });
    check(items[7] && items[7].reason === '现场复查仍有渗漏，请继续整改', 'cases: the return reason is not in the timeline');
    check(items[10] && items[10].person.includes('局验收组 李强'), 'cases: the acceptor is not in the timeline');
    await b.locator('.el-overlay-dialog').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    await screenshot(b, 'cases-closed-timeline');
    // the list finds it as closed; nothing was deleted
    const api = await b.request.get(`${base}/api/v1/problems/${id}`);
    const page = await api.json();
    check(page.state === 'closed' && page.history.length === expected.length, `cases: API state ${page.state}, ${page.history.length} history rows`);
    // the audit trail verifies
    const admin = await signIn(browser, base, accounts.admin);
    sessions.push(admin);
    const verify = await admin.page.request.get(`${base}/api/v1/audit/verify`);
    const v = await verify.json();
    check(verify.ok() && v.ok === true, `cases: audit trail does not verify: ${JSON.stringify(v)}`);
  } catch (e) {
    check(false, `cases: ${e.message.split('\n')[0]}`);
    await screenshot(bureau.page, 'cases-error').catch(() => {});
  } finally {
    for (const s of sessions) {
      for (const m of s.errors) check(false, `cases (${s.user}): JavaScript error: ${m}`);
      await s.context.close();
    }
    log(`- cases workflow: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

module.exports = { checkCasesWorkflow };
