// Types of the task ledger API (docs/api.md "Task ledger").
export type WarningKind = 'due_soon' | 'overdue' | 'overdue_unreported'

export interface LedgerCategory { code: string; name_zh: string; name_en: string; sort_order: number }

export interface LedgerMilestone {
  id: number
  seq: number
  due: string
  deliverable: string
  responsible_unit_id: number
  state: 'pending' | 'done' | 'late'
  done_on: string | null
  evidence_report_id: number | null
  evidence: string
}

export interface LedgerWarning { kind: WarningKind; milestone_seq: number; due: string; days: number }

export interface LedgerTask {
  id: number
  code: string
  title: string
  category: string
  content: string
  measures: string[]
  lead_unit_id: number
  lead_unit_name: string
  cooperating_unit_ids: number[]
  responsible_leader: string
  responsible_person: string
  target_id: number | null
  start: string
  due: string
  priority: 'low' | 'normal' | 'high' | 'urgent'
  source_document: string
  status: string
  key_project: boolean
  investment_planned: number | null
  investment_completed: number | null
  physical_progress: number | null
  last_report_on: string | null
  version: number
  progress: { done: number; total: number; percent: number }
  warning: WarningKind | null
  warnings: LedgerWarning[]
  cards: { yellow: number; red: number }
  milestones: LedgerMilestone[]
}

export interface LedgerPage { total: number; offset: number; limit: number; today: string; items: LedgerTask[] }

export interface Attachment { id: number; filename: string; content_type: string; size_bytes: number; url: string }

export interface LedgerReport {
  id: number
  task_id: number
  task_code: string
  task_title: string
  milestone_id: number
  milestone_seq: number
  unit_id: number
  reported_on: string
  percent: number
  body: string
  status: 'pending' | 'accepted' | 'returned'
  review_reason: string
  created_at: string
  attachments: Attachment[]
}

export interface LedgerCard {
  id: number
  task_id: number
  unit_id: number
  color: 'yellow' | 'red'
  issued_on: string
  milestone_seq: number | null
  reason: string
}

export interface LedgerNotice {
  id: number
  task_id: number | null
  task_code: string
  unit_id: number
  level: number
  deadline: string
  body: string
  status: 'open' | 'answered'
  answer: string
  answered_at: string
  issued_at: string
  escalated_at: string
}

export interface LedgerTaskDetail extends LedgerTask {
  reports: LedgerReport[]
  card_list: LedgerCard[]
  notices: LedgerNotice[]
}

export interface LedgerStatRow {
  key: string
  name: string
  tasks: number
  milestones_due: number
  done: number
  on_time: number
  late: number
  completion_rate: number
  yellow_cards: number
  red_cards: number
}

export interface LedgerStatistics { from: string; to: string; units: LedgerStatRow[]; categories: LedgerStatRow[] }
