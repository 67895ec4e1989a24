// 在线监测（HJ 212）页面的中文文本（issue 7）。
export default {
  hj212: {
    title: '在线监测',
    subtitle: 'HJ 212 在线监控数据：企业排口、工地扬尘、监测站',
    tabs: { devices: '设备状态', latest: '最新数据', chart: '趋势图', alarms: '告警', registry: '登记管理' },
    summary: { devices: '设备', online: '在线', offline: '离线', stored: '已入库数据包', quarantined: '隔离数据包', exceedance: '超标告警', outage: '断线告警' },
    device: { mn: '设备编号 MN', enterprise: '企业/工地', outlet: '排口/监测点', kind: '类型', st: '系统编码', lastSeen: '最后通信', status: '状态', online: '在线', offline: '离线', never: '从未通信', alarms: '未关闭告警' },
    outletKind: { gas: '废气', water: '废水', dust: '扬尘', air: '空气' },
    enterpriseKind: { enterprise: '企业', construction_site: '建筑工地', station: '监测站' },
    latest: { outlet: '排口', code: '因子', value: '最新值', limit: '限值', unit: '单位', time: '数据时间', cn: '数据类型', state: '判定', exceeded: '超标', ok: '达标', noLimit: '无限值' },
    cn: { 2011: '实时', 2051: '分钟', 2061: '小时', 2031: '日' },
    chart: { device: '设备', code: '因子', cn: '数据类型', avg: '均值', limit: '限值' },
    alarms: { exceedanceTitle: '超标告警', outageTitle: '断线告警', records: '超标记录', kind: '类型', title: '内容', detail: '说明', opened: '发生时间', closed: '恢复时间', open: '未恢复', problem: '整改问题', pending: '待关联问题', linked: '已关联', run: '连续次数', value: '监测值', limit: '限值', time: '数据时间', none: '暂无告警' },
    alarmKind: { exceedance: '超标', outage: '断线', clock_skew: '时钟偏差' },
    frames: { title: '原始数据包', hint: '点击设备查看其最近的原始数据包（留存备查）。', received: '接收时间', status: '状态', reason: '原因', raw: '原始报文', statuses: { stored: '已入库', duplicate: '重复', quarantined: '隔离', rejected: '拒收' } },
    registry: { enterprises: '企业与工地', outlets: '排口与监测点', devices: '监测设备', limits: '排放限值', name: '名称', code: '编号', township: '所属乡镇', address: '地址', dialect: '协议版本', crc: 'CRC 方式', interval: '上报间隔（秒）', timeSet: '允许校时', concentration: '浓度限值', converted: '折算浓度限值', hourly: '小时限值', daily: '日限值', addEnterprise: '新增企业/工地', addOutlet: '新增排口', addDevice: '新增设备', setLimit: '设置限值', pollutants: '监测因子（逗号分隔）', pw: '访问密码 PW' },
  },
}
