import { useSyncExternalStore } from 'react'

/** How the person signed in. */
export type SignInMethod = 'dev' | 'dynamic'

export interface Session {
  token: string
  method: SignInMethod
}

/** Why the last session ended, so sign-in can say so. */
export type SessionEnd = 'signed-out' | 'expired'

interface SessionState {
  session: Session | null
  ended: SessionEnd | null
}

const STORAGE_KEY = 'custos.session'
const listeners = new Set<() => void>()
let state: SessionState = { session: readStored(), ended: null }

function readStored(): Session | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY)
    if (raw === null) return null
    const parsed = JSON.parse(raw) as Partial<Session>
    if (typeof parsed.token !== 'string') return null
    return {
      token: parsed.token,
      method: parsed.method === 'dynamic' ? 'dynamic' : 'dev',
    }
  } catch {
    return null
  }
}

function update(next: SessionState, store: boolean): void {
  state = next
  if (store) {
    try {
      if (next.session === null) window.localStorage.removeItem(STORAGE_KEY)
      else
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next.session))
    } catch {
      // Without storage the session lasts as long as the page does.
    }
  }
  for (const listener of listeners) listener()
}

/**
 * The signed-in session, kept in localStorage so it outlives a reload and
 * is shared by the tabs of one browser. The HTTP client reads the token
 * from here; a 401 for a bad or expired token ends the session.
 */
export const sessionStore = {
  get: (): SessionState => state,
  token: (): string | null => state.session?.token ?? null,
  start: (session: Session): void => {
    update({ session, ended: null }, true)
  },
  end: (reason: SessionEnd): void => {
    if (state.session === null && state.ended !== null) return
    update({ session: null, ended: reason }, true)
  },
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}

// Signing in or out in another tab applies here too.
window.addEventListener('storage', (event) => {
  if (event.key !== STORAGE_KEY) return
  const session = readStored()
  update({ session, ended: session === null ? 'signed-out' : null }, false)
})

export function useSessionState(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get)
}
