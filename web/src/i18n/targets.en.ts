export default {
  title: 'Annual targets', manage: 'Manage targets', year: 'Year', unit: 'Unit', indicator: 'Indicator', value: 'Target', note: 'Note',
  toDate: 'Year to date', status: 'Progress', add: 'Add target', editTitle: 'Edit target', addTitle: 'New target',
  remove: 'Delete', removeConfirm: 'Delete the target "{unit} · {indicator}"? The deletion is recorded in the audit trail.', removed: 'Deleted',
  onTrack: 'On track', offTrack: 'At risk', outOfReach: 'Out of reach', noProgress: 'No data yet',
  hint: 'The bureau sets the targets; units and leaders read them. Units: concentrations µg/m³, ratios %, days.',
}
