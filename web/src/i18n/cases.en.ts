// Problems and cases (issue 5): messages of the problems pages, English.
export default {
  title: 'Problems and cases',
  tabs: { list: 'Problems', townships: 'By township', stats: 'Statistics', accountability: 'Accountability', batches: 'Inspection batches' },
  filter: { kind: 'Kind', township: 'Township', state: 'State', overdue: 'Overdue only', all: 'All' },
  col: {
    code: 'Code', kind: 'Kind', township: 'Township', discovered: 'Discovered', description: 'Description', severity: 'Severity',
    state: 'State', deadline: 'Deadline', warning: 'Warning', responsible: 'Responsible unit', supervising: 'Supervising', address: 'Address',
    source: 'Source', sector: 'Sector', person: 'Responsible person', goal: 'Goal', measures: 'Measures',
  },
  severity: { general: 'General', serious: 'Serious consequences' },
  warning: { none: '', due_soon: 'Due soon', overdue: 'Overdue' },
  state: {
    reported: 'Reported', verified: 'Verified', dismissed: 'Dismissed', assigned: 'Assigned', rectifying: 'Rectifying',
    submitted: 'Submitted', self_accepted: 'Self-accepted', bureau_accepted: 'Accepted by bureau', public_notice: 'Public notice', closed: 'Closed',
  },
  event: {
    register: 'Registered', add_evidence: 'Evidence', verify: 'Verify', dismiss: 'Dismiss', assign: 'Assign',
    start_rectification: 'Start rectification', report_progress: 'Report progress', submit: 'Submit for acceptance', self_accept: 'Self-accept',
    bureau_accept: 'Bureau accepts', return: 'Return', publish_notice: 'Publish notice', close: 'Close',
  },
  register: 'Register a problem', export: 'Export ledger', count: '{n} problems',
  form: {
    reason: 'Reason', note: 'Progress', person: 'Accepted by', evidence: 'Evidence', upload: 'Upload a file', noEvidence: 'No evidence yet: upload one first',
    required: 'Fill in the required fields', measuresHint: 'One measure per line', discovered: 'Discovered on', done: 'Done',
  },
  page: {
    back: 'Back to the list', info: 'Details', plan: 'Rectification plan', timeline: 'History', actions: 'Actions', noActions: 'Nothing to do here now',
    accountability: 'Accountability', by: 'by', files: 'Files', version: 'Version',
  },
  acc: { secretary: 'Party secretary', head: 'Township head', departments: 'Departments', decision: 'Decision', date: 'Date', document: 'Document', problem: 'Case' },
  stats: {
    total: 'Problems', rectified: 'Rectified', rate: 'Rectification rate', overdue: 'Overdue', dueSoon: 'Due soon', byKind: 'By kind', byTownship: 'By township',
    byMonth: 'By month', veto: 'Veto', problems: 'Problems',
  },
  batches: { code: 'Batch', title: 'Title', received: 'Received', problems: 'Problems', report: 'Rectification report', html: 'Printable', xlsx: 'Excel' },
}
