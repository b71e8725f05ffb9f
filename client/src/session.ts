import { createSignal } from 'solid-js'

import { api, ApiError } from './api'
import type { User } from './types'

/** The signed-in user: undefined while loading, null when signed out. */
const [currentUser, setCurrentUser] = createSignal<User | null | undefined>(undefined)
const [sessionError, setSessionError] = createSignal<string>()
/**
 * Set when an open page learned that its session ended elsewhere but keeps the user's work on
 * screen (the meeting page), so the header offers signing in instead of the old name.
 */
const [sessionEnded, setSessionEnded] = createSignal(false)

export { currentUser, sessionEnded, sessionError }

/** Marks the session as ended without dropping the user, whose page stays open. */
export function markSessionEnded(): void {
  setSessionEnded(true)
}

/** Loads the signed-in user from GET /api/me; a 401 means signed out. */
export async function loadCurrentUser(): Promise<void> {
  setSessionError(undefined)
  try {
    setCurrentUser(await api.get<User>('/api/me', { allowUnauthorized: true }))
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCurrentUser(null)
    } else {
      setSessionError(error instanceof Error ? error.message : String(error))
    }
  }
}

export async function signIn(email: string, password: string): Promise<User> {
  const user = await api.post<User>(
    '/api/auth/login',
    { email, password },
    { allowUnauthorized: true },
  )
  setSessionEnded(false)
  setCurrentUser(user)
  return user
}

export async function signUp(name: string, email: string, password: string): Promise<User> {
  const user = await api.post<User>('/api/auth/signup', { name, email, password })
  setSessionEnded(false)
  setCurrentUser(user)
  return user
}

export async function signOut(): Promise<void> {
  await api.post('/api/auth/logout', undefined, { allowUnauthorized: true })
  setSessionEnded(false)
  setCurrentUser(null)
}

/** Forgets the user after a response showed that the session ended, without another request. */
export function markSignedOut(): void {
  setSessionEnded(false)
  setCurrentUser(null)
}

/**
 * The path to return to after signing in, taken from a `next` query value. Only paths on this
 * site pass, so a crafted link cannot send the user elsewhere.
 */
export function safeNextPath(next: string | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return undefined
  }
  return next
}

/** Returns the sign-in page's address that leads back to `path` afterwards. */
export function signInPath(path: string): string {
  return path === '/' ? '/' : `/?next=${encodeURIComponent(path)}`
}
