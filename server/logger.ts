import { pino, type Logger } from 'pino'

export type { Logger }

/** Creates the server's one logger. Tests pass level "silent". */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: ['password', 'token', 'cookie', '*.password', '*.token', '*.cookie'],
  })
}
