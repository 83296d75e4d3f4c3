import { createContext, useContext } from 'react'

import { sessionStore } from '@/lib/session'

/** Ends the session; with Dynamic, Dynamic's session too. */
export type SignOut = () => Promise<void>

function endSession(): Promise<void> {
  sessionStore.end('signed-out')
  return Promise.resolve()
}

export const SignOutContext = createContext<SignOut>(endSession)

export function useSignOut(): SignOut {
  return useContext(SignOutContext)
}
