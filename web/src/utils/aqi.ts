// HJ 633 AQI categories and their official colours (shared/docs/standards/air.md §1.5).
import type { Category } from '../api/types'

export interface Level {
  level: number
  min: number
  max: number
  colour: string
  /** readable text colour on the category colour */
  text: string
  name_zh: string
  name_en: string
}

export const LEVELS: Level[] = [
  { level: 1, min: 0, max: 50, colour: '#00E400', text: '#0b2e0b', name_zh: '优', name_en: 'good' },
  { level: 2, min: 51, max: 100, colour: '#FFFF00', text: '#333300', name_zh: '良', name_en: 'moderate' },
  { level: 3, min: 101, max: 150, colour: '#FF7E00', text: '#2b1500', name_zh: '轻度污染', name_en: 'lightly polluted' },
  { level: 4, min: 151, max: 200, colour: '#FF0000', text: '#1a0000', name_zh: '中度污染', name_en: 'moderately polluted' },
  { level: 5, min: 201, max: 300, colour: '#99004C', text: '#ffffff', name_zh: '重度污染', name_en: 'heavily polluted' },
  { level: 6, min: 301, max: Infinity, colour: '#7E0023', text: '#ffffff', name_zh: '严重污染', name_en: 'severely polluted' },
]

export const NO_DATA_COLOUR = '#d9dde3'

export function levelOfAqi(aqi: number | null | undefined): Level | null {
  if (aqi === null || aqi === undefined || Number.isNaN(aqi)) return null
  for (const l of LEVELS) if (aqi <= l.max) return l
  return LEVELS[5]
}

export function levelOf(category: Category | null | undefined, aqi?: number | null): Level | null {
  if (category && category.level >= 1 && category.level <= 6) return LEVELS[category.level - 1]
  if (category === null) return null
  return levelOfAqi(aqi)
}

export function categoryName(l: Level | null, locale: string): string {
  if (!l) return ''
  return locale === 'en' ? l.name_en : l.name_zh
}

export const POLLUTANTS = ['so2', 'no2', 'co', 'o3', 'pm10', 'pm25'] as const
export type PollutantKey = (typeof POLLUTANTS)[number]
export const POLLUTANT_LABEL: Record<string, string> = {
  so2: 'SO₂', no2: 'NO₂', co: 'CO', o3: 'O₃', pm10: 'PM10', pm25: 'PM2.5',
  o3_8h_max: 'O₃-8h', o3_1h_max: 'O₃-1h',
}
export function unitOf(p: string): string {
  return p === 'co' ? 'mg/m³' : 'µg/m³'
}

export function fmt(v: number | null | undefined, digits = 0): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—'
  return v.toFixed(digits)
}
