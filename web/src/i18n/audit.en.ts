export default {
  title: 'Audit trail',
  hint: 'Every write is recorded in order in a hash chain; any row rewritten or removed shows when the chain is verified.',
  id: 'No.', at: 'Time', user: 'User', action: 'Action', entity: 'Record', entityId: 'ID',
  change: 'Change', before: 'Before', after: 'After', more: 'Load older entries', end: 'No older entries',
  verify: 'Verify the chain', verifying: 'Verifying…',
  verifyOk: 'The audit chain is intact: {n} entries verified.',
  verifyBad: 'The audit chain is broken from entry {id} ({problem}).',
  actions: {
    create: 'create', update: 'update', delete: 'delete', login: 'sign in', logout: 'sign out', import: 'import',
    disable: 'disable', passwd: 'password',
  } as Record<string, string>,
  entities: {
    users: 'user', units: 'unit', people: 'person', stations: 'station', targets: 'target', observations: 'observations',
    import_batches: 'import batch', water_sections: 'water section', soil_plots: 'soil plot', attachments: 'attachment',
  } as Record<string, string>,
}
