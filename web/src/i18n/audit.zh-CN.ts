export default {
  title: '审计日志',
  hint: '每一次写操作都按时间顺序记入哈希链，任何改写或删除都会在校验时暴露。',
  id: '序号', at: '时间', user: '操作人', action: '操作', entity: '对象', entityId: '编号',
  change: '变更内容', before: '变更前', after: '变更后', more: '加载更早的记录', end: '已到最早的记录',
  verify: '校验哈希链', verifying: '校验中…',
  verifyOk: '审计链完整：共 {n} 条记录校验通过。',
  verifyBad: '审计链被破坏：第 {id} 条起异常（{problem}）。',
  actions: {
    create: '新增', update: '修改', delete: '删除', login: '登录', logout: '退出', import: '导入',
    disable: '停用', passwd: '修改密码',
  } as Record<string, string>,
  entities: {
    users: '用户', units: '单位', people: '人员', stations: '监测站点', targets: '目标', observations: '监测数据',
    import_batches: '导入批次', water_sections: '水质断面', soil_plots: '土壤地块', attachments: '附件',
  } as Record<string, string>,
}
