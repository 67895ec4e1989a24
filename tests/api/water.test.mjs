// Water and soil (docs/api.md "Water and soil"; issue 8): sections and plots CRUD with roles,
// all-or-nothing sample imports (422 listing every bad row, nothing stored), idempotent
// re-import, unit clerks limited to their own sections/plots, classes by month and year against
// the target, a section's items over time, soil plot classes, and the water_attainment target.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zipTools from '../lib/zip.cjs';
import { setupSuite, assertError, assertStatus, assertHealthy } from './harness.mjs';

let s;
const CSV = { headers: { 'content-type': 'text/csv' } };
const fx = {};
before(async () => { s = await setupSuite('water'); });
after(async () => { await s?.close(); });

const SECTION_KEYS = ['code', 'id', 'kind', 'latitude', 'longitude', 'name', 'river', 'target_class', 'unit_id', 'water_body'];
const PLOT_KEYS = ['code', 'id', 'land_use', 'latitude', 'longitude', 'name', 'unit_id'];
const WATER_HEADER = 'section,water_body,date,item,value';
const SOIL_HEADER = 'plot,sample,date,ph,cd,hg,as,pb,cr,cu,ni,zn';

const importWater = (c, lines, source = 'w.csv') =>
  c.request('POST', `/api/v1/water/samples/import?source=${source}`, { body: [WATER_HEADER, ...lines].join('\n') + '\n', ...CSV });
const importSoil = (c, lines) =>
  c.request('POST', '/api/v1/soil/samples/import?source=s.csv', { body: [SOIL_HEADER, ...lines].join('\n') + '\n', ...CSV });

