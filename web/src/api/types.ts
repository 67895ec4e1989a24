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
