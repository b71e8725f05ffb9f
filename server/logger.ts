import { pino, type DestinationStream, type Logger } from 'pino'

export type { Logger }

/**
 * Creates the server's one logger, writing to stdout unless a `destination` stream is given.
 * Tests pass level "silent", or a stream to inspect what was logged.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: ['password', 'token', 'cookie', '*.password', '*.token', '*.cookie'],
    },
    destination,
  )
}
