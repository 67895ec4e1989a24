export default {
  title: '年度目标', manage: '管理目标', year: '年度', unit: '单位', indicator: '指标', value: '目标值', note: '备注',
  toDate: '年初至今', status: '进度', add: '新增目标', editTitle: '修改目标', addTitle: '新增目标',
  remove: '删除', removeConfirm: '确定删除“{unit} · {indicator}”的目标吗？删除记入审计日志。', removed: '已删除',
  onTrack: '进度正常', offTrack: '存在风险', outOfReach: '已无法完成', noProgress: '暂无数据',
  hint: '目标由生态环境局下达；各单位和领导可查看。指标单位：浓度 µg/m³，比例 %，天数 天。',
}
