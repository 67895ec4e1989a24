import cases from './cases.en'
import type zh from './zh-CN'
import audit from './audit.en'
import targets from './targets.en'
import imports from './imports.en'
import assessment from './assessment.en'
import hj212 from './hj212.en'
import ledger from './ledger.en'
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const en: Shape<typeof zh> = {
  assessment,
  cases,
  app: { title: 'Eco-environment Campaign Platform', short: 'ecogov' },
  nav: { ledger: 'Ledger', hj212: 'Online monitoring', quality: 'Environment', problems: 'Problems', system: 'System', audit: 'Audit', imports: 'Import', overview: 'Overview', air: 'Air quality', stations: 'Stations', water: 'Water', soil: 'Soil', assessment: 'Assessment', org: 'Units and users', menu: 'Menu' },
  header: { logout: 'Sign out', switchTo: '中文', language: 'Language' },
  role: { admin: 'Administrator', bureau: 'Bureau', unit: 'Unit', leader: 'Leader' },
  login: {
    title: 'Sign in',
    subtitle: 'Dengfeng pollution-prevention campaign',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    required: 'Enter your username and password',
    throttled: 'Too many sign-in attempts. Please wait and try again.',
    retryAfter: 'Try again in {s} s.',
    failed: 'Sign-in failed',
  },
  common: {
    save: 'Save', cancel: 'Cancel', edit: 'Edit', add: 'Add', actions: 'Actions', yes: 'Yes', no: 'No',
    loading: 'Loading…', noData: 'No data', refresh: 'Refresh', saved: 'Saved', created: 'Created',
    all: 'All', confirm: 'OK',
  },
  overview: {
    title: 'Air quality overview', date: 'Date', latestHour: 'Latest hour', stations: "Today's AQI by station",
    primary: 'Primary pollutant', none: 'none', time: 'Time', notPublished: 'not published',
    targets: 'Targets for the year', ranking: 'Station ranking', rank: 'Rank', station: 'Station',
    pm25Mean: 'PM2.5 mean', compositeIndex: 'Composite index', goodRatio: 'Good-day ratio',
    target: 'Target', toDate: 'Year to date', daysElapsed: '{n} days elapsed', daysRemaining: '{n} days remaining',
    onTrack: 'On track', offTrack: 'At risk', outOfReach: 'Already out of reach',
    maxMean: 'The remaining {days} days may average at most {v} µg/m³',
    goodDaysNeeded: '{v} good days needed in the remaining {days} days',
    heavyDaysLeft: '{v} heavy-pollution days left',
    noTargets: 'No targets set for this year',
  },
  indicator: {
    pm25_mean: 'PM2.5 annual mean', pm10_mean: 'PM10 annual mean', good_ratio: 'Good-day ratio', water_attainment: 'Water sections attaining target',
    heavy_days: 'Heavy-pollution days', composite_index: 'Composite index',
  },
  air: {
    title: 'Air quality', site: 'Station / city', stationsGroup: 'Stations', citiesGroup: 'Cities', range: 'Date range',
    start: 'Start date', end: 'End date', query: 'Query',
    hourly: 'Hourly concentrations', daily: 'Daily means and AQI', calendar: 'Daily AQI calendar {year}',
    share: 'Category share {year}', evaluation: 'Period evaluation', period: 'Period', year: 'Year',
    periodYear: 'Year', periodQuarter: 'Quarter', periodMonth: 'Month',
    downloadCsv: 'Download CSV', downloadXlsx: 'Download XLSX',
    hourlyCityNote: 'Hourly data are per station: choose a station.', days: 'days', noCategory: 'No valid AQI',
    validDays: 'Valid days', goodDays: 'Good days', heavyDays: 'Heavy days', valid: 'Valid',
    daysPerLevel: 'Days per category', rules: 'Rules',
  },
  water: {
    title: 'Water', year: 'Year', sections: 'Monitoring sections', code: 'Code', name: 'Section', river: 'River / lake',
    kind: 'Kind', target: 'Target', latest: 'Latest month', annual: 'Year', attains: 'Meets target',
    chartTitle: 'Class by month and section, {year}', chartTarget: 'target', drinking: 'Drinking-water sources', noDrinking: 'No drinking-water sources',
    month: 'Month', classAxis: 'Class', openHint: 'Click a section for its details', attained: 'meets the target', notAttained: 'misses the target',
    kinds: { national: 'National', provincial: 'Provincial', city: 'City', county: 'County', drinking_source: 'Drinking-water source' },
    waterBody: { river: 'River', lake: 'Lake / reservoir' },
    back: 'Back to water', sectionTitle: 'Section: {name}', classes: 'Class by month, {year} (dashed: target class)',
    items: 'Items over time', item: 'Item', date: 'Date', value: 'Value', class: 'Class', limitIII: 'Class III limit',
    label: 'Status', cwqi: 'CWQI', mainPollutants: 'Main pollutants', noSection: 'No such section', belowDetection: 'below the detection limit',
    rivers: 'River status', riverName: 'River', riverSections: 'Sections', riverClass: 'Class', riverLabel: 'Status',
    riverMethod: 'Method', riverShares: 'I–III / worse than V', noRivers: 'No rivers',
    riverMethods: { mean: 'Mean of items (under 5 sections)', proportion: 'Class proportions (5+ sections)' },
    riverLabels: { excellent: 'Excellent', good: 'Good', light: 'Lightly polluted', moderate: 'Moderately polluted', heavy: 'Heavily polluted' },
  },
  soil: {
    title: 'Soil', plots: 'Farmland plots', code: 'Code', name: 'Plot', landUse: 'Land use', class: 'Class',
    samples: 'Samples', detail: 'Plot details', sample: 'Sample', date: 'Sampled', ph: 'pH', metal: 'Metal',
    value: 'Content (mg/kg)', screening: 'Screening value', control: 'Control value', exceedance: 'Exceedance (×)', openHint: 'Click a plot for its samples',
    landUses: { paddy: 'Paddy', other: 'Other (dry land etc.)', orchard: 'Orchard', rotation: 'Paddy–upland rotation' },
  },
  stations: {
    title: 'Monitoring stations', code: 'Code', name: 'Name', kind: 'Kind', unit: 'Unit', city: 'City',
    longitude: 'Longitude', latitude: 'Latitude', control: 'Control point', addTitle: 'Add station', editTitle: 'Edit station',
    kinds: { national: 'National', provincial: 'Provincial', county: 'County', micro: 'Micro' },
  },
  org: {
    title: 'Units and users', units: 'Units', people: 'People', users: 'Users', code: 'Code', name: 'Name',
    kind: 'Kind', parent: 'Parent unit', kinds: { bureau: 'Bureau', township: 'Township / street', department: 'Department' },
    post: 'Post', phone: 'Phone', selectUnit: 'Choose a unit', username: 'Username', displayName: 'Name',
    role: 'Role', unit: 'Unit', status: 'Status', enabled: 'Active', disabled: 'Disabled', disable: 'Disable',
    enable: 'Enable', resetPassword: 'Reset password', newUser: 'New user', password: 'Password',
    newPassword: 'New password', passwordReset: 'Password reset', confirmDisable: 'Disable user {name}?',
    addUnit: 'Add unit', noParent: '(none)',
  },
  category: { 1: 'Good', 2: 'Moderate', 3: 'Lightly polluted', 4: 'Moderately polluted', 5: 'Heavily polluted', 6: 'Severely polluted' },
  ledger,
  notFound: 'Page not found',
  forbidden: 'You may not open this page',
  audit,
  targets,
  imports,
  ...hj212,
}
export default en
