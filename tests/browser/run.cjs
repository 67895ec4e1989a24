#!/usr/bin/env node
// Browser tests of the ecogov web front end in Debian's Chromium (playwright-core).
//
//   ECOGOV_URL=http://127.0.0.1:8080 \
//   ECOGOV_ACCOUNTS='{"admin":["admin","pw"],"bureau":[..],"unit":[..],"leader":[..]}' \
//   SCREENSHOT_DIR=build/screenshots node tests/browser/run.cjs
//
// Without ECOGOV_URL it starts tests/browser/mock-server.cjs (serving web/dist: run `npm run build`
// in web/ first) and uses the mock's accounts. For each role and at 1280 px and 390 px it signs in,
// visits every page and checks what the user sees against the API's own answers (fetched with the
// same session): station cards (AQI, level, official category colour, readable text), targets and
// the "out of reach" badge, ranking, drawn chart canvases (and the category colours in them),
// evaluation rows, downloads, stations and the role-dependent buttons, the admin-only page, the
// language switch (and that it persists), the collapsing menu, sign-out. Read-only against a real
// server: dialogs are opened and cancelled, nothing is created. Exits 1 on any failure.
//
// The eight runs (4 roles x 2 widths) go BROWSER_CONCURRENCY (default 4) at a time, each in its
// own browser context of one Chromium. Nothing sleeps for a fixed time: every wait is for a concrete
// condition (an element, a response, a row count, a chart canvas that is painted and no longer
// changing), and a condition that is expected to be absent is read at once, never waited for.
// Each run prints how long its phases took.
'use strict';
const path = require('path');
const fs = require('fs');
const os = require('os');
const { spawn } = require('child_process');
const { createRequire } = require('module');
const { checkWaterAndSoil } = require('./water.cjs');
const { checkAudit } = require('./audit.cjs');
const { checkTargets } = require('./targets.cjs');
const { checkImports } = require('./imports.cjs');
const { checkAssessment } = require('./assessment.cjs');
const { checkCasesWorkflow } = require('./cases.cjs');
const { checkHj212 } = require('./hj212.cjs');
const { checkLedger } = require('./ledger.cjs');

const ROOT = path.resolve(__dirname, '..', '..');
let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch {
  ({ chromium } = createRequire(path.join(ROOT, 'web', 'package.json'))('playwright-core'));
}

