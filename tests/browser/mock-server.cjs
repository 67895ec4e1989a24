#!/usr/bin/env node
// A tiny stand-in for the ecogov server: serves web/dist (index.html for unknown non-/api paths)
// and canned JSON shaped exactly as docs/api.md, with the cookie session, X-CSRF-Token on writes,
// role checks, the error body and login throttling. Lets the browser tests run without the C++
// server. Usage: node tests/browser/mock-server.cjs [--port 8090] [--dist web/dist]
// Prints "listening on http://127.0.0.1:PORT" when ready. Data are synthetic and deterministic.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const args = process.argv.slice(2);
function arg(name, def) {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
}
const PORT = Number(arg('--port', process.env.PORT || 8090));
const DIST = path.resolve(arg('--dist', process.env.DIST || path.join(__dirname, '..', '..', 'web', 'dist')));

// ---------------------------------------------------------------- accounts
const ACCOUNTS = {
  admin: ['admin', 'Admin#2026'],
  bureau: ['bureau', 'Bureau#2026'],
  unit: ['songyang', 'Unit#2026'],
  leader: ['leader', 'Leader#2026'],
};

const units = [
  { id: 1, code: 'DFSTJ', name: '登封市生态环境局', kind: 'bureau', parent_id: null },
  { id: 2, code: 'SYJD', name: '嵩阳街道', kind: 'township', parent_id: 1 },
  { id: 3, code: 'SLJD', name: '少林街道', kind: 'township', parent_id: 1 },
  { id: 4, code: 'ZYJD', name: '中岳街道', kind: 'township', parent_id: 1 },
  { id: 5, code: 'DYZ', name: '大冶镇', kind: 'township', parent_id: 1 },
  { id: 6, code: 'GCZ', name: '告成镇', kind: 'township', parent_id: 1 },
  { id: 7, code: 'ZJJ', name: '市住建局', kind: 'department', parent_id: 1 },
  { id: 8, code: 'JTJ', name: '市交通运输局', kind: 'department', parent_id: 1 },
];
const people = [
  { id: 1, unit_id: 1, name: '王建国', post: '局长', phone: '0371-62800001' },
  { id: 2, unit_id: 1, name: '李敏', post: '大气科科长', phone: '0371-62800002' },
  { id: 3, unit_id: 2, name: '张伟', post: '办事处主任', phone: '13800000003' },
  { id: 4, unit_id: 2, name: '赵丽', post: '环保专干', phone: '13800000004' },
  { id: 5, unit_id: 5, name: '刘洋', post: '镇长', phone: '13800000005' },
];
let users = [
  { id: 1, username: 'admin', display_name: '系统管理员', role: 'admin', unit_id: 1, unit_name: '登封市生态环境局', disabled: false },
  { id: 2, username: 'bureau', display_name: '李敏', role: 'bureau', unit_id: 1, unit_name: '登封市生态环境局', disabled: false },
  { id: 3, username: 'songyang', display_name: '赵丽', role: 'unit', unit_id: 2, unit_name: '嵩阳街道', disabled: false },
  { id: 4, username: 'leader', display_name: '王市长', role: 'leader', unit_id: 1, unit_name: '登封市生态环境局', disabled: false },
];
const passwords = { admin: 'Admin#2026', bureau: 'Bureau#2026', songyang: 'Unit#2026', leader: 'Leader#2026' };
let stations = [
  { id: 1, code: 'DF001', name: '嵩阳站', kind: 'provincial', unit_id: 2, city: '登封市', longitude: 113.05, latitude: 34.46, control: false },
  { id: 2, code: 'DF002', name: '少林站', kind: 'provincial', unit_id: 3, city: '登封市', longitude: 112.95, latitude: 34.5, control: false },
  { id: 3, code: 'DF003', name: '中岳站', kind: 'county', unit_id: 4, city: '登封市', longitude: 113.1, latitude: 34.45, control: false },
  { id: 4, code: 'DF004', name: '大冶站', kind: 'county', unit_id: 5, city: '登封市', longitude: 113.2, latitude: 34.4, control: false },
  { id: 5, code: 'DF005', name: '告成站', kind: 'county', unit_id: 6, city: '登封市', longitude: 113.15, latitude: 34.38, control: false },
  { id: 6, code: 'DF006', name: '阳城工业区站', kind: 'micro', unit_id: 6, city: '登封市', longitude: 113.18, latitude: 34.36, control: false },
  { id: 7, code: 'DF007', name: '三皇寨对照点', kind: 'county', unit_id: 3, city: '登封市', longitude: 112.93, latitude: 34.53, control: true },
];
const targets = [
  { id: 1, unit_id: 1, year: 2026, indicator: 'pm25_mean', value: 42, note: '省下达' },
  { id: 2, unit_id: 1, year: 2026, indicator: 'good_ratio', value: 72.5, note: '' },
  { id: 3, unit_id: 1, year: 2026, indicator: 'heavy_days', value: 6, note: '' },
  { id: 4, unit_id: 1, year: 2026, indicator: 'pm10_mean', value: 70, note: '' },
];

