// Browser checks of the targets page, called by run.cjs for each role and width after sign-in:
//
//   const { checkTargets } = require('./targets.cjs');
//   await checkTargets(page, { base, role, label, check, api, screenshot, edit });
//
// Every role reads this year's targets (the table against GET /api/v1/targets and
// /targets/progress: one row per target, its indicator and progress state); only admin and
// bureau see the add/edit/delete controls. With `edit` (one bureau run) the test adds a target
// for a township in 2030 (a year no other check reads), changes its value, and deletes it,
// reading the API after each step.
'use strict';

const tid = (id) => `[data-testid="${id}"]`;

async function checkTargets(page, { base, role, label, check, api, screenshot, edit }) {
  await page.goto(base + '/overview');
  await page.locator(tid('targets-manage')).click();
  await page.waitForURL(/\/targets/, { timeout: 10000 });
  const year = new Date().getFullYear();
  const expected = (await api(`/targets?year=${year}`)).targets;
  const rows = page.locator(`${tid('targets-table')} .el-table__body-wrapper tbody tr.el-table__row`);
  if (expected.length) await rows.first().waitFor({ timeout: 10000 });
  check((await rows.count()) === expected.length, `${label}: targets rows ${await rows.count()} ≠ API ${expected.length}`);
  const shownIndicators = (await rows.locator('[data-indicator]').evaluateAll((els) => els.map((e) => e.dataset.indicator))).sort();
  check(JSON.stringify(shownIndicators) === JSON.stringify(expected.map((t) => t.indicator).sort()), `${label}: target indicators differ from the API`);
  const writer = role === 'admin' || role === 'bureau';
  check((await page.locator(tid('target-add')).count()) === (writer ? 1 : 0), `${label}: add-target button ${writer ? 'missing' : 'shown to ' + role}`);
  check((await page.locator(tid('target-edit')).count()) === (writer ? expected.length : 0), `${label}: edit buttons for ${role}`);
  await screenshot('targets');
  if (!edit) return;

  // add → edit → delete, in 2030
  const yearInput = page.locator(`${tid('targets-year')} input`);
  await yearInput.fill('2030');
  await yearInput.press('Enter');
  await page.waitForFunction(() => true);
  await page.waitForTimeout(300);
  const before = (await api('/targets?year=2030')).targets.length;
  await page.locator(tid('target-add')).click();
  const dialog = page.locator(`${tid('target-dialog')}`);
  await page.locator(`${tid('target-indicator-select')}`).click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: 'PM10' }).first().click();
  await page.locator(`${tid('target-value')} input`).fill('66');
  await page.locator(`input${tid('target-note')}, ${tid('target-note')} input`).first().fill('浏览器测试');
  await page.locator(tid('target-save')).click();
  await dialog.waitFor({ state: 'hidden', timeout: 10000 }).catch(() => {});
  let after = (await api('/targets?year=2030')).targets;
  const added = after.find((t) => t.note === '浏览器测试');
  check(after.length === before + 1 && added && added.indicator === 'pm10_mean' && added.value === 66, `${label}: target not added as entered: ${JSON.stringify(after)}`);
  if (!added) return;
  await rows.first().waitFor({ timeout: 10000 });
  const row = rows.filter({ hasText: '浏览器测试' });
  await row.locator(tid('target-edit')).click();
  await page.locator(`${tid('target-value')} input`).fill('64');
  await page.locator(tid('target-save')).click();
  await page.waitForTimeout(300);
  after = (await api('/targets?year=2030')).targets;
  check(after.find((t) => t.id === added.id)?.value === 64, `${label}: target value not changed to 64`);
  await row.locator(tid('target-remove')).click();
  await page.locator('.el-message-box__btns .el-button--primary').click();
  await page.waitForTimeout(300);
  after = (await api('/targets?year=2030')).targets;
  check(!after.some((t) => t.id === added.id), `${label}: target not deleted`);
}

module.exports = { checkTargets };
