// Browser checks of the audit page, called by run.cjs for each role and width after sign-in:
//
//   const { checkAudit } = require('./audit.cjs');
//   await checkAudit(page, { base, role, label, check, api, screenshot });
//
// admin, bureau and leader read the trail (the table against GET /api/v1/audit: newest first,
// same ids, users and entities; an entry's before/after shown on expanding it); only the
// administrator verifies the chain (the page's verdict against GET /api/v1/audit/verify); a unit
// clerk has no audit entry in the menu and is sent back to the overview. Read-only.
'use strict';

const tid = (id) => `[data-testid="${id}"]`;
const READERS = ['admin', 'bureau', 'leader'];

async function checkAudit(page, { base, role, label, check, api, screenshot, desktop }) {
  if (desktop) {
    check(((await page.locator(tid('nav-audit')).count()) === 1) === READERS.includes(role),
      `${label}: audit menu entry ${READERS.includes(role) ? 'missing' : 'shown to ' + role}`);
  }
  await page.goto(base + '/audit');
  if (!READERS.includes(role)) {
    await page.waitForURL(/\/overview/, { timeout: 10000 }).catch(() => {});
    check(page.url().includes('/overview'), `${label}: a ${role} reached /audit (at ${page.url()})`);
    return;
  }
  const table = page.locator(`${tid('audit-table')} .el-table__body-wrapper tbody tr.el-table__row`);
  await table.first().waitFor({ timeout: 10000 });
  const expected = (await api('/audit?limit=100')).entries;
  // each row: the cells' text, then the entity's table name (the title of the localised label)
  const shown = await table.evaluateAll((rows) => rows.map((r) => {
    const tds = Array.from(r.querySelectorAll('td'));
    return [...tds.map((td) => td.textContent.trim()), tds[5]?.querySelector('[title]')?.getAttribute('title') ?? ''];
  }));
  check(shown.length === expected.length, `${label}: audit rows ${shown.length} ≠ API ${expected.length}`);
  // columns: expand, id, time, user, action, entity, entity id. The newest entries may have grown
  // between the two reads (other roles sign in concurrently): compare the entries both hold.
  const byId = new Map(expected.map((e) => [String(e.id), e]));
  let compared = 0;
  for (const cells of shown) {
    const e = byId.get(cells[1]);
    if (!e) continue;
    compared += 1;
    check(cells[3] === e.username && cells[6] === e.entity_id && cells[7] === e.entity,
      `${label}: audit row ${cells[1]} shows ${cells.slice(3).join('|')}, API ${e.username}|${e.entity}|${e.entity_id}`);
  }
  check(compared >= Math.min(10, expected.length), `${label}: only ${compared} audit rows matched the API`);
  const ids = shown.map((c) => Number(c[1]));
  check(ids.every((id, i) => i === 0 || id < ids[i - 1]), `${label}: audit rows not newest first`);
  // expanding an entry with an "after" shows it (found by its id among the rows shown)
  const idx = shown.findIndex((c) => { const e = byId.get(c[1]); return e && e.after !== null && typeof e.after === 'object'; });
  if (idx >= 0) {
    const entry = byId.get(shown[idx][1]);
    await table.nth(idx).locator('.el-table__expand-icon').click();
    const pre = page.locator(`${tid('audit-table')} .el-table__expanded-cell pre`).nth(1);
    await pre.waitFor({ timeout: 5000 });
    const text = await pre.textContent();
    const key = Object.keys(entry.after)[0];
    check(!key || text.includes(key), `${label}: expanded audit entry ${entry.id} lacks "${key}"`);
  }
  const verify = page.locator(tid('audit-verify'));
  check((await verify.count()) === (role === 'admin' ? 1 : 0), `${label}: verify button ${role === 'admin' ? 'missing' : 'shown to ' + role}`);
  if (role === 'admin') {
    await verify.click();
    const verdict = page.locator(tid('audit-verification'));
    await verdict.waitFor({ timeout: 10000 });
    const v = await api('/audit/verify');
    check((await verdict.getAttribute('data-ok')) === (v.ok ? '1' : '0'), `${label}: page verdict differs from the API (${JSON.stringify(v)})`);
    check(v.ok && (await verdict.textContent()).includes('审计链完整'), `${label}: audit chain not shown as intact: ${await verdict.textContent()}`);
  }
  await screenshot('audit');
}

module.exports = { checkAudit };
