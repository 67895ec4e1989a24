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
  /** the whole error body (e.g. an import's `errors` list next to `error`) */
  body: Record<string, unknown> | null
  constructor(status: number, code: string, message: string, field: string | null, retryAfter: string | null, body: Record<string, unknown> | null = null) {
    super(message)
    this.status = status
    this.code = code
    this.field = field
    this.retryAfter = retryAfter
    this.body = body
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

/** The ApiError for an error answer's status, text and Retry-After header. */
function errorFromText(status: number, statusText: string, text: string, retryAfter: string | null): ApiError {
  let code = `http_${status}`
  let message = `${status} ${statusText}`
  let field: string | null = null
  let body: Record<string, unknown> | null = null
  try {
    if (text) {
      const j = JSON.parse(text) as ApiErrorBody
      if (j && j.error) {
        code = j.error.code || code
        message = j.error.message || message
        field = j.error.field ?? null
        body = j as unknown as Record<string, unknown>
      }
    }
  } catch {
    /* not JSON: keep the status line */
  }
  return new ApiError(status, code, message, field, retryAfter, body)
}

async function errorFrom(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '')
  return errorFromText(res.status, res.statusText, text, res.headers.get('Retry-After'))
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

/**
 * Sends a file as the raw body of a POST (docs/api.md "Attachments": Content-Type = the file's
 * type, `filename` in the query) and reports upload progress (0..1). Errors as `request`.
 */
export function upload<T>(path: string, file: Blob, opts: { query?: Query; contentType?: string; onProgress?: (fraction: number) => void; silent?: boolean } = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    // a File's name goes as ?filename= (the attachment convention) unless the caller names it
    const query = file instanceof File && !opts.query?.filename ? { filename: file.name, ...opts.query } : opts.query
    xhr.open('POST', API_BASE + path + buildQuery(query))
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Content-Type', opts.contentType || file.type || 'application/octet-stream')
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && opts.onProgress) opts.onProgress(e.loaded / e.total)
    }
    xhr.onerror = () => {
      const err = new ApiError(0, 'network', 'network error', null, null)
      if (!opts.silent) ElMessage.error(err.message)
      reject(err)
    }
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        opts.onProgress?.(1)
        try {
          resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T)
        } catch (e) {
          reject(new ApiError(xhr.status, 'bad_response', (e as Error).message, null, null))
        }
        return
      }
      const err = errorFromText(xhr.status, xhr.statusText, xhr.responseText, xhr.getResponseHeader('Retry-After'))
      if (xhr.status === 401) onUnauthorized()
      else if (!opts.silent) ElMessage.error(err.message)
      reject(err)
    }
    xhr.send(file)
  })
}
