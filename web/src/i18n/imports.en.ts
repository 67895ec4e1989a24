export default {
  title: 'Data import',
  hint: 'Whole-batch import: if any row of the file is wrong nothing is stored, and the rows at fault are listed with their reasons. A unit imports only for its own stations, sections and plots.',
  kind: 'Data', file: 'File', choose: 'Choose a file', upload: 'Upload and import', uploading: 'Uploading {p}%', processing: 'The server is processing…',
  kinds: { observations: 'Air monitoring (hourly)', water: 'Surface water samples', soil: 'Soil samples' } as Record<string, string>,
  formats: {
    observations: 'CSV in any format `ecogov air` reads (china_sites wide, CNEMC long, PRSA), optionally .gz',
    water: 'CSV or XLSX with the header section,water_body,date,item,value',
    soil: 'CSV or XLSX with the header plot,sample,date,ph,cd,hg,as,pb,cr,cu,ni,zn (mg/kg; ND or <x below detection)',
  } as Record<string, string>,
  done: 'Imported', failed: 'Import refused; nothing was stored', batch: 'Batch', accepted: 'Rows accepted', changed: 'Rows changed', rejected: 'Rows rejected',
  errors: 'Errors', line: 'Line', column: 'Column', field: 'Field', message: 'Reason', moreErrors: '{n} more errors not shown',
}
