// Browser checks of the data-import page, called by run.cjs for each role and width after sign-in:
//
//   const { checkImports } = require('./imports.cjs');
//   await checkImports(page, { base, role, label, check, api, screenshot, reimport });
//
// Writers (admin, bureau, unit) see the page; a leader has no menu entry and is sent back to the
// overview. A water file with one bad row (line 3: a month 13) is refused as a whole: the page
// names line 3 and its reason, and the section's stored values are unchanged. With `reimport`
// (one bureau run) a stored sample is imported again as it is: the page shows the batch with
// 1 row accepted, 0 changed — the demo data other checks read stay as they are.
'use strict';

const tid = (id) => `[data-testid="${id}"]`;
const WRITERS = ['admin', 'bureau', 'unit'];

async function uploadWater(page, name, text) {
  await page.locator(tid('import-kind-water')).click();
  await page.locator(tid('import-file')).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await page.locator(tid('import-send')).click();
}

async function checkImports(page, { base, role, label, check, api, screenshot, desktop, reimport }) {
  if (desktop) check(((await page.locator(tid('nav-imports')).count()) === 1) === WRITERS.includes(role), `${label}: import menu entry for ${role}`);
  await page.goto(base + '/import');
  if (!WRITERS.includes(role)) {
    await page.waitForURL(/\/overview/, { timeout: 10000 }).catch(() => {});
    check(page.url().includes('/overview'), `${label}: a ${role} reached /import`);
    return;
  }
  await page.locator(tid('import-page')).waitFor();
  // a unit clerk imports for its own sections only; without one the file is refused as a whole
  const me = (await api('/auth/me')).user;
  const sections = (await api('/water/sections')).sections;
  const own = role === 'unit' ? sections.find((x) => x.unit_id === me.unit_id) : sections[0];
  if (!own) {
    await uploadWater(page, 'not-mine.csv', `section,water_body,date,item,value\n${sections[0].code},${sections[0].water_body},2026-01-05,COD,15\n`);
    await page.locator(tid('import-failed')).waitFor({ timeout: 10000 });
    check((await page.textContent(tid('import-failed'))).includes('your unit'), `${label}: a clerk's import for another unit's section is not refused by unit`);
    return;
  }
  const section = own;
  const rowsBefore = (await api(`/water/sections/${section.id}/items`)).rows.length;
  const bad = ['section,water_body,date,item,value', `${section.code},${section.water_body},2026-01-05,COD,15`, `${section.code},${section.water_body},2026-13-05,COD,15`].join('\n') + '\n';
  await uploadWater(page, 'bad.csv', bad);
  const failed = page.locator(tid('import-failed'));
  await failed.waitFor({ timeout: 10000 });
  const errorRows = page.locator(`${tid('import-errors')} .el-table__body-wrapper tbody tr.el-table__row`);
  await errorRows.first().waitFor({ timeout: 5000 });
  const first = await errorRows.first().locator('td').allTextContents();
  check(first[0].trim() === '3', `${label}: the refused import names line ${first[0]} (expected 3)`);
  check(first[3].trim().length > 0, `${label}: the refused import gives no reason for line 3`);
  const rowsAfter = (await api(`/water/sections/${section.id}/items`)).rows.length;
  check(rowsAfter === rowsBefore, `${label}: a refused import changed the stored values (${rowsBefore} → ${rowsAfter})`);
  await screenshot('import-refused');
  if (!reimport) return;
  const stored = (await api(`/water/sections/${section.id}/items`)).rows[0];
  if (!check(!!stored, `${label}: section ${section.code} has no stored values to re-import`)) return;
  const good = ['section,water_body,date,item,value', `${section.code},${section.water_body},${stored.date},${stored.item},${stored.value}`].join('\n') + '\n';
  await uploadWater(page, 'same.csv', good);
  await page.locator(tid('import-done')).waitFor({ timeout: 10000 });
  check((await page.textContent(tid('import-accepted'))).trim() === '1', `${label}: re-import accepted ${await page.textContent(tid('import-accepted'))} rows`);
  await screenshot('import-done');
}

module.exports = { checkImports };
