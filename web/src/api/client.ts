// The one place that talks to the server: same-origin cookie session, the CSRF token kept from
// login/me and sent as X-CSRF-Token on every write, 401 → sign-in page, API errors → ElMessage.
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import type { ApiErrorBody } from './types'

export const API_BASE = '/api/v1'

export class ApiError extends Error {
  status: number
  code: string
  field: string | null
  retryAfter: string | null
  constructor(status: number, code: string, message: string, field: string | null, retryAfter: string | null) {
    super(message)
    this.status = status
    this.code = code
    this.field = field
    this.retryAfter = retryAfter
  }
}

let csrfToken = ''
export function setCsrfToken(token: string): void {
  csrfToken = token
}

type UnauthorizedHandler = () => void
let onUnauthorized: UnauthorizedHandler = () => {}
export function setUnauthorizedHandler(h: UnauthorizedHandler): void {
  onUnauthorized = h
}

export type Query = Record<string, string | number | boolean | null | undefined>

export function buildQuery(query?: Query): string {
  if (!query) return ''
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    p.set(k, String(v))
  }
  const s = p.toString()
  return s ? `?${s}` : ''
}

export interface RequestOptions {
  query?: Query
  body?: unknown
  /** do not show an ElMessage for errors (the caller shows them) */
  silent?: boolean
  /** do not redirect to the sign-in page on 401 (login, me) */
  no401Redirect?: boolean
  /** answer as a Blob (downloads) */
  blob?: boolean
}

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

async function errorFrom(res: Response): Promise<ApiError> {
  let code = `http_${res.status}`
  let message = `${res.status} ${res.statusText}`
  let field: string | null = null
  try {
    const text = await res.text()
    if (text) {
      const j = JSON.parse(text) as ApiErrorBody
      if (j && j.error) {
        code = j.error.code || code
        message = j.error.message || message
        field = j.error.field ?? null
      }
    }
  } catch {
    /* not JSON: keep the status line */
  }
  return new ApiError(res.status, code, message, field, res.headers.get('Retry-After'))
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: opts.blob ? '*/*' : 'application/json' }
  let body: BodyInit | undefined
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }
  if (WRITE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken
  let res: Response
  try {
    res = await fetch(API_BASE + path + buildQuery(opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
    })
  } catch (e) {
    const err = new ApiError(0, 'network', (e as Error).message || 'network error', null, null)
    if (!opts.silent) ElMessage.error(err.message)
    throw err
  }
  if (!res.ok) {
    const err = await errorFrom(res)
    if (res.status === 401 && !opts.no401Redirect) {
      onUnauthorized()
    } else if (!opts.silent) {
      ElMessage.error(err.message)
    }
    throw err
  }
  if (opts.blob) return (await res.blob()) as T
  if (res.status === 204) return undefined as T
  return (await res.json()) as T
}

export const api = {
  get: <T>(path: string, query?: Query, opts: RequestOptions = {}) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('PATCH', path, { ...opts, body }),
  del: <T>(path: string, opts: RequestOptions = {}) => request<T>('DELETE', path, opts),
}

/** Fetches a file from the API and hands it to the browser as a download. */
export async function download(path: string, query: Query, filename: string): Promise<void> {
  const blob = await request<Blob>('GET', path, { query, blob: true })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Sends a file as the raw request body (docs/api.md "Attachments": Content-Type + ?filename=). */
export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': file.type || 'application/octet-stream',
  }
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken
  const res = await fetch(API_BASE + path + buildQuery({ filename: file.name }), {
    method: 'POST', headers, body: file, credentials: 'same-origin',
  })
  if (!res.ok) {
    const err = await errorFrom(res)
    if (res.status === 401) onUnauthorized()
    else ElMessage.error(err.message)
    throw err
  }
  return (await res.json()) as T
}
