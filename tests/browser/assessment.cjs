// Browser checks of the assessment page (issue 6 acceptance 4), called by run.cjs for each role
// and width after sign-in:
//
//   const { checkAssessment } = require('./assessment.cjs');
//   await checkAssessment(page, { base, role, label, check, api, screenshot });
//
// The bureau runs the month (the page's default period) and sees the new run; every role sees
// the ranking of the latest run exactly as GET /assessment/runs/{id} gives it (code, rank, total,
// grade, in order), opens a unit's explanation (items as the API's, the rank-trend chart); the
// bureau downloads the bulletin XLSX, which is read back here (tests/lib/zip.cjs)
// and must hold the same ranking as the page. Only the bureau writes (one run per width).
'use strict';
const fs = require('fs');

const tid = (id) => `[data-testid="${id}"]`;

const { firstSheetRows } = require('../lib/zip.cjs');

async function pageRows(page) {
  return page.$$eval(tid('assessment-row'), (els) => els.map((e) => ({
    code: e.getAttribute('data-code'), rank: e.getAttribute('data-rank'), total: e.getAttribute('data-total'), grade: e.getAttribute('data-grade'),
  })));
}

async function checkAssessment(page, { base, role, label, check, api, screenshot }) {
  const schemes = await api('/assessment/schemes').catch(() => null);
  if (!schemes) { console.log(`  ${label}: assessment API absent (mock server): skipped`); return; }
  await page.goto(base + '/assessment');
  await page.locator(tid('page-assessment')).waitFor();
  if (!check(schemes.schemes.length > 0, `${label}: the demo has no assessment scheme`)) return;
  // the page shows the scheme of the latest run (else the first by code)
  const latest = (await api('/assessment/runs')).runs[0];
  const code = latest ? latest.scheme_code : schemes.schemes[0].code;
  const runButton = page.locator(tid('assessment-run'));
  check((await runButton.count()) === (role === 'admin' || role === 'bureau' ? 1 : 0), `${label}: run button shown to ${role}: ${await runButton.count()}`);
  let runId = null;
  if (role === 'bureau') {
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/v1/assessment/runs') && r.request().method() === 'POST');
    posted.catch(() => {});  // a step failing before the await must not leave an unhandled rejection
    await runButton.click();
    const res = await posted;
    check(res.status() === 201, `${label}: running the month answered ${res.status()}`);
    runId = (await res.json()).id;
    await page.waitForFunction((id) => document.querySelector('[data-testid="assessment-shown-run"]')?.getAttribute('data-id') === String(id), runId, { timeout: 10000 })
      .catch(() => check(false, `${label}: the new run ${runId} is not selected`));
  } else {
    const runs = (await api(`/assessment/runs?scheme=${code}`)).runs;
    if (!check(runs.length > 0, `${label}: the demo has no run of ${code}`)) return;
    runId = runs[0].id;
  }
  const run = await api(`/assessment/runs/${runId}`);
  const expected = run.results.units.map((u) => ({ code: u.code, rank: String(u.rank), total: String(u.total), grade: u.grade }));
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="assessment-row"]').length === n, expected.length, { timeout: 10000 })
    .catch(() => {});
  const shown = await pageRows(page);
  check(JSON.stringify(shown) === JSON.stringify(expected), `${label}: ranking shown ${JSON.stringify(shown.slice(0, 3))}… differs from run ${runId}`);
  await screenshot('assessment');

  // a unit's explanation
  const first = run.results.units[0];
  await page.locator(`${tid('assessment-row')}[data-code="${first.code}"]`).click();
  const summary = page.locator(tid('explanation-summary'));
  await summary.waitFor();
  check((await summary.getAttribute('data-code')) === first.code, `${label}: explanation opened for ${await summary.getAttribute('data-code')}`);
  const items = await page.$$eval(tid('explanation-item'), (els) => els.map((e) => [e.getAttribute('data-id'), e.getAttribute('data-points')]));
  check(JSON.stringify(items) === JSON.stringify(first.items.map((i) => [i.id, String(i.points)])), `${label}: explanation items ${JSON.stringify(items)}`);
  const trend = await api(`/assessment/trend?scheme=${code}&unit=${first.code}`);
  if (trend.points.length) {
    await page.waitForFunction(() => !!(window.__ecogovCharts && window.__ecogovCharts['assessment-trend']), null, { timeout: 10000 }).catch(() => {});
    const periods = await page.evaluate(() => window.__ecogovCharts?.['assessment-trend']?.getOption().xAxis[0].data ?? null);
    check(JSON.stringify(periods) === JSON.stringify(trend.points.map((p) => p.period)), `${label}: trend chart periods ${JSON.stringify(periods)}`);
  }
  await screenshot('assessment-explanation');
  await page.keyboard.press('Escape');
  await summary.waitFor({ state: 'hidden' }).catch(() => {});

  // the bulletin: the bureau downloads the XLSX and it holds the page's ranking
  if (role === 'bureau') {
    const dl = page.waitForEvent('download');
    await page.click(tid('bulletin-xlsx'));
    const file = await (await dl).path();
    const rows = firstSheetRows(fs.readFileSync(file));
    check(/名次/.test(rows[0]?.[1] || ''), `${label}: XLSX header ${JSON.stringify(rows[0])}`);
    // numbers are stored as doubles (67.65 reads back as 67.65000000000001): compared at 4 decimals
    const inBook = rows.slice(1).map((r) => ({ code: r[2], rank: r[1], total: String(Number(Number(r[4]).toFixed(4))), grade: r[5] }));
    check(JSON.stringify(inBook) === JSON.stringify(shown), `${label}: XLSX ranking ${JSON.stringify(inBook.slice(0, 3))}… differs from the page`);

    // the scheme editor: an invalid text is reported at its line (checked, not saved)
    await page.click('#tab-scheme');
    // el-input passes data-testid to its <textarea>
    const area = page.locator(`textarea${tid('scheme-body')}`);
    await page.waitForFunction(() => (document.querySelector('textarea[data-testid="scheme-body"]')?.value ?? '').includes('[scheme]'), null, { timeout: 10000 })
      .catch(() => check(false, `${label}: the scheme editor did not load the scheme text`));
    const text = await area.inputValue();
    const lines = text.split('\n');
    const at = lines.findIndex((l) => /^max = /.test(l));
    lines[at] = 'max = 0';
    await area.fill(lines.join('\n'));
    await page.click(tid('scheme-check'));
    const result = page.locator(tid('scheme-check-result'));
    await result.waitFor();
    const message = (await result.textContent()).trim();
    check((await result.getAttribute('data-ok')) === 'false' && message.includes(`.toml:${at + 1}: item `) && message.includes('max must be > 0'),
      `${label}: scheme check said "${message}"`);
    await screenshot('assessment-scheme');
  }
}

module.exports = { checkAssessment };
