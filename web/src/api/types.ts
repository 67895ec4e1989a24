// Shapes of docs/api.md (JSON API v1). Keep in step with the contract.
export type Role = 'admin' | 'bureau' | 'unit' | 'leader'

export interface User {
  id: number
  username: string
  display_name: string
  role: Role
  unit_id: number
  unit_name: string
  disabled: boolean
}

export interface SessionAnswer {
  user: User
  csrf_token: string
}

export type UnitKind = 'bureau' | 'township' | 'department'
export interface Unit {
  id: number
  code: string
  name: string
  kind: UnitKind
  parent_id: number | null
}

export interface Person {
  id: number
  unit_id: number
  name: string
  post: string
  phone: string
}

export type StationKind = 'national' | 'provincial' | 'county' | 'micro'
export interface Station {
  id: number
  code: string
  name: string
  kind: StationKind
  unit_id: number
  city: string
  longitude: number | null
  latitude: number | null
  control: boolean
}

export interface Category {
  level: number
  name_zh: string
  name_en: string
  colour: string
}

export interface OverviewStation {
  code: string
  name: string
  time: string
  aqi: number | null
  category: Category | null
  primary: string
}

export interface RankingRow {
  code: string
  name: string
  pm25_mean: number | null
  composite_index: number | null
  good_ratio: number | null
  rank: number
}

export interface Target {
  id: number
  unit_id: number
  year: number
  indicator: string
  value: number
  note: string
}

export interface TargetProgress {
  target: Target
  to_date: number | null
  days_elapsed: number
  days_remaining: number
  on_track: boolean
  remaining: { max_mean?: number | null; good_days_needed?: number | null; heavy_days_left?: number | null; [k: string]: unknown }
  out_of_reach: boolean
  explanation: string
}

export interface Overview {
  date: string
  latest_hour: string
  stations: OverviewStation[]
  ranking: RankingRow[]
  targets: TargetProgress[]
}

export interface HourlyRow {
  time: string
  rules: string
  aqi: number | null
  primary: string
  category: Category | null
  so2: number | null
  no2: number | null
  co: number | null
  o3: number | null
  pm10: number | null
  pm25: number | null
}

export interface DailyRow {
  date: string
  rules: string
  aqi: number | null
  primary: string
  category: Category | null
  so2: number | null
  no2: number | null
  co: number | null
  pm10: number | null
  pm25: number | null
  o3_8h_max: number | null
  o3_1h_max: number | null
  valid: boolean
}

export interface EvaluationRow {
  period: string
  rules: string
  so2_mean: number | null
  no2_mean: number | null
  pm10_mean: number | null
  pm25_mean: number | null
  so2_p98?: number | null
  no2_p98?: number | null
  pm10_p95?: number | null
  pm25_p95?: number | null
  co_p95: number | null
  o3_8h_p90: number | null
  valid_days: number
  good_days: number
  good_ratio: number | null
  heavy_days: number
  composite_index: number | null
  valid: boolean
  days_per_level: number[]
}

export interface ApiErrorBody {
  error: { code: string; message: string; field?: string | null }
}

// ---------------------------------------------------------------- water and soil (issue 8)
/** GB 3838 class as the API spells it. */
export type WaterClass = 'I' | 'II' | 'III' | 'IV' | 'V' | '劣V'
export type SectionKind = 'national' | 'provincial' | 'city' | 'county' | 'drinking_source'
export interface Section {
  id: number
  code: string
  name: string
  water_body: 'river' | 'lake'
  river: string
  unit_id: number
  target_class: WaterClass
  kind: SectionKind
  longitude: number | null
  latitude: number | null
}
export interface WaterMonth {
  period: string
  class: WaterClass | null
  label: string
  cwqi: number | null
  attains: boolean | null
}
export interface WaterAnnual {
  class: WaterClass | null
  label: string
  cwqi: number | null
  attains: boolean | null
  /** item ids or names; the contract leaves list-or-string open */
  main_pollutants: string[] | string | null
}
export interface SectionClasses {
  section: Section
  months: WaterMonth[]
  annual: WaterAnnual | null
}
export interface WaterClasses {
  year: number
  sections: SectionClasses[]
}
/** GET /water/rivers: a river's status (《地表水环境质量评价办法（试行）》); `class` only by the mean method */
export interface RiverStatus {
  river: string
  sections: number
  class: WaterClass | null
  label: '' | '优' | '良好' | '轻度污染' | '中度污染' | '重度污染'
  method: 'mean' | 'proportion'
  good_sections: number
  worse_than_v_sections: number
}
export interface WaterRivers {
  year: number
  rivers: RiverStatus[]
}
export interface WaterItemRow {
  date: string
  item: string
  item_name: string
  value: number | null
  below_detection: boolean
  class: WaterClass | null
  /** not in the contract yet: the item's class III limit, drawn as a mark line when given */
  class_iii_limit?: number | null
}
export interface SectionItems {
  section: Section
  rows: WaterItemRow[]
}

export type LandUse = 'paddy' | 'other' | 'orchard' | 'rotation'
export interface Plot {
  id: number
  code: string
  name: string
  unit_id: number
  land_use: LandUse
  longitude: number | null
  latitude: number | null
}
/** GB 15618 class: the Chinese name (优先保护 …) or the engine's id (priority_protection …); null when undetermined */
export type SoilClassText = string | null
export interface PlotWithClass extends Plot {
  class: SoilClassText
  /** a count, or counts per class */
  samples: number | Record<string, number>
}
export interface SoilMetal {
  value: number | null
  /** not in the contract: the server flags "<L"/"ND" values (value = L or null) */
  below_detection?: boolean
  screening: number | null
  control: number | null
  class: SoilClassText
  exceedance: number | null
}
export interface SoilSample {
  sample: string
  date: string
  ph: number | null
  class: SoilClassText
  metals: Record<string, SoilMetal>
}
export interface PlotDetail {
  plot: Plot
  class: SoilClassText
  samples: SoilSample[]
}
