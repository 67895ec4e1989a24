export default {
  title: '数据导入',
  hint: '整批导入：文件中任何一行有误则整批不入库，并列出出错的行号和原因。责任单位只能导入本单位的站点、断面和地块。',
  kind: '数据类型', file: '文件', choose: '选择文件', upload: '上传并导入', uploading: '上传中 {p}%', processing: '服务器处理中…',
  kinds: { observations: '空气监测数据（小时值）', water: '地表水监测数据', soil: '土壤监测数据' } as Record<string, string>,
  formats: {
    observations: 'CSV：ecogov air 支持的格式（china_sites 宽表、CNEMC 长表、PRSA），可为 .gz',
    water: 'CSV 或 XLSX，表头：section,water_body,date,item,value',
    soil: 'CSV 或 XLSX，表头：plot,sample,date,ph,cd,hg,as,pb,cr,cu,ni,zn（mg/kg，ND 或 <x 表示未检出）',
  } as Record<string, string>,
  done: '导入完成', failed: '导入失败，未写入任何数据', batch: '批次', accepted: '接收行数', changed: '变更行数', rejected: '拒收行数',
  errors: '错误明细', line: '行', column: '列', field: '字段', message: '原因', moreErrors: '另有 {n} 条错误未显示',
}
