import path from 'node:path'

/** Server settings, read from the environment; the README lists each variable. */
export interface Config {
  port: number
  host: string
  dataDir: string
  /** PostgreSQL connection string; SQLite under `dataDir` is used when it is missing. */
  databaseUrl?: string
  /** Largest websocket message accepted, in bytes. */
  maxMessageBytes: number
  /** Number of stored updates of one document after which the log is compacted. */
  compactAfterUpdates: number
  /** Origins allowed to open room sockets and send cookie-authenticated requests. */
  allowedOrigins: string[]
  /**
   * How often open room sockets are checked for ended sessions and changed memberships, in ms;
   * 0 turns the check off.
   */
  sessionCheckIntervalMs: number
  /** Sign-in attempts allowed per account within `loginWindowMs`. */
  loginMaxAttemptsPerAccount: number
  /** Failed sign-in attempts allowed per client address within `loginWindowMs`. */
  loginMaxAttemptsPerAddress: number
  /** Length of the sign-in throttling window, in ms. */
  loginWindowMs: number
  /**
   * Whether to take the client address from the last X-Forwarded-For entry, which a reverse
   * proxy in front of the server appends; without a proxy a client could forge it.
   */
  trustProxy: boolean
  /** Directory with the built client, or undefined to serve no pages. */
  clientDir?: string
  logLevel: string
}

function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback

  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`config: ${name} must be a non-negative integer, got "${raw}"`)
  }
  return value
}

/** Reads the settings from environment variables, with defaults for a single machine. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = readInteger(env, 'PORT', 8787)
  const host = env.HOST || '127.0.0.1'
  const origins = (env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)

  return {
    port,
    host,
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    maxMessageBytes: readInteger(env, 'MAX_MESSAGE_BYTES', 4 * 1024 * 1024),
    compactAfterUpdates: readInteger(env, 'COMPACT_AFTER_UPDATES', 500),
    allowedOrigins: origins,
    sessionCheckIntervalMs: readInteger(env, 'SESSION_CHECK_INTERVAL_MS', 15_000),
    loginMaxAttemptsPerAccount: readInteger(env, 'LOGIN_MAX_ATTEMPTS_PER_ACCOUNT', 5),
    loginMaxAttemptsPerAddress: readInteger(env, 'LOGIN_MAX_ATTEMPTS_PER_ADDRESS', 100),
    loginWindowMs: readInteger(env, 'LOGIN_WINDOW_MS', 15 * 60_000),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    clientDir: env.CLIENT_DIR === '' ? undefined : path.resolve(env.CLIENT_DIR || 'dist/client'),
    logLevel: env.LOG_LEVEL || 'info',
  }
}
