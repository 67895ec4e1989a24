// English texts of the online-monitoring (HJ 212) page (issue 7).
export default {
  hj212: {
    title: 'Online monitoring',
    subtitle: 'HJ 212 data from enterprise outlets, construction-site dust monitors and stations',
    tabs: { devices: 'Devices', latest: 'Latest values', chart: 'Charts', alarms: 'Alarms', registry: 'Registry' },
    summary: { devices: 'Devices', online: 'Online', offline: 'Offline', stored: 'Frames stored', quarantined: 'Frames quarantined', exceedance: 'Exceedance alarms', outage: 'Outage alarms' },
    device: { mn: 'Device MN', enterprise: 'Enterprise / site', outlet: 'Outlet / point', kind: 'Kind', st: 'ST', lastSeen: 'Last seen', status: 'Status', online: 'Online', offline: 'Offline', never: 'Never seen', alarms: 'Open alarms' },
    outletKind: { gas: 'Flue gas', water: 'Wastewater', dust: 'Dust', air: 'Air' },
    enterpriseKind: { enterprise: 'Enterprise', construction_site: 'Construction site', station: 'Station' },
    latest: { outlet: 'Outlet', code: 'Pollutant', value: 'Latest', limit: 'Limit', unit: 'Unit', time: 'Data time', cn: 'Data', state: 'Verdict', exceeded: 'Exceeds', ok: 'Within limit', noLimit: 'No limit' },
    cn: { 2011: 'Real time', 2051: 'Minute', 2061: 'Hourly', 2031: 'Daily' },
    chart: { device: 'Device', code: 'Pollutant', cn: 'Data', avg: 'Average', limit: 'Limit' },
    alarms: { exceedanceTitle: 'Exceedance alarms', outageTitle: 'Outage alarms', records: 'Exceedance records', kind: 'Kind', title: 'Alarm', detail: 'Detail', opened: 'Opened', closed: 'Closed', open: 'Open', problem: 'Problem', pending: 'Pending link', linked: 'Linked', run: 'Run', value: 'Value', limit: 'Limit', time: 'Data time', none: 'No alarms' },
    alarmKind: { exceedance: 'Exceedance', outage: 'Outage', clock_skew: 'Clock skew' },
    frames: { title: 'Raw frames', hint: 'Click a device to see its latest raw frames (kept for audit).', received: 'Received', status: 'Status', reason: 'Reason', raw: 'Frame', statuses: { stored: 'Stored', duplicate: 'Duplicate', quarantined: 'Quarantined', rejected: 'Rejected' } },
    registry: { enterprises: 'Enterprises and sites', outlets: 'Outlets and points', devices: 'Devices', limits: 'Emission limits', name: 'Name', code: 'Code', township: 'Township', address: 'Address', dialect: 'Dialect', crc: 'CRC', interval: 'Interval (s)', timeSet: 'Time set allowed', concentration: 'Concentration', converted: 'Converted', hourly: 'Hourly', daily: 'Daily', addEnterprise: 'Add enterprise / site', addOutlet: 'Add outlet', addDevice: 'Add device', setLimit: 'Set limit', pollutants: 'Pollutant codes (comma separated)', pw: 'Password PW' },
  },
}
