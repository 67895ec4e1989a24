// Browser checks of the water and soil pages (issue 8), called by run.cjs for each role and width
// after sign-in:
//
//   const { checkWaterAndSoil } = require('./water.cjs');
//   await checkWaterAndSoil(page, { base, api: (p) => apiGet(page, base, p), label, check, screenshot: (n) => shot(page, `${label}-${n}`) });
//
// Everything shown is compared with the API's own answers under the same session (docs/api.md
// "Water and soil"): the sections table against /water/sections and /water/classes (latest month
// class, annual class, target, attainment), every class tag's background against the official
// class colour, the class-by-month chart (canvas drawn, one series per section, a target mark
// line each), the river status table against /water/rivers (for this year and the selected one),
// the year selector, the drinking-water sources, a section's page (class chart with
// the target line read from the live ECharts option, the items chart and the values table with
// their ND/<x flags), the soil plots table and a plot's samples. Read-only.
//
// Standalone: `node tests/browser/water.cjs` (mock server, or ECOGOV_URL + ECOGOV_ACCOUNTS) runs
// only these checks, for every role at 1280 px and 390 px.
'use strict';

const WATER_CLASSES = ['I', 'II', 'III', 'IV', 'V', '劣V'];
const WATER_COLOURS = { I: '#00B0F0', II: '#0070C0', III: '#00B050', IV: '#FFFF00', V: '#FFC000', 劣V: '#FF0000' };
const SOIL_COLOURS = { 优先保护: '#00B050', 安全利用: '#FFC000', 严格管控: '#FF0000' };
const SOIL_IDS = { priority_protection: '优先保护', safe_use: '安全利用', strict_control: '严格管控' };
const TARGET_LINE = '#B91C1C';
const tid = (id) => `[data-testid="${id}"]`;

