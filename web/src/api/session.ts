import { reactive } from 'vue'
import { api, setCsrfToken, ApiError } from './client'
import type { Role, SessionAnswer, User } from './types'

export const session = reactive<{ user: User | null; checked: boolean }>({ user: null, checked: false })

function accept(a: SessionAnswer): User {
  session.user = a.user
  session.checked = true
  setCsrfToken(a.csrf_token)
  return a.user
}

export async function login(username: string, password: string): Promise<User> {
  const a = await api.post<SessionAnswer>('/auth/login', { username, password }, { silent: true, no401Redirect: true })
  return accept(a)
}

/** Asks the server who is signed in (once per page load). */
export async function ensureSession(): Promise<User | null> {
  if (session.checked) return session.user
  try {
    const a = await api.get<SessionAnswer>('/auth/me', undefined, { silent: true, no401Redirect: true })
    return accept(a)
  } catch (e) {
    session.checked = true
    session.user = null
    if (!(e instanceof ApiError) || e.status !== 401) console.warn('auth/me failed', e)
    return null
  }
}

export async function logout(): Promise<void> {
  try {
    await api.post('/auth/logout', undefined, { silent: true, no401Redirect: true })
  } finally {
    clearSession()
  }
}

export function clearSession(): void {
  session.user = null
  session.checked = true
  setCsrfToken('')
}

export function hasRole(...roles: Role[]): boolean {
  return !!session.user && roles.includes(session.user.role)
}
