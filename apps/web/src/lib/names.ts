/** The most characters the API keeps in a wallet, account or key name. */
export const NAME_MAX_LENGTH = 100

/** Why a name cannot be used, in words; null when it can. */
export function nameProblem(name: string): string | null {
  if (name.trim() === '') return 'Enter a name.'
  if (name.length > NAME_MAX_LENGTH) {
    return `A name has at most ${NAME_MAX_LENGTH} characters.`
  }
  return null
}
