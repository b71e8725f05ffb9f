/**
 * Counters of attempts per key in fixed time windows. Methods are async so that a shared
 * store (such as Redis INCR with PEXPIRE) can back several server processes later.
 */
export interface AttemptStore {
  /** Adds one attempt and returns the count in the current window and when it ends (ms). */
  increment(key: string, windowMs: number): Promise<{ count: number; resetAt: number }>
  /** Takes back one attempt, such as one that turned out to succeed. */
  decrement(key: string): Promise<void>
  /** Forgets every attempt of the key. */
  clear(key: string): Promise<void>
}

// Entries whose window has passed are swept once the map grows past this size, so keys of
// past windows do not pile up; entries of the current window stay until it ends.
const sweepThreshold = 10_000

/** An `AttemptStore` in this process's memory; each process counts on its own. */
export class MemoryAttemptStore implements AttemptStore {
  readonly #entries = new Map<string, { count: number; resetAt: number }>()

  async increment(key: string, windowMs: number) {
    const now = Date.now()
    if (this.#entries.size > sweepThreshold) this.#sweep(now)

    let entry = this.#entries.get(key)
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + windowMs }
      this.#entries.set(key, entry)
    }
    entry.count += 1
    return { count: entry.count, resetAt: entry.resetAt }
  }

  async decrement(key: string) {
    const entry = this.#entries.get(key)
    if (entry && entry.count > 0) entry.count -= 1
  }

  async clear(key: string) {
    this.#entries.delete(key)
  }

  #sweep(now: number) {
    for (const [key, entry] of this.#entries) {
      if (entry.resetAt <= now) this.#entries.delete(key)
    }
  }
}

export interface LoginThrottleOptions {
  store: AttemptStore
  maxPerAccount: number
  maxPerAddress: number
  windowMs: number
}

/**
 * Limits sign-in attempts per account and per client address.
 *
 * An attempt is counted before the password is checked, so parallel requests cannot all slip
 * in before the first failure is recorded. A success clears the account's count and takes its
 * attempt back from the address, so many colleagues behind one school address can sign in.
 * The account key is the email as typed (normalised), whether or not such an account exists,
 * so the responses do not reveal which emails are registered.
 */
export class LoginThrottle {
  readonly #options: LoginThrottleOptions

  constructor(options: LoginThrottleOptions) {
    this.#options = options
  }

  /** Counts an attempt; returns the seconds to wait when the limit is exceeded, else null. */
  async begin(email: string, address: string): Promise<number | null> {
    const { store, windowMs, maxPerAccount, maxPerAddress } = this.#options
    const account = await store.increment(accountKey(email), windowMs)
    const client = await store.increment(addressKey(address), windowMs)

    const now = Date.now()
    let resetAt = 0
    if (account.count > maxPerAccount) resetAt = Math.max(resetAt, account.resetAt)
    if (client.count > maxPerAddress) resetAt = Math.max(resetAt, client.resetAt)
    return resetAt === 0 ? null : Math.max(1, Math.ceil((resetAt - now) / 1000))
  }

  /** Records that the attempt begun for this email and address succeeded. */
  async succeeded(email: string, address: string): Promise<void> {
    await this.#options.store.clear(accountKey(email))
    await this.#options.store.decrement(addressKey(address))
  }
}

/**
 * Formats a wait in whole minutes, such as "15 minutes" for 896 seconds. Rounds up, so that
 * someone who waits the stated time is let in.
 */
export function waitInMinutes(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60))
  return minutes === 1 ? '1 minute' : `${minutes} minutes`
}

function accountKey(email: string): string {
  return `login:account:${email}`
}

function addressKey(address: string): string {
  return `login:address:${addressBlock(address)}`
}

/**
 * Returns the block an address is counted in: an IPv4 address alone, an IPv6 address by its
 * /64 prefix, because one client usually has a whole /64 and could rotate through it.
 */
export function addressBlock(address: string): string {
  const plain = address.split('%')[0].toLowerCase()
  if (plain.startsWith('::ffff:') && plain.includes('.')) return plain.slice('::ffff:'.length)
  if (!plain.includes(':')) return plain

  const [head, tail] = plain.split('::')
  const headGroups = head ? head.split(':') : []
  const tailGroups = tail ? tail.split(':') : []
  const zeros = Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0')
  const groups = tail === undefined ? headGroups : [...headGroups, ...zeros, ...tailGroups]
  const prefix = groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, ''))
  return `${prefix.join(':')}::/64`
}
