// 问题与案件 (issue 5): messages of the problems pages, Chinese.
export default {
  title: '问题与案件',
  tabs: { list: '问题清单', townships: '属地分布', stats: '统计分析', accountability: '问责记录', batches: '督察批次' },
  filter: { kind: '类型', township: '属地', state: '状态', overdue: '仅看逾期', all: '全部' },
  col: {
    code: '编号', kind: '类型', township: '属地', discovered: '发现日期', description: '问题描述', severity: '严重程度',
    state: '状态', deadline: '整改时限', warning: '预警', responsible: '责任单位', supervising: '监管部门', address: '地址',
    source: '来源', sector: '行业领域', person: '责任人', goal: '整改目标', measures: '整改措施',
  },
  severity: { general: '一般', serious: '严重后果' },
  warning: { none: '', due_soon: '临期', overdue: '逾期' },
  state: {
    reported: '已发现', verified: '已核实', dismissed: '不予立案', assigned: '已交办', rectifying: '整改中',
    submitted: '申请验收', self_accepted: '自验通过', bureau_accepted: '局验收通过', public_notice: '公示中', closed: '已销号',
  },
  event: {
    register: '登记', add_evidence: '上传佐证', verify: '核实', dismiss: '不予立案', assign: '交办整改',
    start_rectification: '开始整改', report_progress: '报告进展', submit: '申请验收', self_accept: '自行验收',
    bureau_accept: '局验收通过', return: '退回', publish_notice: '公示', close: '销号',
  },
  register: '登记问题', export: '导出台账', count: '共 {n} 个问题',
  form: {
    reason: '理由', note: '进展说明', person: '验收人', evidence: '佐证材料', upload: '上传文件', noEvidence: '尚无佐证材料，请先上传',
    required: '请填写必填项', measuresHint: '每行一条措施', discovered: '发现日期', done: '已完成',
  },
  page: {
    back: '返回清单', info: '基本信息', plan: '整改方案', timeline: '办理过程', actions: '可办理操作', noActions: '当前无可办理的操作',
    accountability: '问责记录', by: '经办', files: '附件', version: '版本',
  },
  acc: { secretary: '党委书记', head: '乡镇长', departments: '监管部门', decision: '处理决定', date: '决定日期', document: '文件', problem: '案件' },
  stats: {
    total: '问题总数', rectified: '已整改', rate: '整改率', overdue: '逾期', dueSoon: '临期', byKind: '按类型', byTownship: '按属地',
    byMonth: '按月份', veto: '一票否决', problems: '问题数',
  },
  batches: { code: '批次号', title: '名称', received: '收到日期', problems: '问题数', report: '整改报告', html: '打印版', xlsx: 'Excel' },
}