function hexToRgb(hex) {
  const n = parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
function parseRgb(css) {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css || '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}
function luminance([r, g, b]) {
  const f = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
function contrast(a, b) {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}
const classIndex = (c) => WATER_CLASSES.indexOf(c) + 1; // 0 when unknown
const soilName = (c) => (c && SOIL_IDS[c]) || c || '';
function latestMonth(s) {
  for (let i = s.months.length - 1; i >= 0; i--) if (WATER_CLASSES.includes(s.months[i].class)) return s.months[i];
  return null;
}
function flagged(r) {
  if (r.below_detection) return r.value === null || r.value === undefined ? 'ND' : `<${r.value}`;
  return r.value === null || r.value === undefined ? '—' : String(r.value);
}

async function canvasColours(page, testid, colours) {
  return page.evaluate(
    ({ sel, colours }) => {
      const all = [...document.querySelectorAll(`${sel} canvas`)];
      if (!all.length) return null;
      const wanted = new Map(colours.map((hex) => [parseInt(hex.slice(1), 16), hex]));
      const found = new Set();
      let painted = 0;
      for (const cv of all) {
        if (!cv.width || !cv.height) continue;
        const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
        for (let i = 0; i < d.length; i += 4) {
          if (d[i + 3] === 0) continue;
          painted++;
          if (d[i + 3] === 255) {
            const hex = wanted.get((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
            if (hex) found.add(hex);
          }
        }
      }
      return { cssWidth: all[0].clientWidth, cssHeight: all[0].clientHeight, painted, found: [...found] };
    },
    { sel: tid(testid), colours },
  );
}

async function chartDrawn(page, testid, label, check, colours = []) {
  const ok = await page
    .waitForFunction((sel) => {
      const c = document.querySelector(`${sel} canvas`);
      return c && c.width > 0 && c.height > 0;
    }, tid(testid), { timeout: 15000 })
    .then(() => true)
    .catch(() => false);
  if (!check(ok, `${label}: chart ${testid} has no canvas`)) return null;
  await page.waitForTimeout(1200); // ECharts animation
  const info = await canvasColours(page, testid, colours);
  check(info && info.cssWidth > 0 && info.cssHeight > 0 && info.painted > 500, `${label}: chart ${testid} canvas not drawn (${info && `${info.cssWidth}x${info.cssHeight}, ${info.painted} px`})`);
  return info;
}

/** The live chart option (EChart.vue registers its instances in window.__ecogovCharts). */
async function chartOption(page, testid) {
  return page.evaluate((id) => {
    const c = window.__ecogovCharts && window.__ecogovCharts[id];
    if (!c) return null;
    const o = c.getOption();
    return {
      series: (o.series || []).map((s) => ({
        name: s.name,
        data: (s.data || []).map((d) => (d && typeof d === 'object' && 'value' in d ? d.value : d)),
        colours: (s.data || []).map((d) => (d && typeof d === 'object' && d.itemStyle ? d.itemStyle.color : null)),
        markLine: s.markLine && s.markLine.data ? s.markLine.data.map((m) => (Array.isArray(m) ? m[0].yAxis : m.yAxis)) : [],
      })),
      yInverse: !!(o.yAxis && o.yAxis[0] && o.yAxis[0].inverse),
    };
  }, testid);
}

/** Every tag under `scope` shows the official colour of its data-class, with readable text. */
async function checkTags(page, scope, testid, colours, label, check, normalise = (c) => c) {
  const tags = await page.$$eval(`${scope} ${tid(testid)}`, (els) =>
    els.map((e) => ({ cls: e.getAttribute('data-class'), bg: getComputedStyle(e).backgroundColor, fg: getComputedStyle(e).color, text: e.textContent.trim(), visible: e.getClientRects().length > 0 })),
  );
  let n = 0;
  for (const t of tags) {
    const cls = normalise(t.cls);
    if (!cls) continue;
    n++;
    const want = colours[cls];
    if (!check(want, `${label}: ${testid} with unknown class "${t.cls}"`)) continue;
    const bg = parseRgb(t.bg);
    check(bg && bg.join() === hexToRgb(want).join(), `${label}: ${testid} ${t.cls} background ${t.bg}, official ${want}`);
    const fg = parseRgb(t.fg);
    const ratio = bg && fg ? contrast(bg, fg) : 0;
    check(ratio >= 4.5, `${label}: ${testid} ${t.cls} text contrast ${ratio.toFixed(2)} < 4.5`);
  }
  return n;
}

async function go(page, key, label, check) {
  const width = page.viewportSize().width;
  if (width < 768) {
    await page.click(tid('menu-toggle'));
    const item = page.locator(tid(`navm-${key}`));
    if (!check(await item.waitFor({ state: 'visible', timeout: 5000 }).then(() => true).catch(() => false), `${label}: no ${key} item in the phone menu`)) {
      await page.keyboard.press('Escape');
      return false;
    }
    await item.click();
    await page.locator(tid('nav-mobile')).waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  } else {
    const item = page.locator(tid(`nav-${key}`));
    if (!check((await item.count()) === 1, `${label}: nav-${key} missing`)) return false;
    // entries of a drop-down group show when the group is hovered
    const inGroup = !(await item.isVisible());
    if (inGroup) await page.hover(`[data-testid^="nav-group-"]:has(${tid(`nav-${key}`)})`);
    await item.click();
    if (inGroup) await page.mouse.move(5, 300);  // leave the drop-down so it closes
  }
  return true;
}

async function noOverflow(page, label, check) {
  const width = page.viewportSize().width;
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  check(sw <= width + 1, `${label}: page wider than the viewport (${sw} px > ${width} px)`);
}

async function pickOption(page, selectTestid, text) {
  await page.click(`${tid(selectTestid)} .el-select__wrapper`).catch(() => page.click(tid(selectTestid)));
  const opt = page.locator('.el-select-dropdown__item:visible', { hasText: new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) });
  await opt.first().click({ timeout: 5000 });
}

async function readSectionRows(page) {
  return page.$$eval(tid('water-section-row'), (trs) =>
    trs.map((tr) => ({
      id: Number(tr.getAttribute('data-id')),
      code: tr.getAttribute('data-code'),
      cls: tr.getAttribute('data-class'),
      annual: tr.getAttribute('data-annual-class'),
      target: tr.getAttribute('data-target'),
      attains: tr.querySelector('[data-testid="water-attains"]')?.textContent?.trim(),
      tags: [...tr.querySelectorAll('[data-testid="water-class-tag"]')].map((t) => t.getAttribute('data-class')),
    })),
  );
}

async function checkSectionsAgainst(page, classes, label, check) {
  const n = classes.sections.length;
  await page.waitForFunction((k) => document.querySelectorAll('[data-testid="water-section-row"]').length === k, n, { timeout: 10000 }).catch(() => {});
  const rows = await readSectionRows(page);
  check(rows.length === n, `${label}: water table shows ${rows.length} sections, /water/classes has ${n}`);
  for (const s of classes.sections) {
    const r = rows.find((x) => x.id === s.section.id);
    if (!check(r, `${label}: no row for section ${s.section.code}`)) continue;
    const latest = latestMonth(s);
    check(r.code === s.section.code, `${label}: row ${s.section.id} code ${r.code} ≠ ${s.section.code}`);
    check(r.target === s.section.target_class, `${label}: ${s.section.code} data-target ${r.target} ≠ ${s.section.target_class}`);
    check(r.cls === (latest ? latest.class : ''), `${label}: ${s.section.code} latest class ${r.cls} ≠ API ${latest && latest.class} (${latest && latest.period})`);
    check(r.annual === ((s.annual && s.annual.class) || ''), `${label}: ${s.section.code} annual class ${r.annual} ≠ API ${s.annual && s.annual.class}`);
    check(r.tags[0] === (latest ? latest.class : '') && r.tags[1] === ((s.annual && s.annual.class) || ''), `${label}: ${s.section.code} tags ${r.tags.join('/')} ≠ latest/annual`);
    const a = s.annual ? s.annual.attains : null;
    check(r.attains === (a === true ? '✓' : a === false ? '✗' : '—'), `${label}: ${s.section.code} attains "${r.attains}", API ${a}`);
  }
  return rows;
}

// The river status table equals /water/rivers row for row (river, class, label, method, sections);
// waits until the table shows exactly those rows (no fixed sleeps).
async function checkRiversAgainst(page, rivers, label, check) {
  const want = JSON.stringify(rivers.rivers.map((r) => [r.river, r.class ?? '', r.label, r.method, String(r.sections)]));
  const attrs = ['data-river', 'data-class', 'data-label', 'data-method', 'data-sections'];
  const shown = ([sel, as]) => JSON.stringify([...document.querySelectorAll(sel)].map((tr) => as.map((a) => tr.getAttribute(a))));
  const arg = ['[data-testid="water-river-row"]', attrs];
  await page.waitForFunction(([w, sel, as]) => JSON.stringify([...document.querySelectorAll(sel)].map((tr) => as.map((a) => tr.getAttribute(a)))) === w, [want, ...arg], { timeout: 10000 }).catch(() => {});
  const got = await page.evaluate(shown, arg);
  check(got === want, `${label}: river status rows ${got} ≠ /water/rivers ${want}`);
  const tags = await page.$$eval(tid('water-river-row'), (trs) => trs.map((tr) => tr.querySelector('[data-testid="water-class-tag"]')?.getAttribute('data-class') ?? null));
  rivers.rivers.forEach((r, i) => check(tags[i] === (r.class ?? ''), `${label}: river ${r.river} class tag ${tags[i]} ≠ API ${r.class}`));
}

async function checkWaterPage(page, ctx) {
  const { api, label, check, screenshot } = ctx;
  const classesResp = page.waitForResponse((r) => /\/api\/v1\/water\/classes(\?|$)/.test(r.url()), { timeout: 20000 }).catch(() => null);
  if (!(await go(page, 'water', label, check))) return null;
  if (!check(await page.locator(tid('water-page')).waitFor({ timeout: 10000 }).then(() => true).catch(() => false), `${label}: water page did not open`)) return null;
  await classesResp;
  const [sections, classes, rivers] = await Promise.all([api('/water/sections'), api('/water/classes'), api('/water/rivers')]);
  const rows = await checkSectionsAgainst(page, classes, label, check);
  check(rivers.year === classes.year, `${label}: /water/rivers year ${rivers.year} ≠ /water/classes ${classes.year}`);
  await checkRiversAgainst(page, rivers, label, check);
  // the page's rows are the API's sections
  const apiCodes = sections.sections.map((s) => s.code).sort();
  check(JSON.stringify(rows.map((r) => r.code).sort()) === JSON.stringify(apiCodes), `${label}: water rows ${rows.map((r) => r.code).join(',')} ≠ /water/sections ${apiCodes.join(',')}`);
  const nTags = await checkTags(page, tid('water-page'), 'water-class-tag', WATER_COLOURS, label, check);
  check(nTags >= rows.length, `${label}: only ${nTags} coloured class tags on the water page`);
  // chart: canvas drawn with the class colours of the points, one series per section, target lines
  const used = [...new Set(classes.sections.flatMap((s) => s.months.map((m) => m.class)).filter((c) => WATER_COLOURS[c]))];
  const info = await chartDrawn(page, 'chart-water-classes', label, check, used.map((c) => WATER_COLOURS[c]));
  if (info && used.length) check(info.found.length > 0, `${label}: water chart shows none of the class colours ${used.join(' ')}`);
  const opt = await chartOption(page, 'chart-water-classes');
  if (check(opt, `${label}: chart-water-classes not registered in window.__ecogovCharts`)) {
    check(opt.yInverse, `${label}: water chart y axis not inverted (better classes should be higher)`);
    check(opt.series.length === classes.sections.length, `${label}: water chart has ${opt.series.length} series, ${classes.sections.length} sections`);
    classes.sections.forEach((s, i) => {
      const se = opt.series[i];
      if (!se) return;
      check(se.markLine.includes(classIndex(s.section.target_class)), `${label}: water chart series ${s.section.code} target line ${se.markLine.join(',')} ≠ ${classIndex(s.section.target_class)} (${s.section.target_class})`);
      for (const m of s.months) {
        const k = Number(m.period.slice(5)) - 1;
        if (m.period.startsWith(String(classes.year)) && classIndex(m.class)) check(se.data[k] === classIndex(m.class), `${label}: water chart ${s.section.code} ${m.period} = ${se.data[k]}, API ${m.class}`);
      }
    });
  }
  // drinking-water sources
  const drinking = classes.sections.filter((s) => s.section.kind === 'drinking_source');
  const dRows = await page.$$eval(tid('water-drinking-row'), (els) => els.map((e) => ({ code: e.getAttribute('data-code'), cls: e.getAttribute('data-class') })));
  check(dRows.length === drinking.length, `${label}: ${dRows.length} drinking-water sources shown, API ${drinking.length}`);
  for (const s of drinking) {
    const d = dRows.find((x) => x.code === s.section.code);
    const latest = latestMonth(s);
    if (check(d, `${label}: drinking-water source ${s.section.code} missing`)) check(d.cls === (latest ? latest.class : ''), `${label}: drinking source ${s.section.code} class ${d.cls} ≠ ${latest && latest.class}`);
  }
  await noOverflow(page, `${label} water`, check);
  await screenshot('water');
  // the year selector reloads the classes of another year
  const other = classes.year - 1;
  try {
    const resp = page.waitForResponse((r) => r.url().includes(`/api/v1/water/classes?year=${other}`), { timeout: 10000 });
    resp.catch(() => {});  // a step failing before the await must not leave an unhandled rejection
    await pickOption(page, 'water-year', String(other));
    await resp;
    await page.waitForTimeout(400);
    const prev = await api(`/water/classes?year=${other}`);
    await checkSectionsAgainst(page, prev, `${label} ${other}`, check);
    await checkRiversAgainst(page, await api(`/water/rivers?year=${other}`), `${label} ${other}`, check);
    await checkTags(page, tid('water-page'), 'water-class-tag', WATER_COLOURS, `${label} ${other}`, check);
    await page.waitForTimeout(900);
    await screenshot(`water-${other}`);
    return { classes: prev, year: other };
  } catch (e) {
    check(false, `${label}: year selector: ${e.message.split('\n')[0]}`);
    return { classes, year: classes.year };
  }
}

async function checkSectionPage(page, ctx, classes) {
  const { api, label, check, screenshot } = ctx;
  // the section worst against its target (else the first) — its page shows its colour and target
  const pick = [...classes.sections].sort((a, b) => classIndex(b.annual && b.annual.class) - classIndex(b.section.target_class) - (classIndex(a.annual && a.annual.class) - classIndex(a.section.target_class)))[0];
  if (!check(pick, `${label}: no sections to open`)) return;
  const sc = pick.section;
  const itemsResp = page.waitForResponse((r) => r.url().includes(`/api/v1/water/sections/${sc.id}/items`), { timeout: 20000 }).catch(() => null);
  await page.click(`${tid('water-section-row')}[data-id="${sc.id}"]`);
  await page.waitForURL(new RegExp(`/water/sections/${sc.id}(\\?|$)`), { timeout: 10000 }).catch(() => {});
  check(new RegExp(`/water/sections/${sc.id}(\\?|$)`).test(page.url()), `${label}: row click did not open /water/sections/${sc.id} (at ${page.url()})`);
  if (!check(await page.locator(tid('section-page')).waitFor({ timeout: 10000 }).then(() => true).catch(() => false), `${label}: section page did not open`)) return;
  const ir = await itemsResp;
  const year = classes.year;
  const items = await api(`/water/sections/${sc.id}/items?from=${year}-01-01&to=${year}-12-31`);
  check(ir && ir.ok(), `${label}: items request failed (${ir && ir.status()})`);
  // the section's class colour and target
  await page.locator(tid('section-info')).waitFor({ timeout: 10000 }).catch(() => {});
  const infoAttrs = await page.$eval(tid('section-info'), (e) => ({ target: e.getAttribute('data-target'), cls: e.getAttribute('data-class') })).catch(() => null);
  check(infoAttrs && infoAttrs.target === sc.target_class, `${label}: section page target ${infoAttrs && infoAttrs.target} ≠ ${sc.target_class}`);
  check(infoAttrs && infoAttrs.cls === ((pick.annual && pick.annual.class) || ''), `${label}: section page annual class ${infoAttrs && infoAttrs.cls} ≠ ${pick.annual && pick.annual.class}`);
  await checkTags(page, tid('section-page'), 'water-class-tag', WATER_COLOURS, `${label} section`, check);
  const months = await page.$$eval(tid('section-month'), (els) => els.map((e) => [e.getAttribute('data-period'), e.getAttribute('data-class')]));
  check(JSON.stringify(months) === JSON.stringify(pick.months.map((m) => [m.period, m.class || ''])), `${label}: section months ${JSON.stringify(months)} ≠ API`);
  // class chart: drawn, target line at the target class, points at the monthly classes
  const used = [...new Set(pick.months.map((m) => m.class).filter((c) => WATER_COLOURS[c]))];
  const info = await chartDrawn(page, 'chart-section-classes', `${label} section`, check, [...used.map((c) => WATER_COLOURS[c]), TARGET_LINE]);
  if (info) {
    check(info.found.includes(TARGET_LINE), `${label}: no target line (${TARGET_LINE}) drawn on the section's class chart`);
    if (used.length) check(used.some((c) => info.found.includes(WATER_COLOURS[c])), `${label}: section chart shows none of its class colours ${used.join(' ')}`);
  }
  const chartTarget = await page.getAttribute(tid('chart-section-classes'), 'data-target').catch(() => null);
  check(chartTarget === sc.target_class, `${label}: chart-section-classes data-target ${chartTarget} ≠ ${sc.target_class}`);
  const opt = await chartOption(page, 'chart-section-classes');
  if (check(opt && opt.series.length === 1, `${label}: section class chart option missing or not one series`)) {
    const s = opt.series[0];
    check(s.markLine.length === 1 && s.markLine[0] === classIndex(sc.target_class), `${label}: section target line at ${s.markLine.join(',')}, target ${sc.target_class} = ${classIndex(sc.target_class)}`);
    check(opt.yInverse, `${label}: section class axis not inverted`);
    for (const m of pick.months) {
      const k = Number(m.period.slice(5)) - 1;
      if (classIndex(m.class)) {
        check(s.data[k] === classIndex(m.class), `${label}: section chart ${m.period} = ${s.data[k]}, API ${m.class}`);
        check(String(s.colours[k]).toUpperCase() === WATER_COLOURS[m.class], `${label}: section chart ${m.period} colour ${s.colours[k]} ≠ ${WATER_COLOURS[m.class]}`);
      }
    }
  }
  // items chart and table for the selected item
  await chartDrawn(page, 'chart-section-items', `${label} section items`, check);
  const item = await page.getAttribute(tid('chart-section-items'), 'data-item').catch(() => '');
  const apiRows = items.rows.filter((r) => r.item === item).sort((a, b) => a.date.localeCompare(b.date));
  check(item && apiRows.length > 0, `${label}: selected item "${item}" has no rows in the API answer (${items.rows.length} rows)`);
  const iopt = await chartOption(page, 'chart-section-items');
  if (check(iopt && iopt.series[0], `${label}: items chart option missing`)) {
    const s = iopt.series[0];
    check(s.data.length === apiRows.length, `${label}: items chart ${s.data.length} points, API ${apiRows.length} for ${item}`);
    check(JSON.stringify(s.data) === JSON.stringify(apiRows.map((r) => r.value)), `${label}: items chart values ≠ API for ${item}`);
    const limit = apiRows.find((r) => typeof r.class_iii_limit === 'number');
    check(limit ? s.markLine[0] === limit.class_iii_limit : s.markLine.length === 0, `${label}: items chart class III line ${s.markLine.join(',')} but the API gives ${limit ? limit.class_iii_limit : 'none'}`);
  }
  const cells = await page.$$eval(`${tid('section-items-table')} .el-table__body-wrapper tr.el-table__row`, (trs) =>
    trs.map((tr) => ({
      date: tr.querySelector('td')?.textContent?.trim(),
      value: tr.querySelector('[data-testid="section-item-value"]')?.textContent?.trim(),
      cls: tr.querySelector('[data-testid="water-class-tag"]')?.getAttribute('data-class'),
    })),
  );
  check(cells.length === apiRows.length, `${label}: items table ${cells.length} rows, API ${apiRows.length}`);
  apiRows.forEach((r, i) => {
    const c = cells[i];
    if (!c) return;
    check(c.date === r.date && c.value === flagged(r) && c.cls === (r.class || ''), `${label}: items row ${i} "${c.date} ${c.value} ${c.cls}" ≠ "${r.date} ${flagged(r)} ${r.class}"`);
  });
  // an item with a detection-limit flag shows ND / <x in the table
  const flaggedItem = items.rows.find((r) => r.below_detection);
  if (flaggedItem && flaggedItem.item !== item) {
    try {
      await pickOption(page, 'section-item', flaggedItem.item_name && flaggedItem.item_name !== flaggedItem.item ? `${flaggedItem.item_name} (${flaggedItem.item})` : flaggedItem.item);
      await page.waitForTimeout(500);
      const want = items.rows.filter((r) => r.item === flaggedItem.item).sort((a, b) => a.date.localeCompare(b.date)).map(flagged);
      const shown = await page.$$eval(`${tid('section-items-table')} [data-testid="section-item-value"]`, (els) => els.map((e) => e.textContent.trim()));
      check(JSON.stringify(shown) === JSON.stringify(want), `${label}: ${flaggedItem.item} values ${shown.join(' ')} ≠ ${want.join(' ')}`);
      check(shown.some((v) => v === 'ND' || v.startsWith('<')), `${label}: no ND/<x flag shown for ${flaggedItem.item}`);
    } catch (e) {
      check(false, `${label}: item selector: ${e.message.split('\n')[0]}`);
    }
  }
  await noOverflow(page, `${label} section`, check);
  await screenshot('water-section');
}

async function checkSoilPage(page, ctx) {
  const { api, label, check, screenshot } = ctx;
  const resp = page.waitForResponse((r) => /\/api\/v1\/soil\/plots(\?|$)/.test(r.url()), { timeout: 20000 }).catch(() => null);
  if (!(await go(page, 'soil', label, check))) return;
  if (!check(await page.locator(tid('soil-page')).waitFor({ timeout: 10000 }).then(() => true).catch(() => false), `${label}: soil page did not open`)) return;
  await resp;
  const { plots } = await api('/soil/plots');
  await page.waitForFunction((k) => document.querySelectorAll('[data-testid="soil-plot-row"]').length === k, plots.length, { timeout: 10000 }).catch(() => {});
  const rows = await page.$$eval(tid('soil-plot-row'), (trs) =>
    trs.map((tr) => ({ id: Number(tr.getAttribute('data-id')), code: tr.getAttribute('data-code'), cls: tr.getAttribute('data-class'), samples: Number(tr.getAttribute('data-samples')) })),
  );
  check(rows.length === plots.length, `${label}: soil table ${rows.length} plots, API ${plots.length}`);
  for (const p of plots) {
    const r = rows.find((x) => x.id === p.id);
    if (!check(r, `${label}: no row for plot ${p.code}`)) continue;
    check(r.code === p.code && r.cls === (p.class || ''), `${label}: plot ${p.code} row "${r.code} ${r.cls}" ≠ "${p.code} ${p.class}"`);
    const total = typeof p.samples === 'number' ? p.samples : Object.values(p.samples || {}).reduce((a, n) => a + Number(n), 0);
    check(r.samples === total, `${label}: plot ${p.code} shows ${r.samples} samples, API ${total}`);
  }
  await checkTags(page, `${tid('soil-plots-table')}`, 'soil-class-tag', SOIL_COLOURS, `${label} soil`, check, soilName);
  await noOverflow(page, `${label} soil`, check);
  await screenshot('soil');
  // the worst plot's samples
  const order = ['优先保护', '安全利用', '严格管控'];
  const worst = [...plots].sort((a, b) => order.indexOf(soilName(b.class)) - order.indexOf(soilName(a.class)))[0];
  if (!worst) return;
  const detail = await api(`/soil/plots/${worst.id}`);
  await page.click(`${tid('soil-plot-row')}[data-id="${worst.id}"]`);
  const box = page.locator(`${tid('soil-plot-detail')}[data-id="${worst.id}"]`);
  if (!check(await box.waitFor({ timeout: 10000 }).then(() => true).catch(() => false), `${label}: plot ${worst.code} detail did not open`)) return;
  await page.waitForTimeout(400);
  const shown = await page.$$eval(tid('soil-sample'), (els) =>
    els.map((e) => ({ sample: e.getAttribute('data-sample'), cls: e.getAttribute('data-class'), metals: [...e.querySelectorAll('[data-testid="soil-metal"]')].map((m) => [m.getAttribute('data-metal'), m.getAttribute('data-class'), [...m.querySelectorAll('td')].map((td) => td.textContent.trim())]) })),
  );
  check(shown.length === detail.samples.length, `${label}: plot ${worst.code} shows ${shown.length} samples, API ${detail.samples.length}`);
  for (const s of detail.samples) {
    const d = shown.find((x) => x.sample === s.sample);
    if (!check(d, `${label}: sample ${s.sample} missing`)) continue;
    check(d.cls === (s.class || ''), `${label}: sample ${s.sample} class ${d.cls} ≠ ${s.class}`);
    for (const [metal, v] of Object.entries(s.metals)) {
      const m = d.metals.find((x) => x[0] === metal);
      if (!check(m, `${label}: sample ${s.sample} lacks ${metal}`)) continue;
      const txt = (x) => (x === null || x === undefined ? '—' : String(x));
      const [, cls, tds] = m;
      check(cls === (v.class || '') && tds[1] === (v.below_detection ? flagged(v) : txt(v.value)) && tds[2] === txt(v.screening) && tds[3] === txt(v.control) && tds[5] === txt(v.exceedance),
        `${label}: ${s.sample} ${metal} shows ${tds.join(' | ')} (${cls}), API ${txt(v.value)} ${txt(v.screening)} ${txt(v.control)} ${v.class} ${txt(v.exceedance)}`);
    }
  }
  await checkTags(page, tid('soil-plot-detail'), 'soil-class-tag', SOIL_COLOURS, `${label} plot`, check, soilName);
  await screenshot('soil-plot');
  await page.keyboard.press('Escape');
  await box.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
}

async function checkWaterAndSoil(page, ctx) {
  const c = {
    ...ctx,
    api: ctx.api || (async (p) => {
      const r = await page.request.get(ctx.base + '/api/v1' + p);
      if (!r.ok()) throw new Error(`GET ${p} → ${r.status()}`);
      return r.json();
    }),
    // full-page images from the top (the sticky header would otherwise sit mid-page), charts settled
    screenshot: async (name) => {
      if (!ctx.screenshot) return;
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(1000);
      await ctx.screenshot(name);
    },
  };
  const res = await checkWaterPage(page, c);
  if (res) await checkSectionPage(page, c, res.classes);
  await checkSoilPage(page, c);
}

module.exports = { checkWaterAndSoil, WATER_COLOURS, SOIL_COLOURS };

// ---------------------------------------------------------------- standalone
if (require.main === module) {
  const path = require('path');
  const fs = require('fs');
  const { spawn } = require('child_process');
  const { createRequire } = require('module');
  const ROOT = path.resolve(__dirname, '..', '..');
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch {
    ({ chromium } = createRequire(path.join(ROOT, 'web', 'package.json'))('playwright-core'));
  }
  const SHOTS = path.resolve(process.env.SCREENSHOT_DIR || path.join(ROOT, 'build', 'screenshots'));
  const failures = [];
  let checks = 0;
  const check = (cond, msg) => {
    checks++;
    if (!cond) {
      failures.push(msg);
      console.log(`  FAIL ${msg}`);
    }
    return !!cond;
  };
  (async () => {
    let base = process.env.ECOGOV_URL;
    let accounts = process.env.ECOGOV_ACCOUNTS ? JSON.parse(process.env.ECOGOV_ACCOUNTS) : null;
    let mock = null;
    if (!base) {
      mock = spawn(process.execPath, [path.join(__dirname, 'mock-server.cjs'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
      const out = await new Promise((resolve, reject) => {
        let s = '';
        mock.stdout.on('data', (d) => {
          s += d;
          if (/accounts: \{.*\}/.test(s)) resolve(s);
        });
        mock.on('exit', (code) => reject(new Error(`mock exited ${code}`)));
      });
      base = /listening on (\S+)/.exec(out)[1];
      accounts = accounts || JSON.parse(/accounts: (\{.*\})/.exec(out)[1]);
    }
    base = base.replace(/\/$/, '');
    fs.mkdirSync(SHOTS, { recursive: true });
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
    try {
      for (const role of Object.keys(accounts)) {
        for (const vp of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
          const label = `${role}-${vp.width}`;
          console.log(`- ${label}`);
          const context = await browser.newContext({ viewport: vp, deviceScaleFactor: 1, locale: 'zh-CN' });
          const page = await context.newPage();
          const errors = [];
          page.on('pageerror', (e) => errors.push(e.message));
          try {
            await page.goto(base + '/login');
            await page.fill(tid('login-username'), accounts[role][0]);
            await page.fill(tid('login-password'), accounts[role][1]);
            await page.click(tid('login-submit'));
            await page.waitForURL(/\/overview/, { timeout: 15000 });
            await checkWaterAndSoil(page, { base, label, check, screenshot: (n) => page.screenshot({ path: path.join(SHOTS, `${label}-${n}.png`), fullPage: true }) });
          } catch (e) {
            check(false, `${label}: ${e.message.split('\n')[0]}`);
          } finally {
            for (const m of errors) check(false, `${label}: JavaScript error: ${m}`);
            await context.close();
          }
        }
      }
    } finally {
      await browser.close();
      if (mock) mock.kill();
    }
    console.log(`${checks} checks, ${failures.length} failed`);
    process.exit(failures.length ? 1 : 0);
  })().catch((e) => {
    console.error(e.stack || e.message);
    process.exit(1);
  });
}
