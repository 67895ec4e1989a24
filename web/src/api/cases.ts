// Types and small helpers of the problems API (docs/api.md "Problems and cases").
import type { Unit } from './types'

export interface Problem {
  id: number
  code: string
  kind: string
  source: string
  source_reference: string
  batch_id: number | null
  township_unit_id: number
  address: string
  longitude: number | null
  latitude: number | null
  discovered_on: string
  description: string
  severity: 'general' | 'serious'
  sector: string
  responsible_unit_id: number
  supervising_unit_ids: number[]
  state: string
  version: number
  plan: { goal: string; measures: string[]; deadline: string | null; responsible_person: string }
  warning: 'none' | 'due_soon' | 'overdue'
  created_at: string
  updated_at: string
  allowed_events?: string[]
}

export interface AttachmentInfo { id: number; filename: string; content_type: string; size_bytes: number; url: string }

export interface ProblemEvent {
  id: number
  seq: number
  event: string
  from_state: string
  to_state: string
  reason: string
  person: string
  detail: Record<string, unknown>
  evidence_ids: number[]
  username: string
  at: string
  files: AttachmentInfo[]
}

export interface Accountability {
  id: number
  problem_id: number
  problem_code: string
  township_unit_id: number
  party_secretary: string
  township_head: string
  supervising_unit_ids: number[]
  decision: string
  decided_on: string
  document: string
}

export interface ProblemPage extends Problem {
  history: ProblemEvent[]
  accountability: Accountability[]
  allowed_events: string[]
}

export interface Category { id: string; name_zh: string; name_en: string; damage?: boolean }
export interface Meta { kinds: Category[]; sources: Category[]; states: string[] }

export interface Count { key: string; problems: number; rectified: number; overdue: number }
export interface UnitStats {
  unit_id: number; problems: number; rectified: number; overdue: number; rectification_rate: number | null
  complaints: number; serious_damage_cases: number; accountable_cases: number; veto: boolean
}
export interface Statistics {
  from: string; to: string; problems: number; rectified: number; overdue: number; due_soon: number
  rectification_rate: number | null; by_kind: Count[]; by_state: Count[]; by_month: Count[]; by_township: UnitStats[]
}

export interface Batch { id: number; code: string; title: string; source: string; received_on: string; problems: number; imported_at: string }

export function categoryName(list: Category[], id: string, locale: string): string {
  const c = list.find((x) => x.id === id)
  if (!c) return id
  return locale === 'en' && c.name_en ? c.name_en : c.name_zh
}

export function unitName(units: Unit[], id: number): string {
  return units.find((u) => u.id === id)?.name ?? String(id)
}

export const STATE_TAG: Record<string, 'info' | 'warning' | 'success' | 'danger' | 'primary'> = {
  reported: 'info', verified: 'info', dismissed: 'info', assigned: 'warning', rectifying: 'warning', submitted: 'primary',
  self_accepted: 'primary', bureau_accepted: 'success', public_notice: 'success', closed: 'success',
}
