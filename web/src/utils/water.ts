// Display conventions of docs/api.md "Water and soil" (docs/indicators.md): GB 3838 class colours
// and GB 15618 soil class colours, with a readable text colour on each.
import type { SoilClassText, WaterClass } from '../api/types'

export const WATER_CLASSES: WaterClass[] = ['I', 'II', 'III', 'IV', 'V', '劣V']
export const WATER_COLOURS: Record<WaterClass, string> = {
  I: '#00B0F0',
  II: '#0070C0',
  III: '#00B050',
  IV: '#FFFF00',
  V: '#FFC000',
  劣V: '#FF0000',
}
/** text on the class colour with a contrast of at least 4.5 */
export const WATER_TEXT: Record<WaterClass, string> = {
  I: '#001b26',
  II: '#ffffff',
  III: '#001a0b',
  IV: '#333300',
  V: '#2b2000',
  劣V: '#1a0000',
}
export const NO_CLASS_COLOUR = '#d9dde3'

/** 1 (I) … 6 (劣V); 0 when unknown */
export function waterIndex(c: string | null | undefined): number {
  if (!c) return 0
  const i = WATER_CLASSES.indexOf(c as WaterClass)
  return i < 0 ? 0 : i + 1
}
export function isWaterClass(c: unknown): c is WaterClass {
  return typeof c === 'string' && WATER_CLASSES.includes(c as WaterClass)
}
/** "III类" / "Class III"; 劣V → "劣V类" / "Worse than V" */
export function waterClassText(c: string | null | undefined, locale: string): string {
  if (!isWaterClass(c)) return '—'
  if (locale === 'en') return c === '劣V' ? 'Worse than V' : `Class ${c}`
  return `${c}类`
}
/** qualitative label by class (I–II 优, III 良好, IV 轻度污染, V 中度污染, 劣V 重度污染) */
export function waterLabel(c: string | null | undefined, locale: string): string {
  const i = waterIndex(c)
  if (!i) return ''
  const zh = ['优', '优', '良好', '轻度污染', '中度污染', '重度污染']
  const en = ['excellent', 'excellent', 'good', 'lightly polluted', 'moderately polluted', 'heavily polluted']
  return (locale === 'en' ? en : zh)[i - 1]
}

export type SoilClassKey = 'priority_protection' | 'safe_use' | 'strict_control'
export const SOIL_CLASSES: SoilClassKey[] = ['priority_protection', 'safe_use', 'strict_control']
export const SOIL_ZH: Record<SoilClassKey, string> = { priority_protection: '优先保护', safe_use: '安全利用', strict_control: '严格管控' }
export const SOIL_EN: Record<SoilClassKey, string> = { priority_protection: 'Priority protection', safe_use: 'Safe use', strict_control: 'Strict control' }
export const SOIL_COLOURS: Record<SoilClassKey, string> = { priority_protection: '#00B050', safe_use: '#FFC000', strict_control: '#FF0000' }
export const SOIL_TEXT: Record<SoilClassKey, string> = { priority_protection: '#001a0b', safe_use: '#2b2000', strict_control: '#1a0000' }

/** The API may spell a soil class by its Chinese name or the engine's id. */
export function soilKey(c: SoilClassText | undefined): SoilClassKey | null {
  if (!c) return null
  if ((SOIL_CLASSES as string[]).includes(c)) return c as SoilClassKey
  for (const k of SOIL_CLASSES) if (SOIL_ZH[k] === c) return k
  return null
}
export function soilClassText(c: SoilClassText | undefined, locale: string): string {
  const k = soilKey(c)
  if (!k) return locale === 'en' ? 'undetermined' : '未定'
  return locale === 'en' ? SOIL_EN[k] : SOIL_ZH[k]
}

/** A measured value with its detection-limit flag: "ND", "<0.01" or the number. */
export function flaggedValue(value: number | null | undefined, below: boolean): string {
  if (below) return value === null || value === undefined ? 'ND' : `<${value}`
  if (value === null || value === undefined) return '—'
  return String(value)
}