// ---------------------------------------------------------------- air data (synthetic)
const LATEST_DATE = '2026-03-10';
const CATS = [
  [50, 1, '优', 'good', '#00E400'],
  [100, 2, '良', 'moderate', '#FFFF00'],
  [150, 3, '轻度污染', 'lightly polluted', '#FF7E00'],
  [200, 4, '中度污染', 'moderately polluted', '#FF0000'],
  [300, 5, '重度污染', 'heavily polluted', '#99004C'],
  [Infinity, 6, '严重污染', 'severely polluted', '#7E0023'],
];
function category(aqi) {
  if (aqi === null || aqi === undefined) return null;
  for (const [max, level, zh, en, colour] of CATS) if (aqi <= max) return { level, name_zh: zh, name_en: en, colour };
  return null;
}
const PM25_BP = [[0, 0], [35, 50], [75, 100], [115, 150], [150, 200], [250, 300], [350, 400], [500, 500]];
function iaqi(c, bp) {
  for (let i = 1; i < bp.length; i++) {
    if (c <= bp[i][0]) {
      const [cl, il] = bp[i - 1];
      const [ch, ih] = bp[i];
      return Math.ceil(((ih - il) / (ch - cl)) * (c - cl) + il);
    }
  }
  return 500;
}
function rand(seed) {
  // deterministic hash → [0,1)
  const h = crypto.createHash('md5').update(String(seed)).digest();
  return h.readUInt32LE(0) / 0x100000000;
}
function dayIndex(date) {
  return Math.round(Date.parse(date + 'T00:00:00Z') / 86400000);
}
function dateOf(idx) {
  return new Date(idx * 86400000).toISOString().slice(0, 10);
}
function rulesFor(date, hour) {
  return date > '2026-03-01' || (date === '2026-03-01' && hour >= 1) ? 'hj633-2026' : 'hj633-2012';
}
function dailyValues(stationIdx, date) {
  const d = dayIndex(date);
  const doy = (d - dayIndex(date.slice(0, 4) + '-01-01')) / 365;
  const winter = 0.5 + 0.5 * Math.cos(2 * Math.PI * doy); // 1 in January, 0 in July
  const r = rand(`${stationIdx}:${date}`);
  const episode = rand(`ep:${Math.floor(d / 5)}`) > 0.8 ? 1.9 : 1;
  const pm25 = Math.round((18 + 55 * winter * episode + 30 * r) * (0.9 + 0.04 * stationIdx));
  const pm10 = Math.round(pm25 * 1.6 + 10 * r);
  const o3 = Math.round(60 + 110 * (1 - winter) + 20 * r);
  const no2 = Math.round(18 + 20 * winter + 8 * r);
  const so2 = Math.round(6 + 6 * winter + 3 * r);
  const co = Math.round((0.5 + 0.9 * winter + 0.3 * r) * 10) / 10;
  return { pm25, pm10, o3, no2, so2, co };
}
function dailyRow(stationIdx, date) {
  if (date > LATEST_DATE || date < '2025-01-01') return null;
  const v = dailyValues(stationIdx, date);
  const aqi = Math.max(iaqi(v.pm25, PM25_BP), Math.ceil(v.pm10 / 3));
  return {
    date, rules: rulesFor(date, 24), aqi, primary: aqi > 50 ? 'PM2.5' : '', category: category(aqi),
    so2: v.so2, no2: v.no2, co: v.co, pm10: v.pm10, pm25: v.pm25, o3_8h_max: v.o3, o3_1h_max: v.o3 + 22, valid: true,
  };
}
function* dates(from, to) {
  for (let i = dayIndex(from); i <= dayIndex(to); i++) yield dateOf(i);
}
function stationIndex(code) {
  return stations.findIndex((s) => s.code === code);
}
function daily(q) {
  const from = q.from || dateOf(dayIndex(LATEST_DATE) - 29);
  const to = q.to || LATEST_DATE;
  let idxs;
  if (q.station) {
    const i = stationIndex(q.station);
    if (i < 0) return null;
    idxs = [i];
  } else if (q.city) {
    idxs = stations.map((s, i) => (s.city === q.city && !s.control ? i : -1)).filter((i) => i >= 0);
    if (!idxs.length) return null;
  } else return null;
  const rows = [];
  for (const d of dates(from, to)) {
    const per = idxs.map((i) => dailyRow(i, d)).filter(Boolean);
    if (!per.length) continue;
    if (per.length === 1) {
      rows.push(per[0]);
      continue;
    }
    const mean = (k, digits = 0) => {
      const m = per.reduce((a, r) => a + r[k], 0) / per.length;
      const f = 10 ** digits;
      return Math.round(m * f) / f;
    };
    const pm25 = mean('pm25');
    const pm10 = mean('pm10');
    const aqi = Math.max(iaqi(pm25, PM25_BP), Math.ceil(pm10 / 3));
    rows.push({
      date: d, rules: per[0].rules, aqi, primary: aqi > 50 ? 'PM2.5' : '', category: category(aqi),
      so2: mean('so2'), no2: mean('no2'), co: mean('co', 1), pm10, pm25, o3_8h_max: mean('o3_8h_max'), o3_1h_max: mean('o3_1h_max'), valid: true,
    });
  }
  return rows;
}
function hourly(q) {
  const i = stationIndex(q.station || '');
  if (i < 0) return null;
  const from = q.from || LATEST_DATE;
  const to = q.to || LATEST_DATE;
  const rows = [];
  for (const d of dates(from, to)) {
    if (d > LATEST_DATE) break;
    const v = dailyValues(i, d);
    for (let h = 1; h <= 24; h++) {
      const cyc = 1 + 0.35 * Math.sin(((h - 8) / 24) * 2 * Math.PI);
      const r = rand(`${i}:${d}:${h}`);
      const pm25 = Math.max(1, Math.round(v.pm25 * cyc * (0.85 + 0.3 * r)));
      const pm10 = Math.round(pm25 * 1.6);
      const o3 = Math.max(2, Math.round(v.o3 * (1 + 0.7 * Math.sin(((h - 9) / 24) * 2 * Math.PI))));
      const aqi = Math.max(iaqi(pm25, PM25_BP), Math.ceil(pm10 / 3));
      const label = h === 24 ? `${dateOf(dayIndex(d) + 1)}T00:00+08:00` : `${d}T${String(h).padStart(2, '0')}:00+08:00`;
      rows.push({
        time: label, rules: rulesFor(d, h), aqi, primary: aqi > 50 ? 'PM2.5' : '', category: category(aqi),
        so2: Math.round(v.so2 * cyc), no2: Math.round(v.no2 * cyc), co: Math.round(v.co * cyc * 10) / 10, o3, pm10, pm25,
      });
    }
  }
  return rows;
}
function evaluation(q) {
  const year = Number(q.year || LATEST_DATE.slice(0, 4));
  const period = q.period || 'year';
  let periods;
  if (period === 'year') periods = [[String(year), `${year}-01-01`, `${year}-12-31`]];
  else if (period === 'quarter') periods = [1, 2, 3, 4].map((k) => [`${year}-Q${k}`, `${year}-${String(k * 3 - 2).padStart(2, '0')}-01`, dateOf(dayIndex(`${k === 4 ? year + 1 : year}-${String(k === 4 ? 1 : k * 3 + 1).padStart(2, '0')}-01`) - 1)]);
  else if (period === 'month') periods = Array.from({ length: 12 }, (_, m) => [`${year}-${String(m + 1).padStart(2, '0')}`, `${year}-${String(m + 1).padStart(2, '0')}-01`, dateOf(dayIndex(`${m === 11 ? year + 1 : year}-${String(m === 11 ? 1 : m + 2).padStart(2, '0')}-01`) - 1)]);
  else if (/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/.test(period)) { const [a, b] = period.split('..'); periods = [[period, a, b]]; }
  else return undefined;
  const out = [];
  for (const [name, from, to] of periods) {
    const rows = daily({ ...q, from, to });
    if (rows === null) return null;
    if (!rows.length) continue;
    const mean = (k) => Math.round(rows.reduce((a, r) => a + r[k], 0) / rows.length);
    const pct = (k, p) => { const s = rows.map((r) => r[k]).sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
    const dpl = [0, 0, 0, 0, 0, 0];
    for (const r of rows) dpl[r.category.level - 1]++;
    const good = dpl[0] + dpl[1];
    const heavy = dpl[4] + dpl[5];
    const pm25 = mean('pm25');
    const ci = Math.round((mean('so2') / 60 + mean('no2') / 40 + mean('pm10') / 70 + pm25 / 35 + pct('co', 95) / 4 + pct('o3_8h_max', 90) / 160) * 100) / 100;
    out.push({
      period: name, rules: rows[rows.length - 1].rules,
      so2_mean: mean('so2'), no2_mean: mean('no2'), pm10_mean: mean('pm10'), pm25_mean: pm25,
      so2_p98: pct('so2', 98), no2_p98: pct('no2', 98), pm10_p95: pct('pm10', 95), pm25_p95: pct('pm25', 95), co_p95: pct('co', 95), o3_8h_p90: pct('o3_8h_max', 90),
      valid_days: rows.length, good_days: good, good_ratio: Math.round((good / rows.length) * 1000) / 10, heavy_days: heavy,
      composite_index: ci, valid: rows.length >= 27 || period !== 'month', days_per_level: dpl,
    });
  }
  return out;
}
function overview(q) {
  const date = q.date || LATEST_DATE;
  // fixed AQIs spanning every category, one station not published
  const todays = [38, 76, 128, 176, 245, 332, null];
  const st = stations.map((s, i) => {
    const aqi = i < todays.length ? todays[i] : 60;
    return {
      code: s.code, name: s.name, time: `${date}T23:00+08:00`, aqi, category: category(aqi),
      primary: aqi === null || aqi <= 50 ? '' : i === 2 ? 'PM2.5+PM10' : i === 1 ? 'O3' : 'PM2.5',
    };
  });
  const year = date.slice(0, 4);
  const ranking = stations.filter((s) => !s.control).map((s) => {
    const ev = evaluation({ station: s.code, period: `${year}-01-01..${date}`, year })[0];
    return { code: s.code, name: s.name, pm25_mean: ev.pm25_mean, composite_index: ev.composite_index, good_ratio: ev.good_ratio };
  }).sort((a, b) => a.composite_index - b.composite_index).map((r, i) => ({ ...r, rank: i + 1 }));
  return { date, latest_hour: `${date}T23:00+08:00`, stations: st, ranking, targets: progress(Number(year)) };
}
function progress(year) {
  const elapsed = 69;
  const remaining = 365 - elapsed;
  const mk = (t) => {
    switch (t.indicator) {
      case 'pm25_mean': return { to_date: 58, on_track: false, out_of_reach: false, remaining: { max_mean: 36.4 }, explanation: '年初至今 PM2.5 均值 58 µg/m³；剩余 296 天平均不超过 36.4 µg/m³ 才能完成 42 µg/m³ 的目标。' };
      case 'pm10_mean': return { to_date: 96, on_track: false, out_of_reach: false, remaining: { max_mean: 61.2 }, explanation: '' };
      case 'good_ratio': return { to_date: 47.8, on_track: false, out_of_reach: true, remaining: { good_days_needed: 298 }, explanation: '剩余 296 天全部为优良天也无法达到 72.5 %。' };
      case 'heavy_days': return { to_date: 4, on_track: true, out_of_reach: false, remaining: { heavy_days_left: 2 }, explanation: '' };
      default: return { to_date: null, on_track: true, out_of_reach: false, remaining: {}, explanation: '' };
    }
  };
  return targets.filter((t) => t.year === year).map((t) => ({ target: t, days_elapsed: elapsed, days_remaining: remaining, ...mk(t) }));
}

// ---------------------------------------------------------------- water and soil (issue 8, synthetic)
// Sections on the Ying river (颍河), its tributaries and two drinking-water reservoirs, with monthly
// samples from 2025-01 to 2026-02; classes follow GB 3838 single-factor rules on the items below
// (worst item; annual = class of the annual means; <x counts x/2 in means). Soil plots with
// samples of the eight metals classed against GB 15618-2018 screening and control values.
const WATER_CLASSES = ['I', 'II', 'III', 'IV', 'V', '劣V'];
const WATER_LABELS = ['优', '优', '良好', '轻度污染', '中度污染', '重度污染'];
const sections = [
  { id: 1, code: 'YH-01', name: '颍河少林水库出口', water_body: 'river', river: '颍河', unit_id: 3, target_class: 'II', kind: 'provincial', longitude: 112.98, latitude: 34.47 },
  { id: 2, code: 'YH-02', name: '颍河告成', water_body: 'river', river: '颍河', unit_id: 6, target_class: 'III', kind: 'national', longitude: 113.14, latitude: 34.4 },
  { id: 3, code: 'SYH-01', name: '书院河入颍口', water_body: 'river', river: '书院河', unit_id: 2, target_class: 'IV', kind: 'city', longitude: 113.06, latitude: 34.44 },
  { id: 4, code: 'WDH-01', name: '五渡河大冶', water_body: 'river', river: '五渡河', unit_id: 5, target_class: 'III', kind: 'county', longitude: 113.22, latitude: 34.41 },
  { id: 5, code: 'SLSK-Q', name: '少林水库取水口', water_body: 'lake', river: '少林水库', unit_id: 3, target_class: 'II', kind: 'drinking_source', longitude: 112.96, latitude: 34.48 },
  { id: 6, code: 'ZFSK-Q', name: '纸坊水库取水口', water_body: 'lake', river: '纸坊水库', unit_id: 4, target_class: 'III', kind: 'drinking_source', longitude: 113.12, latitude: 34.5 },
];
// how polluted each section is, relative to the class III limits (deterministic)
const SECTION_LOAD = { 1: 0.3, 2: 0.85, 3: 1.7, 4: 1.05, 5: 0.09, 6: 0.55 };
// [id, name, direction, limits I..V (river), limits I..V (lake) or null]
const WATER_ITEMS = [
  ['pH', 'pH', 'range', null, null],
  ['DO', '溶解氧', 'min', [7.5, 6, 5, 3, 2], null],
  ['CODMn', '高锰酸盐指数', 'max', [2, 4, 6, 10, 15], null],
  ['COD', '化学需氧量', 'max', [15, 15, 20, 30, 40], null],
  ['BOD5', '五日生化需氧量', 'max', [3, 3, 4, 6, 10], null],
  ['NH3-N', '氨氮', 'max', [0.15, 0.5, 1.0, 1.5, 2.0], null],
  ['TP', '总磷', 'max', [0.02, 0.1, 0.2, 0.3, 0.4], [0.01, 0.025, 0.05, 0.1, 0.2]],
  ['Hg', '汞', 'max', [0.00005, 0.00005, 0.0001, 0.001, 0.001], null],
];
const WATER_MONTHS = [];
for (let y = 2025; y <= 2026; y++) for (let m = 1; m <= 12; m++) if (y === 2025 || m <= 2) WATER_MONTHS.push(`${y}-${String(m).padStart(2, '0')}`);
function round(v, digits) {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
function itemClass(item, waterBody, value, below) {
  const [, , dir, river, lake] = item;
  if (value === null) return below ? 1 : 0; // bare ND is I
  if (dir === 'range') return value >= 6 && value <= 9 ? 1 : 6;
  const lim = waterBody === 'lake' && lake ? lake : river;
  if (dir === 'min') {
    if (below) return 6;
    for (let i = 0; i < 5; i++) if (value >= lim[i]) return i + 1;
    return 6;
  }
  for (let i = 0; i < 5; i++) if (value <= lim[i]) return i + 1;
  return 6;
}
function sampleValue(section, item, month) {
  const load = SECTION_LOAD[section.id];
  const r = rand(`w:${section.id}:${item[0]}:${month}`);
  const mo = Number(month.slice(5));
  const summer = 0.5 - 0.5 * Math.cos(((mo - 1) / 12) * 2 * Math.PI); // 1 in July
  const f = load * (0.7 + 0.5 * r + 0.35 * summer);
  const [id, , , river, lake] = item;
  if (id === 'pH') return { value: round(7.4 + 0.9 * r + (section.id === 3 && month === '2025-08' ? 1.2 : 0), 2), below: false };
  if (id === 'DO') return { value: round(Math.max(1.5, 9.2 - 3.6 * f), 1), below: false };
  if (id === 'Hg') {
    if (r < 0.3) return { value: null, below: true }; // ND
    if (r < 0.8) return { value: 0.00004, below: true }; // <0.00004
    return { value: round(0.00003 + 0.00006 * f, 5), below: false };
  }
  const lim = (section.water_body === 'lake' && lake ? lake : river)[2];
  return { value: round(lim * f, id === 'TP' ? 3 : id === 'NH3-N' ? 3 : 1), below: false };
}
function waterRows(section) {
  const rows = [];
  for (const month of WATER_MONTHS) {
    for (const item of WATER_ITEMS) {
      const { value, below } = sampleValue(section, item, month);
      rows.push({ date: `${month}-10`, item: item[0], item_name: item[1], value, below_detection: below, class: WATER_CLASSES[itemClass(item, section.water_body, value, below) - 1] });
    }
  }
  return rows;
}
function periodClass(section, rows) {
  // period means per item, then the single-factor class; <x counts x/2 and ND 0
  let worst = 1;
  const perItem = [];
  let cwqi = 0;
  for (const item of WATER_ITEMS) {
    const rs = rows.filter((r) => r.item === item[0]);
    if (!rs.length) continue;
    const allBelow = rs.every((r) => r.below_detection);
    let value;
    if (allBelow) value = Math.max(...rs.map((r) => r.value ?? 0)) || null;
    else value = rs.reduce((a, r) => a + (r.below_detection ? (r.value ?? 0) / 2 : r.value), 0) / rs.length;
    const c = itemClass(item, section.water_body, value, allBelow);
    worst = Math.max(worst, c);
    perItem.push([item, c, value]);
    if (item[0] === 'DO') cwqi += 5 / value;
    else if (item[0] === 'pH') cwqi += value < 7 ? 7 - value : (value - 7) / 2;
    else if (value) cwqi += value / (section.water_body === 'lake' && item[4] ? item[4] : item[3])[2];
  }
  const main = worst > 3 ? perItem.filter(([, c]) => c > 3).sort((a, b) => b[1] - a[1]).map(([it]) => it[0]) : [];
  const cls = WATER_CLASSES[worst - 1];
  return { class: cls, label: WATER_LABELS[worst - 1], cwqi: round(cwqi, 2), attains: worst <= WATER_CLASSES.indexOf(section.target_class) + 1, main };
}
function waterClasses(year) {
  return {
    year,
    sections: sections.map((s) => {
      const all = waterRows(s).filter((r) => r.date.startsWith(`${year}-`));
      const months = [...new Set(all.map((r) => r.date.slice(0, 7)))].map((period) => {
        const c = periodClass(s, all.filter((r) => r.date.startsWith(period)));
        return { period, class: c.class, label: c.label, cwqi: c.cwqi, attains: c.attains };
      });
      let annual = null;
      if (all.length) {
        const c = periodClass(s, all);
        annual = { class: c.class, label: c.label, cwqi: c.cwqi, attains: c.attains, main_pollutants: c.main.join(',') };
      }
      return { section: s, months, annual };
    }),
  };
}

// A river's status (《地表水环境质量评价办法（试行）》) from its river sections' annual values:
// under 5 sections the class of the item means over the sections, from 5 the class proportions.
function waterRivers(year) {
  const byRiver = new Map();
  for (const s of sections.filter((x) => x.water_body === 'river')) {
    const all = waterRows(s).filter((r) => r.date.startsWith(`${year}-`));
    if (!byRiver.has(s.river)) byRiver.set(s.river, []);
    if (!all.length) continue;
    // one row per item: the section's annual mean (<x as x/2), below detection only when all are
    const means = WATER_ITEMS.map((item) => all.filter((r) => r.item === item[0])).filter((rs) => rs.length).map((rs) => {
      const allBelow = rs.every((r) => r.below_detection);
      const value = allBelow ? Math.max(...rs.map((r) => r.value ?? 0)) || null
        : rs.reduce((a, r) => a + (r.below_detection ? (r.value ?? 0) / 2 : r.value), 0) / rs.length;
      return { item: rs[0].item, value, below_detection: allBelow };
    });
    byRiver.get(s.river).push({ section: s, means, cls: periodClass(s, means).class });
  }
  const rivers = [...byRiver.entries()].sort(([a], [b]) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1)).map(([river, list]) => {
    const n = list.length;
    const good = list.filter((x) => WATER_CLASSES.indexOf(x.cls) <= 2).length;
    const bad = list.filter((x) => x.cls === '劣V').length;
    const base = { river, sections: n, good_sections: good, worse_than_v_sections: bad };
    if (n >= 5) {
      const label = 10 * good >= 9 * n ? '优' : 4 * good >= 3 * n ? '良好' : 5 * bad < n ? '轻度污染' : 5 * bad < 2 * n ? '中度污染' : '重度污染';
      return { ...base, class: null, label, method: 'proportion' };
    }
    if (!n) return { ...base, class: null, label: '', method: 'mean' };
    const c = periodClass(list[0].section, list.flatMap((x) => x.means));
    return { ...base, class: c.class, label: c.label, method: 'mean' };
  });
  return { year, rivers };
}

// GB 15618-2018 Table 1 (screening) and Table 3 (control), pH bands ≤5.5, ≤6.5, ≤7.5, >7.5
const SOIL_LIMITS = {
  cd: { paddy: [0.3, 0.4, 0.6, 0.8], other: [0.3, 0.3, 0.3, 0.6], control: [1.5, 2.0, 3.0, 4.0] },
  hg: { paddy: [0.5, 0.5, 0.6, 1.0], other: [1.3, 1.8, 2.4, 3.4], control: [2.0, 2.5, 4.0, 6.0] },
  as: { paddy: [30, 30, 25, 20], other: [40, 40, 30, 25], control: [200, 150, 120, 100] },
  pb: { paddy: [80, 100, 140, 240], other: [70, 90, 120, 170], control: [400, 500, 700, 1000] },
  cr: { paddy: [250, 250, 300, 350], other: [150, 150, 200, 250], control: [800, 850, 1000, 1300] },
  cu: { orchard: [150, 150, 200, 200], other: [50, 50, 100, 100], control: null },
  ni: { other: [60, 70, 100, 190], control: null },
  zn: { other: [200, 200, 250, 300], control: null },
};
const SOIL_CLASS = ['优先保护', '安全利用', '严格管控'];
const plots = [
  { id: 1, code: 'TR-GC-01', name: '告成镇曲河村农田', unit_id: 6, land_use: 'other', longitude: 113.15, latitude: 34.39 },
  { id: 2, code: 'TR-DY-01', name: '大冶镇西施村农田', unit_id: 5, land_use: 'other', longitude: 113.21, latitude: 34.42 },
  { id: 3, code: 'TR-SY-01', name: '嵩阳街道果园', unit_id: 2, land_use: 'orchard', longitude: 113.04, latitude: 34.46 },
  { id: 4, code: 'TR-SL-01', name: '少林街道颍河滩水田', unit_id: 3, land_use: 'paddy', longitude: 112.97, latitude: 34.48 },
];
// metal multiples of the screening value per plot (drives the classes)
const PLOT_LOAD = { 1: 0.5, 2: 1.6, 3: 0.7, 4: 6 };
function band(ph) {
  return ph <= 5.5 ? 0 : ph <= 6.5 ? 1 : ph <= 7.5 ? 2 : 3;
}
function soilSamples(plot) {
  const out = [];
  const n = 3;
  for (let k = 1; k <= n; k++) {
    const ph = round(6.9 + 1.3 * rand(`ph:${plot.id}:${k}`), 2);
    const b = band(ph);
    const metals = {};
    let worst = 0;
    for (const [m, lim] of Object.entries(SOIL_LIMITS)) {
      const use = plot.land_use === 'rotation' ? 'paddy' : plot.land_use;
      const row = lim[use] || lim.other;
      const screening = row[b];
      const control = lim.control ? lim.control[b] : null;
      const spike = m === 'cd' || m === 'pb' ? PLOT_LOAD[plot.id] : Math.min(PLOT_LOAD[plot.id], 0.9);
      const value = round(screening * spike * (0.55 + 0.5 * rand(`m:${plot.id}:${k}:${m}`)), 3);
      const c = value <= screening ? 0 : control === null || value <= control ? 1 : 2;
      worst = Math.max(worst, c);
      metals[m] = { value, screening, control, class: SOIL_CLASS[c], exceedance: value > screening ? round((value - screening) / screening, 2) : null };
    }
    out.push({ sample: `${plot.code}-S${k}`, date: `2025-0${3 + k}-1${k}`, ph, class: SOIL_CLASS[worst], metals });
  }
  return out;
}
function plotClass(samples) {
  return SOIL_CLASS[Math.max(...samples.map((s) => SOIL_CLASS.indexOf(s.class)))];
}

// ---------------------------------------------------------------- HTTP plumbing
const sessions = new Map(); // token → { userId, csrf }
const failures = new Map(); // username → { count, until }

function send(res, status, body, headers = {}) {
  const data = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(data);
}
function error(res, status, code, message, field = null, headers = {}) {
  send(res, status, { error: { code, message, field } }, headers);
}
function cookies(req) {
  const out = {};
  for (const part of (req.headers.cookie || '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > 1 << 20) reject(new Error('too_large'));
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
function parseJson(text, allowed) {
  let j;
  try {
    j = text ? JSON.parse(text) : {};
  } catch {
    return { err: ['invalid_argument', 'bad JSON', null] };
  }
  if (typeof j !== 'object' || j === null || Array.isArray(j)) return { err: ['invalid_argument', 'expected a JSON object', null] };
  for (const k of Object.keys(j)) if (!allowed.includes(k)) return { err: ['invalid_argument', `unknown field: ${k}`, k] };
  return { j };
}

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf' };
function serveStatic(req, res, pathname) {
  let file = path.join(DIST, decodeURIComponent(pathname));
  if (!file.startsWith(DIST)) return error(res, 404, 'not_found', 'not found');
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(DIST, 'index.html');
  if (!fs.existsSync(file)) return send(res, 500, 'web/dist is missing: run npm run build in web/', { 'Content-Type': 'text/plain' });
  const ext = path.extname(file);
  res.writeHead(200, { 'Content-Type': MIME[ext] || 'application/octet-stream', 'Cache-Control': ext === '.html' ? 'no-cache' : 'max-age=3600' });
  fs.createReadStream(file).pipe(res);
}

function csvOf(rows) {
  const cols = ['date', 'rules', 'aqi', 'primary', 'category', 'so2', 'no2', 'co', 'pm10', 'pm25', 'o3_8h_max', 'o3_1h_max', 'valid'];
  return [cols.join(','), ...rows.map((r) => cols.map((c) => (c === 'category' ? (r.category ? r.category.name_zh : '') : r[c] ?? '')).join(','))].join('\n') + '\n';
}

async function api(req, res, url) {
  const p = url.pathname.slice('/api/v1'.length);
  const q = Object.fromEntries(url.searchParams);
  const m = req.method;
  const tok = cookies(req).ecogov_session;
  const sess = tok ? sessions.get(tok) : undefined;
  const user = sess ? users.find((u) => u.id === sess.userId && !u.disabled) : undefined;
  const body = m === 'GET' ? '' : await readBody(req);

  if (p === '/auth/login' && m === 'POST') {
    const { j, err } = parseJson(body, ['username', 'password']);
    if (err) return error(res, 400, ...err);
    const f = failures.get(j.username);
    if (f && f.count >= 5 && f.until > Date.now()) {
      return error(res, 429, 'throttled', 'too many failed sign-ins; try again later', null, { 'Retry-After': String(Math.ceil((f.until - Date.now()) / 1000)) });
    }
    const u = users.find((x) => x.username === j.username);
    if (!u || u.disabled || passwords[u.username] !== j.password) {
      const n = (f && f.until > Date.now() ? f.count : 0) + 1;
      failures.set(j.username, { count: n, until: Date.now() + 60_000 });
      return error(res, 401, 'unauthorized', 'wrong username or password');
    }
    failures.delete(j.username);
    const token = crypto.randomBytes(24).toString('hex');
    const csrf = crypto.randomBytes(16).toString('hex');
    sessions.set(token, { userId: u.id, csrf });
    return send(res, 200, { user: u, csrf_token: csrf }, { 'Set-Cookie': `ecogov_session=${token}; Path=/; HttpOnly; SameSite=Strict` });
  }
  if (!user) return error(res, 401, 'unauthorized', 'sign in first');
  const write = m !== 'GET';
  if (write) {
    if (req.headers['x-csrf-token'] !== sess.csrf) return error(res, 403, 'csrf', 'missing or wrong X-CSRF-Token');
    if (user.role === 'leader' && p !== '/auth/logout' && p !== '/auth/password') return error(res, 403, 'forbidden', 'leaders may not write');
  }
  const adminBureau = user.role === 'admin' || user.role === 'bureau';
  let mm;
  if (p === '/auth/me' && m === 'GET') return send(res, 200, { user, csrf_token: sess.csrf });
  if (p === '/auth/logout' && m === 'POST') {
    sessions.delete(tok);
    return send(res, 200, { ok: true }, { 'Set-Cookie': 'ecogov_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict' });
  }
  if (p === '/units' && m === 'GET') return send(res, 200, { units });
  if (p === '/units' && m === 'POST') {
    if (!adminBureau) return error(res, 403, 'forbidden', 'admin or bureau only');
    const { j, err } = parseJson(body, ['code', 'name', 'kind', 'parent_id']);
    if (err) return error(res, 400, ...err);
    if (!j.code) return error(res, 400, 'invalid_argument', 'code is required', 'code');
    if (units.some((u) => u.code === j.code)) return error(res, 409, 'conflict', `unit code ${j.code} exists`, 'code');
    const u = { id: units.length + 1, code: j.code, name: j.name || '', kind: j.kind || 'township', parent_id: j.parent_id ?? null };
    units.push(u);
    return send(res, 201, u);
  }
  if (p === '/people' && m === 'GET') return send(res, 200, { people: q.unit_id ? people.filter((x) => x.unit_id === Number(q.unit_id)) : people });
  if (p === '/users' && m === 'GET') {
    if (user.role !== 'admin') return error(res, 403, 'forbidden', 'admin only');
    return send(res, 200, { users });
  }
  if (p === '/users' && m === 'POST') {
    if (user.role !== 'admin') return error(res, 403, 'forbidden', 'admin only');
    const { j, err } = parseJson(body, ['username', 'display_name', 'role', 'unit_id', 'password']);
    if (err) return error(res, 400, ...err);
    if (!j.username) return error(res, 400, 'invalid_argument', 'username is required', 'username');
    if (users.some((u) => u.username === j.username)) return error(res, 409, 'conflict', `user ${j.username} exists`, 'username');
    if (!j.password || j.password.length < 8) return error(res, 400, 'invalid_argument', 'password must have at least 8 characters', 'password');
    const unit = units.find((u) => u.id === j.unit_id);
    if (!unit) return error(res, 400, 'invalid_argument', 'unknown unit', 'unit_id');
    const u = { id: users.length + 1, username: j.username, display_name: j.display_name || j.username, role: j.role, unit_id: unit.id, unit_name: unit.name, disabled: false };
    users.push(u);
    passwords[u.username] = j.password;
    return send(res, 201, u);
  }
  if ((mm = /^\/users\/(\d+)$/.exec(p)) && m === 'PATCH') {
    if (user.role !== 'admin') return error(res, 403, 'forbidden', 'admin only');
    const u = users.find((x) => x.id === Number(mm[1]));
    if (!u) return error(res, 404, 'not_found', 'no such user');
    const { j, err } = parseJson(body, ['display_name', 'role', 'unit_id', 'disabled', 'password']);
    if (err) return error(res, 400, ...err);
    if (j.password !== undefined) {
      if (j.password.length < 8) return error(res, 400, 'invalid_argument', 'password must have at least 8 characters', 'password');
      passwords[u.username] = j.password;
    }
    for (const k of ['display_name', 'role', 'unit_id', 'disabled']) if (j[k] !== undefined) u[k] = j[k];
    return send(res, 200, u);
  }
  if (p === '/stations' && m === 'GET') return send(res, 200, { stations });
  if (p === '/stations' && m === 'POST') {
    if (!adminBureau) return error(res, 403, 'forbidden', 'admin or bureau only');
    const { j, err } = parseJson(body, ['code', 'name', 'kind', 'unit_id', 'city', 'longitude', 'latitude', 'control']);
    if (err) return error(res, 400, ...err);
    if (!j.code) return error(res, 400, 'invalid_argument', 'code is required', 'code');
    if (stations.some((s) => s.code === j.code)) return error(res, 409, 'conflict', `station ${j.code} exists`, 'code');
    const s = { id: stations.length + 1, code: j.code, name: j.name || '', kind: j.kind, unit_id: j.unit_id, city: j.city || '', longitude: j.longitude ?? null, latitude: j.latitude ?? null, control: !!j.control };
    stations.push(s);
    return send(res, 201, s);
  }
  if ((mm = /^\/stations\/(\d+)$/.exec(p)) && m === 'PATCH') {
    if (!adminBureau) return error(res, 403, 'forbidden', 'admin or bureau only');
    const s = stations.find((x) => x.id === Number(mm[1]));
    if (!s) return error(res, 404, 'not_found', 'no such station');
    const { j, err } = parseJson(body, ['name', 'kind', 'unit_id', 'city', 'longitude', 'latitude', 'control']);
    if (err) return error(res, 400, ...err);
    Object.assign(s, j);
    return send(res, 200, s);
  }
  if (p === '/air/overview' && m === 'GET') return send(res, 200, overview(q));
  if (p === '/air/hourly' && m === 'GET') {
    const rows = hourly(q);
    if (!rows) return error(res, 404, 'not_found', `no station ${q.station || ''}`, 'station');
    return send(res, 200, { rows });
  }
  if (/^\/air\/daily(\.csv|\.xlsx)?$/.test(p) && m === 'GET') {
    const rows = daily(q);
    if (!rows) return error(res, 400, 'invalid_argument', 'give station=CODE or city=NAME', q.station ? 'station' : 'city');
    if (p.endsWith('.csv')) return send(res, 200, '\ufeff' + csvOf(rows), { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="daily.csv"' });
    if (p.endsWith('.xlsx')) return send(res, 200, Buffer.from('PK\x03\x04 mock xlsx\n' + csvOf(rows)), { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': 'attachment; filename="daily.xlsx"' });
    return send(res, 200, { rows });
  }
  if (p === '/air/evaluation' && m === 'GET') {
    const rows = evaluation(q);
    if (rows === undefined) return error(res, 400, 'invalid_argument', 'period must be year, quarter, month or FROM..TO', 'period');
    if (rows === null) return error(res, 400, 'invalid_argument', 'give station=CODE or city=NAME', 'station');
    return send(res, 200, { rows });
  }
  if (p === '/water/sections' && m === 'GET') return send(res, 200, { sections });
  if (p === '/water/classes' && m === 'GET') {
    const year = q.year === undefined ? Number(WATER_MONTHS[WATER_MONTHS.length - 1].slice(0, 4)) : Number(q.year);
    if (!Number.isInteger(year) || year < 1900 || year > 2200) return error(res, 400, 'invalid_argument', 'year must be YYYY', 'year');
    return send(res, 200, waterClasses(year));
  }
  if (p === '/water/rivers' && m === 'GET') {
    const year = q.year === undefined ? Number(WATER_MONTHS[WATER_MONTHS.length - 1].slice(0, 4)) : Number(q.year);
    if (!Number.isInteger(year) || year < 1900 || year > 2200) return error(res, 400, 'invalid_argument', 'year must be YYYY', 'year');
    return send(res, 200, waterRivers(year));
  }
  if ((mm = /^\/water\/sections\/(\d+)\/items$/.exec(p)) && m === 'GET') {
    const s = sections.find((x) => x.id === Number(mm[1]));
    if (!s) return error(res, 404, 'not_found', 'no such section');
    for (const k of ['from', 'to']) if (q[k] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(q[k])) return error(res, 400, 'invalid_argument', `${k} must be YYYY-MM-DD`, k);
    const rows = waterRows(s).filter((r) => (!q.from || r.date >= q.from) && (!q.to || r.date <= q.to) && (!q.item || r.item === q.item));
    return send(res, 200, { section: s, rows });
  }
  if (p === '/soil/plots' && m === 'GET') {
    return send(res, 200, { plots: plots.map((pl) => { const ss = soilSamples(pl); return { ...pl, class: plotClass(ss), samples: ss.length }; }) });
  }
  if ((mm = /^\/soil\/plots\/(\d+)$/.exec(p)) && m === 'GET') {
    const pl = plots.find((x) => x.id === Number(mm[1]));
    if (!pl) return error(res, 404, 'not_found', 'no such plot');
    const ss = soilSamples(pl);
    return send(res, 200, { plot: pl, class: plotClass(ss), samples: ss });
  }
  if (p === '/targets/progress' && m === 'GET') return send(res, 200, { progress: progress(Number(q.year || 2026)) });
  if (p === '/targets' && m === 'GET') return send(res, 200, { targets: targets.filter((t) => !q.year || t.year === Number(q.year)) });
  return error(res, 404, 'not_found', `no route ${m} ${url.pathname}`);
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  try {
    if (url.pathname === '/healthz') return send(res, 200, { status: 'ok', database: 'sqlite' });
    if (url.pathname.startsWith('/api/')) return await api(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return error(res, 405, 'method_not_allowed', 'method not allowed');
    return serveStatic(req, res, url.pathname);
  } catch (e) {
    if (e && e.message === 'too_large') return error(res, 413, 'too_large', 'body too large');
    console.error(e);
    return error(res, 500, 'internal', String(e && e.message));
  }
});
server.listen(PORT, '127.0.0.1', () => {
  const addr = server.address();
  console.log(`listening on http://127.0.0.1:${addr.port}`);
  console.log(`accounts: ${JSON.stringify(ACCOUNTS)}`);
});
module.exports = { ACCOUNTS };