const SCREENSHOT_DIR = path.resolve(process.env.SCREENSHOT_DIR || path.join(ROOT, 'build', 'screenshots'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];
const ROLE_LABEL_ZH = { admin: '系统管理员', bureau: '生态环境局', unit: '责任单位', leader: '领导' };
const LEVEL_COLOURS = ['#00E400', '#FFFF00', '#FF7E00', '#FF0000', '#99004C', '#7E0023'];
const tid = (id) => `[data-testid="${id}"]`;

const T0 = Date.now();
let ACCOUNTS = null; // the accounts of the run (the ledger check signs in a second role)
const failures = [];
let checks = 0;
function check(cond, msg) {
  checks++;
  if (!cond) {
    failures.push(msg);
    console.log(`  FAIL ${msg}`);
  }
  return !!cond;
}
function log(msg) {
  console.log(msg);
}

function levelOfAqi(aqi) {
  if (aqi === null || aqi === undefined) return 0;
  if (aqi <= 50) return 1;
  if (aqi <= 100) return 2;
  if (aqi <= 150) return 3;
  if (aqi <= 200) return 4;
  if (aqi <= 300) return 5;
  return 6;
}
function hexToRgb(hex) {
  const n = parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
function parseRgb(css) {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css || '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}
function luminance([r, g, b]) {
  const f = (c) => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
function contrast(a, b) {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

async function startMock() {
  const child = spawn(process.execPath, [path.join(__dirname, 'mock-server.cjs'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const info = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('mock server did not start')), 10000);
    child.stdout.on('data', (d) => {
      out += d;
      const url = /listening on (\S+)/.exec(out);
      const acc = /accounts: (\{.*\})/.exec(out);
      if (url && acc) {
        clearTimeout(timer);
        resolve({ url: url[1], accounts: JSON.parse(acc[1]) });
      }
    });
    child.on('exit', (c) => reject(new Error(`mock server exited ${c}`)));
  });
  return { child, ...info };
}

/** Reads a chart's canvas: size, painted pixels, which of the given colours occur. */
async function canvasInfo(page, testid, colours) {
  return page.evaluate(readCanvas, { sel: tid(testid), colours });
}
/**
 * Runs in the page. Without `need` it returns the canvas info; with `need` (the waitForFunction
 * predicate) it says whether the chart is painted, has those colours, and has not changed over the
 * last three reads (`sig` changes whenever any pixel does).
 */
function readCanvas({ sel, colours, need }) {
  if (need) {
    const info = readCanvas({ sel, colours });
    const seen = (window.__ecogovChartSeen ||= {});
    const prev = seen[sel] || { sig: '', same: 0 };
    const same = info && info.sig === prev.sig ? prev.same + 1 : 0;
    seen[sel] = { sig: info && info.sig, same };
    return !!info && info.painted > 500 && need.every((h) => info.found.includes(h)) && same >= 2;
  }
      // ECharts may draw on several layered canvases (e.g. the heat map's progressive layer)
  const all = [...document.querySelectorAll(`${sel} canvas`)];
  if (!all.length) return null;
  const c = all[0];
  const wanted = new Map(colours.map((hex) => [parseInt(hex.slice(1), 16), hex]));
      const found = new Set();
      let painted = 0;
      let sig = 0;
      for (const cv of all) {
        if (!cv.width || !cv.height) continue;
        const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
        for (let i = 0; i < d.length; i += 4) {
          if (d[i + 3] === 0) continue;
          painted++;
          sig = (Math.imul(sig, 31) + ((d[i] << 24) ^ (d[i + 1] << 16) ^ (d[i + 2] << 8) ^ d[i + 3]) + i) | 0;
          if (d[i + 3] === 255) {
            const hex = wanted.get((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
            if (hex) found.add(hex);
          }
        }
      }
      return { canvases: all.length, width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight, painted, found: [...found], sig: `${all.length}:${c.width}x${c.height}:${painted}:${sig}` };
}

/**
 * Waits for a chart to be drawn: its canvas painted (more than 500 pixels, with the colours in
 * `need`) and unchanged over three reads 100 ms apart, i.e. the ECharts animation has ended. This
 * replaces a fixed sleep; it returns after the timeout whatever the state, and the caller's checks
 * then say what is wrong.
 */
async function waitForChart(page, testid, label, need = []) {
  try {
    await page.waitForFunction(
      (sel) => {
        const c = document.querySelector(`${sel} canvas`);
        return c && c.width > 0 && c.height > 0;
      },
      tid(testid),
      { timeout: 10000 },
    );
  } catch {
    check(false, `${label}: chart ${testid} has no canvas`);
    return null;
  }
  await page
    .waitForFunction(readCanvas, { sel: tid(testid), colours: LEVEL_COLOURS, need }, { timeout: 5000, polling: 100 })
    .catch(() => log(`  note ${label}: chart ${testid} not painted and settled after 5 s`));
  const info = await canvasInfo(page, testid, LEVEL_COLOURS);
  check(info && info.cssWidth > 0 && info.cssHeight > 0 && info.painted > 500, `${label}: chart ${testid} canvas drawn (${info && `${info.cssWidth}x${info.cssHeight}, ${info.painted} px painted`})`);
  return info;
}

/** Waits until fn(arg) is truthy in the page; false after `timeout` ms (the caller's check then fails). */
function until(page, fn, arg, timeout = 5000) {
  return page.waitForFunction(fn, arg, { timeout }).then(
    () => true,
    () => false,
  );
}
const ROWS = '.el-table__body-wrapper tr.el-table__row';
/** Waits until the table shows at least n rows (then the caller compares the exact count). */
function untilRows(page, testid, n, timeout = 5000) {
  return until(page, ([sel, n]) => document.querySelectorAll(sel).length >= n, [`${tid(testid)} ${ROWS}`, n], timeout);
}

async function apiGet(page, base, p) {
  const r = await page.request.get(base + '/api/v1' + p);
  if (!r.ok()) throw new Error(`GET ${p} → ${r.status()}`);
  return r.json();
}

async function shot(page, name) {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
}

async function noHorizontalOverflow(page, label, width) {
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  check(sw <= width + 1, `${label}: page wider than the viewport (${sw} px > ${width} px)`);
}

/** Clicks the desktop menu entry `key`, hovering the drop-down group that holds it first. */
async function clickNav(page, key) {
  const item = page.locator(tid(`nav-${key}`));
  const inGroup = !(await item.isVisible());
  if (inGroup) await page.hover(`[data-testid^="nav-group-"]:has(${tid(`nav-${key}`)})`);
  await item.click();
  if (inGroup) await page.mouse.move(5, 300);  // leave the drop-down so it closes
}

async function navigate(page, key, vp, label) {
  if (vp.width < 768) {
    check(!(await page.locator(tid(`nav-${key}`)).isVisible()), `${label}: desktop nav visible at ${vp.width} px`);
    await page.click(tid('menu-toggle'));
    await page.locator(tid(`navm-${key}`)).waitFor({ state: 'visible', timeout: 5000 });
    await page.click(tid(`navm-${key}`));
    // the drawer closes on the route change (its transition takes ~300 ms)
    await page.locator(tid('nav-mobile')).waitFor({ state: 'hidden', timeout: 5000 });
  } else {
    await clickNav(page, key);
  }
  await page.locator(tid(`page-${key}`)).waitFor({ timeout: 10000 });
}

async function login(page, base, user, pass) {
  await page.goto(base + '/login');
  await page.locator(tid('login-username')).waitFor();
  await page.fill(tid('login-username'), user);
  await page.fill(tid('login-password'), pass);
  await page.click(tid('login-submit'));
}

async function testLoginErrors(page, base, label, throttle) {
  const bogus = `nosuchuser${Date.now() % 100000}`;
  await login(page, base, bogus, 'wrong-password');
  const err = page.locator(tid('login-error'));
  await err.waitFor({ timeout: 10000 }).catch(() => {});
  const text = (await err.textContent().catch(() => '')) || '';
  check(text.trim().length > 0, `${label}: wrong password shows no error message`);
  check((await err.getAttribute('data-code').catch(() => '')) === 'unauthorized', `${label}: wrong password error code is not "unauthorized"`);
  check(page.url().includes('/login'), `${label}: wrong password left the login page`);
  if (!throttle) return;
  let code = '';
  for (let i = 0; i < 8 && code !== 'throttled'; i++) {
    const resp = page.waitForResponse((r) => r.url().includes('/api/v1/auth/login') && r.request().method() === 'POST', { timeout: 10000 });
    resp.catch(() => {});  // a step failing before the await must not leave an unhandled rejection
    await page.click(tid('login-submit'));
    const r = await resp.catch(() => null);
    // a 429 must turn into the throttling message; any other answer leaves the code as it was
    if (r && r.status() === 429) await until(page, () => document.querySelector('[data-testid="login-error"]')?.getAttribute('data-code') === 'throttled', null, 3000);
    code = (await err.getAttribute('data-code').catch(() => '')) || '';
  }
  const t = (await err.textContent().catch(() => '')) || '';
  check(code === 'throttled' && /频繁|稍后/.test(t), `${label}: repeated failures do not show the throttling message (code ${code}, "${t.trim()}")`);
  await shot(page, `login-throttled`);
}

async function checkOverview(page, base, role, vp, label) {
  await page.locator(tid('page-overview')).waitFor({ timeout: 10000 });
  const ov = await apiGet(page, base, '/air/overview');
  await until(page, (n) => document.querySelectorAll('[data-testid="station-card"]').length >= n, ov.stations.length, 10000);
  const cards = await page.$$eval(tid('station-card'), (els) =>
    els.map((e) => ({
      code: e.getAttribute('data-code'),
      aqi: e.getAttribute('data-aqi'),
      level: Number(e.getAttribute('data-level')),
      bg: getComputedStyle(e).backgroundColor,
      fg: getComputedStyle(e).color,
      aqiText: e.querySelector('[data-testid="station-aqi"]')?.textContent?.trim(),
      catText: e.querySelector('[data-testid="station-category"]')?.textContent?.trim(),
      primary: e.querySelector('[data-testid="station-primary"]')?.textContent?.trim(),
      w: e.getBoundingClientRect().width,
    })),
  );
  check(cards.length === ov.stations.length && cards.length > 0, `${label}: ${cards.length} station cards, the API has ${ov.stations.length}`);
  for (const s of ov.stations) {
    const c = cards.find((x) => x.code === s.code);
    if (!check(c, `${label}: no card for station ${s.code}`)) continue;
    const expectLevel = s.category ? levelOfAqi(s.aqi) : 0;
    if (s.category) check(s.category.level === levelOfAqi(s.aqi), `${label}: API category level ${s.category.level} does not match AQI ${s.aqi} (station ${s.code})`);
    check(String(s.aqi ?? '') === c.aqi, `${label}: card ${s.code} data-aqi ${c.aqi} ≠ API ${s.aqi}`);
    check(c.level === expectLevel, `${label}: card ${s.code} data-level ${c.level} ≠ ${expectLevel} for AQI ${s.aqi}`);
    if (s.aqi !== null && s.aqi !== undefined) check(c.aqiText === String(s.aqi), `${label}: card ${s.code} shows "${c.aqiText}", API AQI ${s.aqi}`);
    if (s.category) {
      const want = hexToRgb(LEVEL_COLOURS[expectLevel - 1]);
      const bg = parseRgb(c.bg);
      check(bg && bg.join() === want.join(), `${label}: card ${s.code} (AQI ${s.aqi}) background ${c.bg}, official ${LEVEL_COLOURS[expectLevel - 1]}`);
      check(s.category.colour.toUpperCase() === LEVEL_COLOURS[expectLevel - 1], `${label}: API colour ${s.category.colour} for level ${expectLevel}`);
      const fg = parseRgb(c.fg);
      const ratio = bg && fg ? contrast(bg, fg) : 0;
      check(ratio >= 4.5, `${label}: card ${s.code} text contrast ${ratio.toFixed(2)} < 4.5 on ${c.bg}`);
      check(c.catText === s.category.name_zh, `${label}: card ${s.code} category "${c.catText}" ≠ "${s.category.name_zh}"`);
    }
    check((c.primary || '') === (s.primary || '无'), `${label}: card ${s.code} primary "${c.primary}" ≠ "${s.primary || '无'}"`);
  }
  if (vp.width < 768 && cards.length > 1) check(cards[0].w < vp.width / 2 + 10, `${label}: station cards not in a compact grid on the phone`);
  // targets
  const rows = await page.$$eval(tid('target-row'), (els) =>
    els.map((e) => ({ indicator: e.getAttribute('data-indicator'), badge: e.querySelector('[data-testid="target-out-of-reach"]')?.textContent?.trim() || '', toDate: e.querySelector('[data-testid="target-to-date"]')?.textContent?.trim() })),
  );
  // One unit's targets at a time: the panel names the unit it shows (the user's own when it has
  // targets, else the first listed); its rows must be exactly that unit's targets, in order.
  const shownUnit = await page.locator(tid('targets')).getAttribute('data-unit');
  const unitTargets = ov.targets.filter((t) => String(t.target.unit_id) === shownUnit);
  check(ov.targets.length === 0 || unitTargets.length > 0, `${label}: targets panel shows unit ${shownUnit}, which has no targets`);
  const me = await apiGet(page, base, '/auth/me');
  if (ov.targets.some((t) => t.target.unit_id === me.user.unit_id))
    check(shownUnit === String(me.user.unit_id), `${label}: targets panel shows unit ${shownUnit}, not the user's own unit ${me.user.unit_id}`);
  check(rows.length === unitTargets.length, `${label}: ${rows.length} target rows, the API has ${unitTargets.length} for unit ${shownUnit}`);
  unitTargets.forEach((tp, i) => {
    const r = rows[i];
    if (!r) return;
    check(r.indicator === tp.target.indicator, `${label}: target row ${i} is ${r.indicator}, API ${tp.target.indicator}`);
    check(tp.out_of_reach ? r.badge === '已无法完成' : r.badge === '', `${label}: target ${tp.target.indicator} out_of_reach=${tp.out_of_reach} but badge "${r.badge}"`);
    if (tp.to_date !== null) {
      const shown = parseFloat(String(r.toDate ?? '').replace(/[^0-9.\-]/g, ' ').trim().split(/\s+/)[0]);
      check(Number.isFinite(shown) && Math.abs(shown - tp.to_date) <= 0.051, `${label}: target ${tp.target.indicator} shows "${r.toDate}", API ${tp.to_date}`);
    }
  });
  // el-tag zooms in (from scaleX(0), i.e. an empty box) over 0.3 s when it appears
  if (ov.targets.some((t) => t.out_of_reach && String(t.target.unit_id) === shownUnit)) check(await page.locator(tid('target-out-of-reach')).first().waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false), `${label}: out-of-reach badge not visible`);
  // ranking
  const rank = await page.$$eval(`${tid('ranking-table')} .el-table__body tr`, (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
  check(rank.length === ov.ranking.length, `${label}: ranking shows ${rank.length} rows, API ${ov.ranking.length}`);
  ov.ranking.forEach((r, i) => {
    if (!rank[i]) return;
    check(rank[i][0] === String(r.rank) && rank[i][1] === r.name, `${label}: ranking row ${i} "${rank[i].slice(0, 2).join(' ')}" ≠ "${r.rank} ${r.name}"`);
  });
  if (vp.width < 768) await noHorizontalOverflow(page, `${label} overview`, vp.width);
  return ov;
}

async function checkLanguage(page, label) {
  const h1 = page.locator(`${tid('page-overview')} h1`);
  check((await h1.textContent()).trim() === '空气质量总览', `${label}: overview title not Chinese by default`);
  await page.click(tid('lang-switch'));
  await until(page, () => document.querySelector('[data-testid="page-overview"] h1')?.textContent?.trim() === 'Air quality overview', null, 5000);
  check((await h1.textContent()).trim() === 'Air quality overview', `${label}: language switch did not change the title to English`);
  check((await page.textContent(tid('logout'))).trim() === 'Sign out', `${label}: logout button not in English`);
  const cat = await page.$$eval(tid('station-category'), (e) => e.map((x) => x.textContent.trim()));
  check(cat.some((c) => /^[a-z (]/i.test(c)), `${label}: category names not in English (${cat.slice(0, 3).join(', ')})`);
  await page.reload();
  await page.locator(tid('page-overview')).waitFor();
  await until(page, () => document.querySelector('[data-testid="page-overview"] h1')?.textContent?.trim() === 'Air quality overview', null, 3000);
  check((await page.locator(`${tid('page-overview')} h1`).textContent()).trim() === 'Air quality overview', `${label}: English not kept after reload (localStorage)`);
  await shot(page, `${label}-overview-en`);
  await page.click(tid('lang-switch'));
  await until(page, () => document.querySelector('[data-testid="page-overview"] h1')?.textContent?.trim() === '空气质量总览', null, 3000);
  check((await page.locator(`${tid('page-overview')} h1`).textContent()).trim() === '空气质量总览', `${label}: language switch did not change back to Chinese`);
}

async function checkAir(page, base, vp, label) {
  const resp = (test) => page.waitForResponse((r) => test(r.url()), { timeout: 20000 }).catch(() => null);
  const evalResp = resp((u) => u.includes('/api/v1/air/evaluation'));
  const dailyResp = resp((u) => /\/api\/v1\/air\/daily\?/.test(u) && /from=\d{4}-01-01/.test(u));
  // the page's other two data requests: their charts are waited for below, so wait for the data first
  const weekResp = resp((u) => /\/api\/v1\/air\/daily\?/.test(u) && !/from=\d{4}-01-01/.test(u));
  const hourlyResp = resp((u) => u.includes('/api/v1/air/hourly'));
  await navigate(page, 'air', vp, label);
  const [er, dr, wr, hr] = await Promise.all([evalResp, dailyResp, weekResp, hourlyResp]);
  check(er && er.ok(), `${label}: /air/evaluation failed (${er && er.status()})`);
  check(dr && dr.ok(), `${label}: /air/daily (year) failed (${dr && dr.status()})`);
  check(wr && wr.ok(), `${label}: /air/daily (week) failed (${wr && wr.status()})`);
  check(hr && hr.ok(), `${label}: /air/hourly failed (${hr && hr.status()})`);
  const yearRows = dr && dr.ok() ? (await dr.json()).rows : [];
  const evalRows = er && er.ok() ? (await er.json()).rows : [];
  const yearLevels = [...new Set(yearRows.filter((r) => r.category).map((r) => levelOfAqi(r.aqi)))];
  const need = { 'chart-calendar': LEVEL_COLOURS, 'chart-pie': yearLevels.map((l) => LEVEL_COLOURS[l - 1]) };
  for (const [id, name] of [['chart-hourly', 'hourly'], ['chart-daily', 'daily'], ['chart-calendar', 'calendar'], ['chart-pie', 'pie']]) {
    const info = await waitForChart(page, id, `${label} ${name}`, need[id]);
    if (!info) continue;
    if (id === 'chart-calendar') {
      // the visualMap legend and the day cells use the official colours
      check(info.found.length === 6, `${label}: calendar lacks official colours (found ${info.found.join(' ')})`);
    }
    if (id === 'chart-pie' && yearRows.length) {
      for (const l of yearLevels) check(info.found.includes(LEVEL_COLOURS[l - 1]), `${label}: pie has no slice in ${LEVEL_COLOURS[l - 1]} though the year has level-${l} days`);
    }
  }
  check(yearRows.length > 0, `${label}: the year's daily rows are empty`);
  await untilRows(page, 'evaluation-table', Math.max(1, evalRows.length));
  const trs = await page.$$(`${tid('evaluation-table')} ${ROWS}`);
  check(trs.length === evalRows.length && trs.length > 0, `${label}: evaluation table shows ${trs.length} rows, API ${evalRows.length}`);
  for (const ext of ['csv', 'xlsx']) {
    const dl = page.waitForEvent('download', { timeout: 15000 }).catch(() => null);
    await page.click(tid(`download-${ext}`));
    const d = await dl;
    if (!check(d, `${label}: ${ext.toUpperCase()} download did not start`)) continue;
    check(d.suggestedFilename().endsWith(`.${ext}`), `${label}: download name ${d.suggestedFilename()}`);
    const file = await d.path();
    const size = file ? fs.statSync(file).size : 0;
    check(size > 20, `${label}: ${ext} download is empty (${size} B)`);
    if (ext === 'xlsx' && file) {
      const head = fs.readFileSync(file).subarray(0, 2).toString('latin1');
      check(head === 'PK', `${label}: xlsx download is not a zip file`);
    }
  }
  if (vp.width < 768) await noHorizontalOverflow(page, `${label} air`, vp.width);
  await shot(page, `${label}-air`);
}

async function checkStations(page, base, role, vp, label) {
  await navigate(page, 'stations', vp, label);
  const api = await apiGet(page, base, '/stations');
  await untilRows(page, 'stations-table', Math.max(1, api.stations.length), 10000);
  const rows = await page.$$eval(`${tid('stations-table')} .el-table__body-wrapper tr.el-table__row`, (trs) => trs.map((tr) => tr.querySelector('td')?.textContent?.trim()));
  check(rows.length === api.stations.length, `${label}: stations table ${rows.length} rows, API ${api.stations.length}`);
  check(api.stations.every((s) => rows.includes(s.code)), `${label}: station codes missing from the table`);
  const canEdit = role === 'admin' || role === 'bureau';
  const addVisible = await page.locator(tid('station-add')).isVisible();
  const editCount = await page.locator(tid('station-edit')).count();
  check(addVisible === canEdit, `${label}: add-station button ${addVisible ? 'shown' : 'hidden'} for ${role}`);
  check(canEdit ? editCount > 0 : editCount === 0, `${label}: ${editCount} edit buttons for ${role}`);
  if (canEdit && api.stations.length) {
    await page.locator(tid('station-edit')).first().click();
    const codeInput = page.locator(tid('station-form-code'));
    await codeInput.waitFor({ timeout: 5000 });
    check((await codeInput.inputValue()) === api.stations[0].code && (await codeInput.isDisabled()), `${label}: edit dialog does not show the code read-only`);
    await shot(page, `${label}-stations-edit`);
    await page.keyboard.press('Escape');
    check(await codeInput.waitFor({ state: 'hidden', timeout: 5000 }).then(() => true, () => false), `${label}: Escape does not close the station dialog`);
  }
  await shot(page, `${label}-stations`);
}

async function checkOrg(page, base, role, vp, label) {
  if (role !== 'admin') {
    const visible = vp.width < 768 ? false : await page.locator(tid('nav-org')).count();
    check(!visible, `${label}: admin-only nav shown to ${role}`);
    if (vp.width < 768) {
      await page.click(tid('menu-toggle'));
      await page.locator(tid('navm-overview')).waitFor({ state: 'visible' });
      check((await page.locator(tid('navm-org')).count()) === 0, `${label}: admin-only nav in the phone menu for ${role}`);
      await page.keyboard.press('Escape'); // the goto below loads the page afresh anyway
    }
    await page.goto(base + '/org');
    await page.waitForURL(/\/overview/, { timeout: 10000 }).catch(() => {});
    check(page.url().endsWith('/overview'), `${label}: /org not refused for ${role} (at ${page.url()})`);
    return;
  }
  // the page asks for the first unit's people as soon as the units are in (before the tab is shown)
  const peopleResp = page.waitForResponse((r) => r.url().includes('/api/v1/people'), { timeout: 10000 }).catch(() => null);
  await navigate(page, 'org', vp, label);
  const api = await apiGet(page, base, '/users');
  const units = await apiGet(page, base, '/units');
  await untilRows(page, 'units-table', Math.max(1, units.units.length));
  const unitRows = await page.$$(`${tid('units-table')} ${ROWS}`);
  check(unitRows.length === units.units.length, `${label}: units table ${unitRows.length} rows, API ${units.units.length}`);
  await shot(page, `${label}-org-units`);
  // the people of the first unit: wait for the tab, its request and the table (rows, or "no data")
  await page.click('#tab-people');
  await page.locator(tid('people-table')).waitFor({ state: 'visible', timeout: 5000 });
  const pr = await peopleResp;
  check(pr && pr.ok(), `${label}: /people failed (${pr && pr.status()})`);
  const people = pr && pr.ok() ? (await pr.json()).people : null;
  if (people) {
    await untilRows(page, 'people-table', Math.max(1, people.length));
    const n = (await page.$$(`${tid('people-table')} ${ROWS}`)).length;
    check(n === people.length, `${label}: people table ${n} rows, API ${people.length}`);
  }
  if (!(await until(page, (sel) => !document.querySelector(sel), `${tid('people-table')} .el-loading-mask`, 3000))) log(`  note ${label}: people table still loading after 3 s`);
  await shot(page, `${label}-org-people`);
  await page.click('#tab-users');
  await page.locator(tid('users-table')).waitFor({ state: 'visible', timeout: 5000 });
  await untilRows(page, 'users-table', Math.max(1, api.users.length));
  const userRows = await page.$$eval(`${tid('users-table')} ${ROWS}`, (trs) => trs.map((tr) => tr.querySelector('td')?.textContent?.trim()));
  check(userRows.length === api.users.length, `${label}: users table ${userRows.length} rows, API ${api.users.length}`);
  await page.click(tid('user-add'));
  const uname = page.locator(tid('user-form-username'));
  check(await uname.isVisible({ timeout: 5000 }).catch(() => false) || (await uname.waitFor({ timeout: 5000 }).then(() => true).catch(() => false)), `${label}: new-user dialog did not open`);
  await shot(page, `${label}-org-user-dialog`);
  await page.keyboard.press('Escape');
  check(await uname.waitFor({ state: 'hidden', timeout: 5000 }).then(() => true, () => false), `${label}: Escape does not close the new-user dialog`);
  await page.locator(tid('user-reset-password')).first().click();
  const pw = page.locator(tid('password-form-value'));
  check(await pw.waitFor({ timeout: 5000 }).then(() => true).catch(() => false), `${label}: reset-password dialog did not open`);
  await page.keyboard.press('Escape');
  check(await pw.waitFor({ state: 'hidden', timeout: 5000 }).then(() => true, () => false), `${label}: Escape does not close the reset-password dialog`);
  await shot(page, `${label}-org-users`);
}

async function runRole(browser, base, role, [user, pass], vp, first, mock) {
  const label = `${role}-${vp.width}`;
  log(`- ${role} at ${vp.width} px: start`);
  const started = Date.now();
  let last = started;
  const phases = [];
  const phase = (name) => {
    const now = Date.now();
    phases.push(`${name} ${((now - last) / 1000).toFixed(1)}`);
    last = now;
  };
  const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, deviceScaleFactor: 1, acceptDownloads: true, locale: 'zh-CN', isMobile: false });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  try {
    if (first) {
      await testLoginErrors(page, base, label, mock || process.env.ECOGOV_TEST_THROTTLE === '1');
      phase('login-errors');
    }
    await page.goto(base + '/overview');
    await page.waitForURL(/\/login/, { timeout: 10000 }).catch(() => {});
    check(page.url().includes('/login'), `${label}: /overview without a session does not go to the login page`);
    await shot(page, `${label}-login`);
    await login(page, base, user, pass);
    const ok = await page.waitForURL(/\/overview/, { timeout: 15000 }).then(() => true).catch(() => false);
    // the error text is read only when sign-in failed (reading an absent element waits 30 s)
    const why = ok ? '' : await page.locator(tid('login-error')).textContent({ timeout: 1000 }).catch(() => '');
    if (!check(ok, `${label}: sign-in as ${user} failed (${(why || '').trim() || 'no message'})`)) return;
    phase('sign-in');
    const name = (await page.textContent(tid('user-name'))).trim();
    check(name.length > 0, `${label}: no user name in the header`);
    check((await page.getAttribute(tid('user-role'), 'data-role')) === role, `${label}: header role is not ${role}`);
    check((await page.textContent(tid('user-role'))).trim() === ROLE_LABEL_ZH[role], `${label}: role label "${await page.textContent(tid('user-role'))}"`);
    if (vp.width < 768) {
      check(await page.locator(tid('menu-toggle')).isVisible(), `${label}: no menu button on the phone`);
      check(!(await page.locator(tid('nav-overview')).isVisible()), `${label}: desktop nav not collapsed on the phone`);
    } else {
      check(!(await page.locator(tid('menu-toggle')).isVisible()), `${label}: menu button shown on the desktop`);
      check(await page.locator(tid('nav-overview')).isVisible(), `${label}: nav overview missing`);
      // air and stations sit in the 环境质量 drop-down: shown when it is hovered
      await page.hover(tid('nav-group-quality'));
      for (const k of ['air', 'stations']) check(await page.locator(tid(`nav-${k}`)).isVisible(), `${label}: nav ${k} missing from the quality menu`);
      await page.mouse.move(0, 400);
      // org sits in the system drop-down: present for the admin only, shown when the group is hovered
      check((await page.locator(tid('nav-org')).count()) === (role === 'admin' ? 1 : 0), `${label}: nav org ${role === 'admin' ? 'missing for the admin' : 'present for ' + role}`);
      if (role === 'admin') {
        await page.hover(tid('nav-group-system'));
        check(await page.locator(tid('nav-org')).isVisible(), `${label}: hovering the system menu does not show org`);
        await page.mouse.move(0, 400);
      }
    }
    await checkOverview(page, base, role, vp, label);
    await shot(page, `${label}-overview`);
    phase('overview');
    await checkLanguage(page, label);
    phase('language');
    await checkAir(page, base, vp, label);
    phase('air');
    await checkStations(page, base, role, vp, label);
    phase('stations');
    await checkOrg(page, base, role, vp, label);
    phase('org');
    await checkWaterAndSoil(page, { base, label, check, api: (p) => apiGet(page, base, p), screenshot: (n) => shot(page, `${label}-${n}`) });
    phase('water-soil');
    if (!mock) {
      await checkAudit(page, { base, role, label, check, desktop: vp.width >= 768, api: (p) => apiGet(page, base, p), screenshot: (n) => shot(page, `${label}-${n}`) });
      phase('audit');
      await checkTargets(page, { base, role, label, check, edit: role === 'bureau' && vp.width >= 768, api: (p) => apiGet(page, base, p), screenshot: (n) => shot(page, `${label}-${n}`) });
      phase('targets');
      await checkImports(page, { base, role, label, check, desktop: vp.width >= 768, reimport: role === 'bureau' && vp.width >= 768, api: (p) => apiGet(page, base, p), screenshot: (n) => shot(page, `${label}-${n}`) });
      phase('imports');
    }
    await checkAssessment(page, { base, role, label, check, api: (p) => apiGet(page, base, p), screenshot: (n) => shot(page, `${label}-${n}`) });
    phase('assessment');
    if (!mock) {
      await checkHj212(page, { base, label, check, api: (p) => apiGet(page, base, p), screenshot: (n) => shot(page, `${label}-${n}`) });
      phase('hj212');
    }
    await checkLedger(page, {
      base, role, vp, label, check, log, mock, browser, accounts: ACCOUNTS, login: (p, u, pw) => login(p, base, u, pw),
      api: (p) => apiGet(page, base, p), screenshot: (n) => shot(page, `${label}-${n}`), screenshotPath: (n) => path.join(SCREENSHOT_DIR, `${label}-${n}.png`),
    });
    phase('ledger');
    // sign out
    await page.goto(base + '/overview');
    await page.locator(tid('logout')).waitFor();
    await page.click(tid('logout'));
    await page.waitForURL(/\/login/, { timeout: 10000 }).catch(() => {});
    check(page.url().includes('/login'), `${label}: sign-out did not return to the login page (at ${page.url()})`);
    await page.goto(base + '/stations');
    await page.waitForURL(/\/login/, { timeout: 10000 }).catch(() => {});
    check(page.url().includes('/login'), `${label}: session still valid after sign-out (at ${page.url()})`);
    phase('sign-out');
  } catch (e) {
    check(false, `${label}: ${e.message.split('\n')[0]}`);
    await shot(page, `${label}-error`).catch(() => {});
  } finally {
    for (const m of pageErrors) check(false, `${label}: JavaScript error: ${m}`);
    await context.close();
    log(`- ${role} at ${vp.width} px: done in ${((Date.now() - started) / 1000).toFixed(1)} s (${phases.join(', ')})`);
  }
}

async function main() {
  let base = process.env.ECOGOV_URL;
  let accounts = process.env.ECOGOV_ACCOUNTS ? JSON.parse(process.env.ECOGOV_ACCOUNTS) : null;
  let mock = null;
  if (!base) {
    mock = await startMock();
    base = mock.url;
    accounts = accounts || mock.accounts;
    log(`mock server at ${base}`);
  }
  if (!accounts) throw new Error('ECOGOV_ACCOUNTS is not set (JSON {"admin":["user","pass"],...})');
  base = base.replace(/\/$/, '');
  ACCOUNTS = accounts;
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // launch() runs Chromium with a fresh temporary user-data-dir of its own (removed on close);
  // playwright refuses an explicit --user-data-dir here (that is launchPersistentContext's job)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // several pages run at once: keep their timers and animation frames at full speed
      '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows', '--disable-renderer-backgrounding',
    ],
  });
  log(`Chromium ${browser.version()}; ${base}; screenshots in ${SCREENSHOT_DIR}`);
  try {
    const health = await fetch(base + '/healthz').then((r) => r.json()).catch(() => null);
    check(health && health.status === 'ok', `/healthz not ok (${JSON.stringify(health)})`);
    // each run has its own context (cookies, localStorage); BROWSER_CONCURRENCY of them at a time
    const runs = [];
    for (const role of Object.keys(accounts)) for (const vp of WIDTHS) runs.push({ role, vp, first: runs.length === 0 });
    const concurrency = Math.max(1, Number(process.env.BROWSER_CONCURRENCY) || 4);
    let next = 0;
    const worker = async () => {
      while (next < runs.length) {
        const r = runs[next++];
        await runRole(browser, base, r.role, accounts[r.role], r.vp, r.first, !!mock);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, runs.length) }, worker));
    // the problems workflow writes, so it runs once after the read-only runs (real server only)
    if (!mock) await checkCasesWorkflow(browser, { base, accounts, check, log, screenshot: shot });
    check(runs.length === Object.keys(accounts).length * WIDTHS.length && runs.length > 0, `${runs.length} runs`);
  } finally {
    await browser.close();
    if (mock) mock.child.kill();
  }
  log(`${checks} checks, ${failures.length} failed, ${((Date.now() - T0) / 1000).toFixed(1)} s`);
  if (failures.length) {
    console.error('\nFAILURES:\n' + failures.map((f) => ' - ' + f).join('\n'));
    process.exit(1);
  }
  log('all browser checks passed');
}

main().catch((e) => {
  console.error('browser tests could not run: ' + (e.stack || e.message));
  process.exit(1);
});
