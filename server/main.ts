import { loadConfig } from './config'
import { createLogger } from './logger'
import { startServer } from './server'

const config = loadConfig()
const logger = createLogger(config.logLevel)

const server = await startServer(config, logger).catch((error: unknown) => {
  logger.fatal({ err: error }, 'server failed to start')
  process.exit(1)
})

let stopping = false
async function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  logger.info({ signal }, 'stopping')
  try {
    await server.stop()
    process.exit(0)
  } catch (error) {
    logger.error({ err: error }, 'stopping failed')
    process.exit(1)
  }
}

process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
