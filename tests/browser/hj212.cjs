// Browser checks of the online-monitoring page (issue 7 acceptance 4), called by run.cjs for each
// role and width after sign-in:
//
//   const { checkHj212 } = require('./hj212.cjs');
//   await checkHj212(page, { base, api, label, check, screenshot });
//
// Against the demo database (services/hj212_demo.hpp) and the API's own answers under the same
// session: the summary counts, one device row per device with its online flag (the silent sewage
// plant offline), the latest values with the exceeding SO2 of the power plant marked and red,
// the hourly chart with the outlet's limit as a mark line, the alarm lists showing the open
// exceedance alarm with the problem it opened and the open outage alarm, then following the
// alarm's link to the problem page (source and register row 在线监测) and finding it in the
// problems list with source 在线监测. Read-only.
'use strict';

const tid = (id) => `[data-testid="${id}"]`;

async function checkHj212(page, { base, api, label, check, screenshot }) {
  await page.goto(base + '/monitoring');
  if (!check(await page.locator(tid('hj212-page')).waitFor({ timeout: 15000 }).then(() => true, () => false), `${label}: monitoring page did not open`)) return;
  const summary = await api('/hj212/summary');
  const devices = (await api('/hj212/devices')).devices;
  const alarms = (await api('/hj212/alarms?open=1')).alarms;
  check(summary.open_exceedance_alarms >= 1 && summary.open_outage_alarms >= 1, `${label}: demo lacks open exceedance/outage alarms (${JSON.stringify(summary)})`);
  await page.locator(tid('hj212-summary')).waitFor({ timeout: 10000 });
  check((await page.textContent(tid('hj212-open-exceedance'))).trim() === String(summary.open_exceedance_alarms), `${label}: exceedance alarm count differs from the API`);
  check((await page.textContent(tid('hj212-open-outage'))).trim() === String(summary.open_outage_alarms), `${label}: outage alarm count differs from the API`);

  // Devices: one row each, online flag as the API says.
  await page.locator(tid('hj212-device-row')).first().waitFor({ timeout: 10000 });
  const rows = await page.locator(tid('hj212-device-row')).evaluateAll((els) => els.map((e) => [e.dataset.mn, e.dataset.online]));
  check(rows.length === devices.length, `${label}: ${rows.length} device rows, API has ${devices.length}`);
  for (const d of devices) {
    const row = rows.find((r) => r[0] === d.mn);
    check(row && row[1] === String(d.online), `${label}: device ${d.mn} online=${row && row[1]}, API ${d.online}`);
  }
  check(rows.some((r) => r[1] === 'false'), `${label}: no offline device shown`);
  // Raw frames of a device (kept for audit): as many rows as the API gives (at most 20).
  await page.locator(tid('hj212-device-row')).first().click();
  const firstMn = rows[0][0];
  const apiFrames = (await api(`/hj212/frames?mn=${firstMn}&limit=20`)).frames;
  const frameRows = page.locator(tid('hj212-frame-row'));
  const shown = await frameRows.first().waitFor({ timeout: 10000 }).then(() => frameRows.count(), () => 0);
  check(shown === apiFrames.length && shown > 0, `${label}: ${shown} raw frames shown for ${firstMn}, API has ${apiFrames.length}`);
  if (shown) check((await frameRows.first().textContent()).includes(apiFrames[0].raw), `${label}: raw frame text differs from the API`);
  await screenshot('hj212-devices');

  // Latest values: the exceeding pollutant marked and red.
  await page.click('#tab-latest');
  const exceeded = page.locator(`${tid('hj212-value-row')}[data-exceeded="true"]`).first();
  if (check(await exceeded.waitFor({ timeout: 10000 }).then(() => true, () => false), `${label}: no exceeded value shown`)) {
    const colour = await exceeded.locator('td').nth(1).evaluate((e) => getComputedStyle(e).color);
    check(colour === 'rgb(208, 48, 80)', `${label}: exceeded value colour ${colour}`);
    check((await exceeded.getAttribute('data-code')) === 'a21026', `${label}: the exceeding pollutant is not SO2 (a21026)`);
  }
  await screenshot('hj212-latest');

  // Chart: hourly series of the exceeding device with its limit line.
  await page.click('#tab-chart');
  const chartOk = await page.waitForFunction(() => {
    const c = window.__ecogovCharts && window.__ecogovCharts['hj212-chart'];
    const o = c && c.getOption();
    return !!(o && o.series && o.series[0] && o.series[0].data && o.series[0].data.length > 0);
  }, null, { timeout: 15000 }).then(() => true, () => false);
  if (check(chartOk, `${label}: hourly chart has no data`)) {
    const info = await page.evaluate(() => {
      const o = window.__ecogovCharts['hj212-chart'].getOption();
      const ml = o.series[0].markLine;
      return { n: o.series[0].data.length, limit: ml && ml.data && ml.data[0] ? ml.data[0].yAxis : null };
    });
    check(info.n >= 24, `${label}: chart shows ${info.n} hours`);
    check(info.limit === 35, `${label}: chart limit line ${info.limit}, expected the SO2 limit 35`);
  }
  await screenshot('hj212-chart');

  // Alarms: the open exceedance alarm (problem pending link) and the open outage alarm, as the API lists them.
  await page.click('#tab-alarms');
  const exRow = page.locator(`${tid('hj212-alarm-row')}[data-kind="exceedance"][data-open="true"]`).first();
  const outRow = page.locator(`${tid('hj212-alarm-row')}[data-kind="outage"][data-open="true"]`).first();
  const apiEx = alarms.find((a) => a.kind === 'exceedance');
  const apiOut = alarms.find((a) => a.kind === 'outage');
  if (check(await exRow.waitFor({ timeout: 10000 }).then(() => true, () => false), `${label}: no open exceedance alarm in the UI`)) {
    const text = await exRow.textContent();
    check(apiEx && text.includes(apiEx.title), `${label}: exceedance alarm text "${text}" lacks "${apiEx && apiEx.title}"`);
    check(apiEx && apiEx.problem_status === 'linked' && apiEx.problem_id, `${label}: the API's exceedance alarm opened no problem: ${JSON.stringify(apiEx)}`);
    check(apiEx && text.includes(apiEx.problem_kind) && text.includes('已关联') && text.includes(apiEx.problem_code),
      `${label}: exceedance alarm lacks its problem (${apiEx && apiEx.problem_kind}, 已关联 ${apiEx && apiEx.problem_code}): "${text}"`);
  }
  const problemLink = exRow.locator(tid('hj212-alarm-problem'));
  const href = await problemLink.getAttribute('href', { timeout: 5000 }).catch(() => null);
  check(apiEx && href === `/problems/${apiEx.problem_id}`, `${label}: alarm's problem link is ${href}, expected /problems/${apiEx && apiEx.problem_id}`);
  if (check(await outRow.waitFor({ timeout: 10000 }).then(() => true, () => false), `${label}: no open outage alarm in the UI`)) {
    const text = await outRow.textContent();
    check(apiOut && text.includes(apiOut.title), `${label}: outage alarm text "${text}" lacks "${apiOut && apiOut.title}"`);
  }
  check((await page.locator(tid('hj212-exceedance-row')).count()) >= 3, `${label}: fewer than 3 exceedance records shown`);
  await screenshot('hj212-alarms');

  // Follow the alarm's link to its problem (issue 7 acceptance 4): registered by 在线监测 (online
  // monitoring), source 在线监测, and listed among the problems with that source.
  if (!apiEx || !apiEx.problem_id || !href) return;
  await problemLink.click();
  const opened = await page.locator(tid('case-page')).waitFor({ timeout: 15000 }).then(() => true, () => false);
  if (!check(opened && page.url().endsWith(`/problems/${apiEx.problem_id}`), `${label}: the alarm's link did not open problem ${apiEx.problem_id} (${page.url()})`)) return;
  await page.locator(tid('case-code')).waitFor({ timeout: 10000 });
  check((await page.textContent(tid('case-code'))).trim() === apiEx.problem_code, `${label}: problem page shows ${await page.textContent(tid('case-code'))}, expected ${apiEx.problem_code}`);
  const info = await page.textContent(tid('case-info'));
  check(info.includes('在线监测') && info.includes(`hj212-alarm-${apiEx.id}`) && info.includes(apiEx.title), `${label}: problem info lacks source 在线监测 / alarm ${apiEx.id}: "${info}"`);
  const first = page.locator(`${tid('case-timeline')} ${tid('timeline-person')}`).first();
  check(await first.waitFor({ timeout: 10000 }).then(async () => (await first.textContent()).includes('在线监测'), () => false), `${label}: the problem's register row is not by 在线监测`);
  await screenshot('hj212-problem');
  await page.goto(base + '/problems');
  const listed = page.locator(tid(`case-link-${apiEx.problem_code}`)).first();
  if (check(await listed.waitFor({ timeout: 15000 }).then(() => true, () => false), `${label}: problem ${apiEx.problem_code} not in the problems list`)) {
    const rowText = await listed.locator('xpath=ancestor::tr[1]').textContent();
    check(rowText.includes('在线监测'), `${label}: problems list row of ${apiEx.problem_code} lacks source 在线监测: "${rowText}"`);
  }
}

module.exports = { checkHj212 };
