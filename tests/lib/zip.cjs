// ZIP and XLSX helpers shared by the API and browser tests (Node only, no dependencies):
// `zip(files)` writes an archive of deflated entries from [name, text] pairs, `unzip(buf)` reads
// the entries of an archive (stored or deflated) by name, and `firstSheetRows(buf)` gives the rows
// (arrays of cell text, shared strings resolved) of an XLSX workbook's first worksheet.
'use strict';
const zlib = require('zlib');

function crc32(buf) {
  let crc = 0xFFFFFFFF;
  for (const b of buf) {
    let c = (crc ^ b) & 0xFF;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xEDB88320 : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xFFFFFFFF) >>> 0;
}

function zip(files) {
  const parts = []; const central = []; let offset = 0;
  for (const [name, text] of files) {
    const data = Buffer.from(text, 'utf8'); const packed = zlib.deflateRawSync(data); const n = Buffer.from(name);
    const local = Buffer.alloc(30); const dir = Buffer.alloc(46);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(n.length, 26);
    dir.writeUInt32LE(0x02014b50, 0); dir.writeUInt16LE(20, 4); dir.writeUInt16LE(20, 6); dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc32(data), 16); dir.writeUInt32LE(packed.length, 20); dir.writeUInt32LE(data.length, 24); dir.writeUInt16LE(n.length, 28); dir.writeUInt32LE(offset, 42);
    parts.push(local, n, packed); central.push(dir, n); offset += 30 + n.length + packed.length;
  }
  const cd = Buffer.concat(central); const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length, 8); end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

function unzip(buf) {
  const files = {};
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) --end;
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  for (let i = 0; i < count; ++i) {
    const method = buf.readUInt16LE(p + 10); const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28); const extra = buf.readUInt16LE(p + 30); const comment = buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42); const name = buf.subarray(p + 46, p + 46 + nameLen).toString();
    const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    const data = buf.subarray(start, start + size);
    files[name] = method === 8 ? zlib.inflateRawSync(data) : data;
    p += 46 + nameLen + extra + comment;
  }
  return files;
}

function firstSheetRows(buf) {
  const files = unzip(buf);
  const shared = [...String(files['xl/sharedStrings.xml'] || '').matchAll(/<si>(.*?)<\/si>/gs)]
    .map((m) => [...m[1].matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join(''));
  const sheet = String(files['xl/worksheets/sheet1.xml'] || '');
  return [...sheet.matchAll(/<row[^>]*>(.*?)<\/row>/gs)].map((row) =>
    [...row[1].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)].reduce((cells, [, col, attrs, inner]) => {
      const v = (/<v>(.*?)<\/v>/s.exec(inner || '') || [])[1] || '';
      cells[col.charCodeAt(0) - 65] = /t="s"/.test(attrs) ? shared[Number(v)] : v;
      return cells;
    }, []));
}

module.exports = { zip, unzip, firstSheetRows };