// A minimal XLSX (ZIP of deflated XML parts) built here: `rows` maps a spreadsheet row number to
// its cells; a string is a shared string, { n: '5.2E-1' } a number cell, '' an absent cell.
const { zip } = zipTools;
function xlsx(rows) {
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const shared = [];
  const body = Object.entries(rows).map(([r, cells]) => `<row r="${r}">${cells.map((v, i) => {
    const ref = String.fromCharCode(65 + i) + r;
    if (v === '') return '';
    if (typeof v === 'object') return `<c r="${ref}"><v>${v.n}</v></c>`;
    shared.push(v);
    return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
  }).join('')}</row>`).join('');
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0"?><Types/>'],
    ['xl/workbook.xml', `<workbook ${ns} xmlns:r="r"><sheets><sheet name="水样" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/data.xml"/></Relationships>'],
    ['xl/sharedStrings.xml', `<sst ${ns}>${shared.map((t) => `<si><t>${esc(t)}</t></si>`).join('')}</sst>`],
    ['xl/worksheets/data.xml', `<worksheet ${ns}><sheetData>${body}</sheetData></worksheet>`],
  ]);
}
const XLSX = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

function assertBadRows(r, expected) {
  assert.equal(r.status, 422, r.text);
  assert.equal(r.data.error.code, 'bad_data');
  assert.equal(typeof r.data.error.message, 'string');
  assert.equal(r.data.errors.length, expected.length, r.text);
  for (const [i, [line, column, field]] of expected.entries()) {
    const e = r.data.errors[i];
    assert.deepEqual(Object.keys(e).sort(), ['column', 'field', 'line', 'message']);
    assert.deepEqual([e.line, e.column, e.field], [line, column, field], JSON.stringify(e));
    assert.ok(e.message.length > 0);
  }
}

test('sections: create (201), strict input, list, patch; admin/bureau only', async () => {
  const b = s.c.bureau;
  fx.a = assertStatus(await b.post('/api/v1/water/sections', { code: 'YH01', name: '颍河告成断面', water_body: 'river', river: '颍河', unit_id: s.units.townA, target_class: 'III', kind: 'city', longitude: 113.15, latitude: 34.4 }), 201);
  assert.deepEqual(Object.keys(fx.a).sort(), SECTION_KEYS);
  assert.equal(fx.a.target_class, 'III');
  fx.b = assertStatus(await s.c.admin.post('/api/v1/water/sections', { code: 'SY01', name: '书院河断面', water_body: 'river', river: '书院河', unit_id: s.units.townB, target_class: 'IV', kind: 'county' }), 201);
  assert.equal(fx.b.longitude, null);
  fx.lake = assertStatus(await b.post('/api/v1/water/sections', { code: 'SK01', name: '水库取水口', water_body: 'lake', river: '', unit_id: s.units.bureau, target_class: 'II', kind: 'drinking_source' }), 201);
  assertError(await b.post('/api/v1/water/sections', { code: 'YH01', name: 'dup', water_body: 'river', river: '颍河', unit_id: s.units.townA, target_class: 'III', kind: 'city' }), 409, 'conflict');
  const good = { code: 'X1', name: 'x', water_body: 'river', river: '颍河', unit_id: s.units.townA, target_class: 'III', kind: 'city' };
  for (const [patch, field] of [[{ target_class: 'VI' }, 'target_class'], [{ kind: 'micro' }, 'kind'], [{ water_body: 'sea' }, 'water_body'],
    [{ unit_id: 99999 }, 'unit_id'], [{ longitude: 200 }, 'longitude'], [{ code: 'a b' }, 'code'], [{ extra: 1 }, 'extra'],
    [{ unit_id: 'x' }, 'unit_id'], [{ river: '' }, 'river'], [{ name: '' }, 'name']])
    assertError(await b.post('/api/v1/water/sections', { ...good, ...patch }), 400, 'invalid_argument', field);
  const { code: _omit, ...noCode } = good;
  assertError(await b.post('/api/v1/water/sections', noCode), 400, 'invalid_argument', 'code');
  const changed = assertStatus(await b.patch(`/api/v1/water/sections/${fx.b.id}`, { target_class: 'III', longitude: 113.05, latitude: 34.47 }), 200);
  assert.equal(changed.target_class, 'III');
  assert.equal(changed.code, 'SY01');
  fx.b = changed;
  assertError(await b.patch(`/api/v1/water/sections/${fx.b.id}`, { code: 'NEW' }), 400, 'invalid_argument', 'code');
  assertError(await b.patch('/api/v1/water/sections/999999', { name: 'x' }), 404, 'not_found');
  assertError(await s.c.clerkA.post('/api/v1/water/sections', { ...good, code: 'C1' }), 403, 'forbidden');
  assertError(await s.c.clerkA.patch(`/api/v1/water/sections/${fx.a.id}`, { name: 'x' }), 403, 'forbidden');
  assertError(await s.c.leader.post('/api/v1/water/sections', { ...good, code: 'L1' }), 403, 'forbidden');
  assertError(await s.c.anon.get('/api/v1/water/sections'), 401, 'unauthorized');
  const list = assertStatus(await s.c.leader.get('/api/v1/water/sections'), 200).sections;
  assert.deepEqual(list.map((x) => x.code), ['SK01', 'SY01', 'YH01']);
  for (const x of list) assert.deepEqual(Object.keys(x).sort(), SECTION_KEYS);
});

const MONTHS = [
  // YH01: COD (18+24)/2 = 21 → IV in January (misses III); February II.
  'YH01,river,2026-01-05,COD,18', 'YH01,river,2026-01-20,COD,24', 'YH01,river,2026-01-05,NH3-N,0.52',
  'YH01,river,2026-01-20,氨氮,<0.025', 'YH01,river,2026-01-05,DO,6.2', 'YH01,river,2026-02-05,COD,15',
  'YH01,river,2026-02-05,TP,0.08',
  // SY01: NH3-N 1.2 → IV (target III after the patch)
  'SY01,river,2026-01-06,NH3-N,1.2', 'SY01,river,2026-01-06,COD,ND',
  // the reservoir: lake TP 0.02 → II
  'SK01,lake,2026-01-07,TP,0.02', 'SK01,lake,2026-01-07,Hg,<0.00004',
];

test('water import: bad rows → 422 with every error and nothing stored', async () => {
  const r = await importWater(s.c.bureau, [
    ...MONTHS,
    'XX99,river,2026-01-05,COD,12', // line 13
    'YH01,river,2026-02-30,COD,12', // line 14
    'YH01,river,2026-01-06,FOO,12', // line 15
    'YH01,river,2026-01-07,COD,abc', // line 16
    'YH01,lake,2026-01-08,COD,12', // line 17
    'YH01,river,2026-01-05,COD,18', // line 18: duplicate of line 2
    'YH01,river,2026-01-05', // line 19
  ]);
  assertBadRows(r, [[13, 1, 'section'], [14, 3, 'date'], [15, 4, 'item'], [16, 5, 'value'], [17, 2, 'water_body'], [18, 4, 'item'], [19, 1, 'row']]);
  const items = assertStatus(await s.c.admin.get(`/api/v1/water/sections/${fx.a.id}/items`), 200);
  assert.deepEqual(items.rows, [], 'nothing stored');
  assertBadRows(await s.c.bureau.request('POST', '/api/v1/water/samples/import', { body: 'a,b\n1,2\n', ...CSV }), [[1, 1, 'header']]);
  assertBadRows(await s.c.bureau.request('POST', '/api/v1/water/samples/import', { body: '', ...CSV }), [[1, 1, 'header']]);
});

test('water import: stored, re-import changes nothing, one changed value changes one row', async () => {
  const r = assertStatus(await importWater(s.c.bureau, MONTHS), 200);
  assert.deepEqual(Object.keys(r).sort(), ['accepted', 'batch_id', 'changed', 'errors']);
  assert.ok(Number.isInteger(r.batch_id) && r.batch_id > 0);
  assert.equal(r.accepted, MONTHS.length);
  assert.equal(r.changed, MONTHS.length);
  assert.deepEqual(r.errors, []);
  const again = assertStatus(await importWater(s.c.admin, MONTHS, 'again.csv'), 200);
  assert.equal(again.changed, 0);
  assert.notEqual(again.batch_id, r.batch_id);
  const one = assertStatus(await importWater(s.c.admin, ['YH01,river,2026-02-05,TP,0.09']), 200);
  assert.equal(one.changed, 1);
  assertStatus(await importWater(s.c.admin, ['YH01,river,2026-02-05,TP,0.08']), 200);
});

test('water import: unit clerk only for their sections; leader 403', async () => {
  assertError(await importWater(s.c.clerkA, ['SY01,river,2026-03-06,COD,12']), 403, 'forbidden');
  assertBadRows(await importWater(s.c.clerkA, ['YH01,river,2026-03-06,COD,12', 'SY01,river,2026-03-06,COD,12']), [[3, 1, 'section']]);
  assert.equal(assertStatus(await s.c.admin.get(`/api/v1/water/sections/${fx.a.id}/items?from=2026-03-01`), 200).rows.length, 0);
  assert.equal(assertStatus(await importWater(s.c.clerkA, ['YH01,river,2026-03-06,COD,12']), 200).changed, 1);
  assertError(await importWater(s.c.leader, ['YH01,river,2026-03-06,COD,12']), 403, 'forbidden');
  assertError(await s.c.anon.request('POST', '/api/v1/water/samples/import', { body: WATER_HEADER + '\n', ...CSV }), 401, 'unauthorized');
});

test('water and soil import: XLSX bodies, errors on spreadsheet rows, unreadable workbooks', async () => {
  const b = s.c.bureau;
  const header = WATER_HEADER.split(',');
  // The same samples as MONTHS (numbers as number cells, one in exponent form): nothing changes.
  const same = { 1: header, 3: ['YH01', 'river', '2026-01-05', 'COD', { n: '18' }], 4: ['YH01', 'river', '2026-01-05', 'NH3-N', { n: '5.2E-1' }],
    6: ['SK01', 'lake', '2026-01-07', 'Hg', '<0.00004'] };
  const r = assertStatus(await b.request('POST', '/api/v1/water/samples/import?source=w.xlsx', { body: xlsx(same), headers: XLSX }), 200);
  assert.deepEqual([r.accepted, r.changed], [3, 0]);
  // Detected by its magic bytes whatever the Content-Type; error lines are spreadsheet rows.
  const bad = { 1: header, 2: ['YH01', 'river', '2026-01-05', 'COD', { n: '18' }], 5: ['XX99', 'river', '2026-01-05', 'COD', { n: '12' }],
    9: ['YH01', 'river', '2026-02-30', 'COD', { n: '1E-3' }], 10: ['YH01', 'river', '2026-01-09', 'COD'] };
  assertBadRows(await b.request('POST', '/api/v1/water/samples/import', { body: xlsx(bad), ...CSV }), [[5, 1, 'section'], [9, 3, 'date'], [10, 5, 'value']]);
  assertBadRows(await b.request('POST', '/api/v1/soil/samples/import', { body: xlsx({ 1: SOIL_HEADER.split(','), 4: ['PZ99', 'PZ99-1', '2025-05-12', { n: '8.1' }] }), headers: XLSX }),
    [[4, 1, 'plot']]);
  const whole = xlsx(same);
  for (const body of [Buffer.from('not a workbook'), whole.subarray(0, whole.length - 30), Buffer.concat([whole.subarray(0, 60), Buffer.alloc(40)])])
    assertError(await b.request('POST', '/api/v1/water/samples/import', { body, headers: XLSX }), 422, 'bad_data', 'body');
  assertError(await s.c.leader.request('POST', '/api/v1/water/samples/import', { body: whole, headers: XLSX }), 403, 'forbidden');
});

test('classes: monthly and annual classes against the target', async () => {
  const d = assertStatus(await s.c.leader.get('/api/v1/water/classes?year=2026'), 200);
  assert.equal(d.year, 2026);
  assert.deepEqual(d.sections.map((x) => x.section.code), ['SK01', 'SY01', 'YH01']);
  const yh = d.sections.find((x) => x.section.code === 'YH01');
  assert.deepEqual(Object.keys(yh).sort(), ['annual', 'months', 'section']);
  assert.deepEqual(yh.months.map((m) => [m.period, m.class, m.attains]), [['2026-01', 'IV', false], ['2026-02', 'II', true], ['2026-03', 'I', true]]);
  const jan = yh.months[0];
  assert.deepEqual(Object.keys(jan).sort(), ['attains', 'class', 'cwqi', 'label', 'period']);
  assert.equal(jan.label, '轻度污染');
  assert.equal(typeof jan.cwqi, 'number');
  assert.deepEqual(Object.keys(yh.annual).sort(), ['attains', 'class', 'cwqi', 'label', 'main_pollutants']);
  assert.equal(typeof yh.annual.main_pollutants, 'string');
  const sy = d.sections.find((x) => x.section.code === 'SY01');
  assert.equal(sy.annual.class, 'IV');
  assert.equal(sy.annual.attains, false);
  assert.match(sy.annual.main_pollutants, /氨氮\(0\.20\)/);
  const sk = d.sections.find((x) => x.section.code === 'SK01');
  assert.deepEqual([sk.annual.class, sk.annual.label, sk.annual.attains], ['II', '优', true]);
  const empty = assertStatus(await s.c.admin.get('/api/v1/water/classes?year=2020'), 200);
  for (const x of empty.sections) { assert.deepEqual(x.months, []); assert.equal(x.annual, null); }
  assert.equal(assertStatus(await s.c.admin.get('/api/v1/water/classes'), 200).year, 2026, 'default: the latest year with samples');
  assertError(await s.c.admin.get('/api/v1/water/classes?year=abc'), 400, 'invalid_argument', 'year');
  assertError(await s.c.admin.get('/api/v1/water/classes?year=1999'), 400, 'invalid_argument', 'year');
  assertError(await s.c.anon.get('/api/v1/water/classes'), 401, 'unauthorized');
});

test('rivers: status of each river from its sections (fewer than five: item means)', async () => {
  const d = assertStatus(await s.c.leader.get('/api/v1/water/rivers?year=2026'), 200);
  assert.deepEqual(Object.keys(d).sort(), ['rivers', 'year']);
  assert.equal(d.year, 2026);
  // SK01 is a lake: not part of any river. Each river has one section, so its status is the
  // class of that section's annual item values (the mean over one section):
  // 书院河 = SY01: NH3-N 1.2 → IV, 轻度污染 (G = 0/1, no 劣V).
  // 颍河 = YH01: COD (18+24+15+12)/4 = 17.25 → III; NH3-N (0.52, <0.025) → II; DO 6.2 → II;
  // TP 0.08 → II: III, 良好 (G = 1/1).
  assert.deepEqual(d.rivers.map((r) => [r.river, r.sections, r.class, r.label, r.method, r.good_sections, r.worse_than_v_sections]),
    [['书院河', 1, 'IV', '轻度污染', 'mean', 0, 0], ['颍河', 1, 'III', '良好', 'mean', 1, 0]]);
  for (const r of d.rivers)
    assert.deepEqual(Object.keys(r).sort(), ['class', 'good_sections', 'label', 'method', 'river', 'sections', 'worse_than_v_sections']);
  const empty = assertStatus(await s.c.admin.get('/api/v1/water/rivers?year=2020'), 200);
  assert.deepEqual(empty.rivers.map((r) => [r.river, r.sections, r.class, r.label]), [['书院河', 0, null, ''], ['颍河', 0, null, '']]);
  assert.equal(assertStatus(await s.c.clerkA.get('/api/v1/water/rivers'), 200).year, 2026, 'default: the latest year with samples');
  assertError(await s.c.admin.get('/api/v1/water/rivers?year=abc'), 400, 'invalid_argument', 'year');
  assertError(await s.c.anon.get('/api/v1/water/rivers'), 401, 'unauthorized');
});

test('items: a section\'s values over time with their classes and detection flags', async () => {
  const d = assertStatus(await s.c.clerkB.get(`/api/v1/water/sections/${fx.a.id}/items?from=2026-01-01&to=2026-01-31`), 200);
  assert.equal(d.section.code, 'YH01');
  assert.equal(d.rows.length, 5);
  for (const r of d.rows) for (const k of ['date', 'item', 'item_name', 'value', 'below_detection', 'class']) assert.ok(k in r, k);
  const nh3 = d.rows.filter((r) => r.item === 'NH3-N');
  assert.deepEqual(nh3.map((r) => [r.date, r.item_name, r.value, r.below_detection, r.class]),
    [['2026-01-05', '氨氮', 0.52, false, 'III'], ['2026-01-20', '氨氮', 0.025, true, 'I']]);
  const cod = assertStatus(await s.c.admin.get(`/api/v1/water/sections/${fx.a.id}/items?item=COD`), 200).rows;
  assert.deepEqual(cod.map((r) => [r.date, r.value, r.class]), [['2026-01-05', 18, 'III'], ['2026-01-20', 24, 'IV'], ['2026-02-05', 15, 'I'], ['2026-03-06', 12, 'I']]);
  const nd = assertStatus(await s.c.admin.get(`/api/v1/water/sections/${fx.b.id}/items?item=${encodeURIComponent("化学需氧量")}`), 200).rows;
  assert.deepEqual(nd.map((r) => [r.value, r.below_detection, r.class]), [[null, true, 'I']]);
  assertError(await s.c.admin.get(`/api/v1/water/sections/${fx.a.id}/items?item=FOO`), 400, 'invalid_argument', 'item');
  assertError(await s.c.admin.get(`/api/v1/water/sections/${fx.a.id}/items?from=2026-13-01`), 400, 'invalid_argument', 'from');
  assertError(await s.c.admin.get(`/api/v1/water/sections/${fx.a.id}/items?from=2026-02-01&to=2026-01-01`), 400, 'invalid_argument', 'from');
  assertError(await s.c.admin.get('/api/v1/water/sections/999999/items'), 404, 'not_found');
  assertError(await s.c.admin.get('/api/v1/water/sections/abc/items'), 400, 'invalid_argument');
});

test('soil: plots, all-or-nothing import, roles, classes by GB 15618', async () => {
  const b = s.c.bureau;
  fx.pa = assertStatus(await b.post('/api/v1/soil/plots', { code: 'PA01', name: '告成镇菜地', unit_id: s.units.townA, land_use: 'other', longitude: 113.14, latitude: 34.41 }), 201);
  assert.deepEqual(Object.keys(fx.pa).sort(), PLOT_KEYS);
  fx.pb = assertStatus(await s.c.admin.post('/api/v1/soil/plots', { code: 'PB01', name: '水田地块', unit_id: s.units.townB, land_use: 'paddy' }), 201);
  assertError(await b.post('/api/v1/soil/plots', { code: 'PA01', name: 'dup', unit_id: s.units.townA, land_use: 'other' }), 409, 'conflict');
  assertError(await b.post('/api/v1/soil/plots', { code: 'PC01', name: 'x', unit_id: s.units.townA, land_use: 'forest' }), 400, 'invalid_argument', 'land_use');
  assertError(await b.post('/api/v1/soil/plots', { code: 'PC01', name: 'x', unit_id: s.units.townA, land_use: 'other', colour: 1 }), 400, 'invalid_argument', 'colour');
  assertError(await s.c.clerkA.post('/api/v1/soil/plots', { code: 'PC01', name: 'x', unit_id: s.units.townA, land_use: 'other' }), 403, 'forbidden');
  assertError(await s.c.leader.post('/api/v1/soil/plots', { code: 'PC01', name: 'x', unit_id: s.units.townA, land_use: 'other' }), 403, 'forbidden');
  const rows = [
    'PA01,PA01-1,2025-05-12,8.10,0.21,0.05,10,22,62,24,28,71', // 优先保护
    'PA01,PA01-2,2025-05-12,8.10,0.85,0.05,<0.5,22,62,24,28,71', // Cd 0.85 > 0.6 → 安全利用
    'PB01,PB01-1,2025-05-13,6.00,2.5,0.05,10,22,62,24,28,71', // paddy pH 6.0: Cd 2.5 > 2.0 → 严格管控
  ];
  assertBadRows(await importSoil(b, [...rows, 'PX01,PX01-1,2025-05-12,8.1,0.2,0.05,10,22,62,24,28,71', 'PA01,PA01-9,2025-05-12,8.1,-1,0.05,10,22,62,24,28,71']),
    [[5, 1, 'plot'], [6, 5, 'cd']]);
  assert.ok(assertStatus(await s.c.admin.get('/api/v1/soil/plots'), 200).plots.every((p) => p.samples === 0), 'nothing stored');
  assertError(await importSoil(s.c.clerkA, [rows[2]]), 403, 'forbidden');
  assertError(await importSoil(s.c.leader, rows), 403, 'forbidden');
  assertBadRows(await importSoil(s.c.clerkA, rows), [[4, 1, 'plot']]);
  const r = assertStatus(await importSoil(b, rows), 200);
  assert.deepEqual([r.accepted, r.changed, r.errors], [3, 3, []]);
  assert.equal(assertStatus(await importSoil(b, rows), 200).changed, 0);
  const plots = assertStatus(await s.c.leader.get('/api/v1/soil/plots'), 200).plots;
  assert.deepEqual(plots.map((p) => [p.code, p.class, p.samples]), [['PA01', '安全利用', 2], ['PB01', '严格管控', 1]]);
  for (const p of plots) assert.deepEqual(Object.keys(p).sort(), [...PLOT_KEYS, 'class', 'samples'].sort());
  const d = assertStatus(await s.c.clerkB.get(`/api/v1/soil/plots/${fx.pa.id}`), 200);
  assert.deepEqual(Object.keys(d).sort(), ['class', 'plot', 'samples']);
  assert.equal(d.class, '安全利用');
  assert.deepEqual(d.samples.map((x) => [x.sample, x.date, x.ph, x.class]), [['PA01-1', '2025-05-12', 8.1, '优先保护'], ['PA01-2', '2025-05-12', 8.1, '安全利用']]);
  const cd = d.samples[1].metals.cd;
  assert.deepEqual([cd.value, cd.screening, cd.control, cd.class, cd.exceedance], [0.85, 0.6, 4, '安全利用', 0.42]);
  assert.deepEqual(Object.keys(d.samples[1].metals).sort(), ['as', 'cd', 'cr', 'cu', 'hg', 'ni', 'pb', 'zn']);
  assert.equal(d.samples[1].metals.cu.control, null);
  assertError(await s.c.admin.get('/api/v1/soil/plots/999999'), 404, 'not_found');
  assertError(await s.c.anon.get('/api/v1/soil/plots'), 401, 'unauthorized');
});

test('targets: water_attainment (‰ like good_ratio) with progress', async () => {
  const t = assertStatus(await s.c.bureau.post('/api/v1/targets', { unit_id: s.units.bureau, year: 2026, indicator: 'water_attainment', value: 80, note: '断面达标率' }), 201);
  assert.equal(t.value, 80);
  const p = assertStatus(await s.c.leader.get(`/api/v1/targets/progress?year=2026&unit_id=${s.units.bureau}`), 200).progress;
  const w = p.find((x) => x.target.indicator === 'water_attainment');
  // YH01 annual: COD mean (18+24+15+12)/4 → III attains; SY01 IV misses III; SK01 II attains: 2/3
  assert.equal(w.to_date, 66.7);
  assert.equal(w.on_track, false);
  assert.deepEqual(w.remaining, { sections_to_attain: 1 });
  assert.equal(w.out_of_reach, false);
  assert.match(w.explanation, /2\/3/);
  const town = assertStatus(await s.c.bureau.post('/api/v1/targets', { unit_id: s.units.townA, year: 2026, indicator: 'water_attainment', value: 100 }), 201);
  const pa = assertStatus(await s.c.admin.get(`/api/v1/targets/progress?year=2026&unit_id=${s.units.townA}`), 200).progress;
  const wa = pa.find((x) => x.target.id === town.id);
  assert.deepEqual([wa.to_date, wa.on_track, wa.remaining.sections_to_attain], [100, true, 0]);
  await assertHealthy(s.server);
});

test('audit: section, plot and import writes are recorded', async () => {
  const entries = assertStatus(await s.c.admin.get('/api/v1/audit?limit=1000'), 200).entries;
  const kinds = new Set(entries.map((e) => `${e.action} ${e.entity}`));
  for (const k of ['create water_sections', 'update water_sections', 'create soil_plots', 'import import_batches']) assert.ok(kinds.has(k), k);
  assert.equal(assertStatus(await s.c.admin.get('/api/v1/audit/verify'), 200).ok, true);
});
