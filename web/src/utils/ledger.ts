// Shared helpers of the ledger pages: unit and category names, tag colours.
import { ref } from 'vue'
import { api } from '../api/client'
import type { Unit } from '../api/types'
import type { LedgerCategory, WarningKind } from '../api/ledger'

export const units = ref<Unit[]>([])
export const categories = ref<LedgerCategory[]>([])
let loaded: Promise<void> | null = null

/** Loads the units and categories once per page load. */
export function loadLedgerNames(): Promise<void> {
  loaded ??= Promise.all([
    api.get<{ units: Unit[] }>('/units').then((r) => { units.value = r.units }),
    api.get<{ categories: LedgerCategory[] }>('/ledger/categories').then((r) => { categories.value = r.categories }),
  ]).then(() => undefined, () => { loaded = null })
  return loaded
}

export function unitName(id: number): string {
  return units.value.find((u) => u.id === id)?.name ?? `#${id}`
}

export function categoryName(code: string, locale: string): string {
  const c = categories.value.find((x) => x.code === code)
  if (!c) return code
  return locale === 'en' ? c.name_en : c.name_zh
}

export function warningTag(w: WarningKind | null): 'danger' | 'warning' | 'info' {
  if (w === 'overdue_unreported' || w === 'overdue') return 'danger'
  if (w === 'due_soon') return 'warning'
  return 'info'
}

export function stateTag(s: string): 'success' | 'danger' | 'info' {
  return s === 'done' ? 'success' : s === 'late' ? 'danger' : 'info'
}
