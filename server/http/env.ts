import type { Session, User } from 'lucia'

import type { Services } from '../services'

/** Hono's context variables for every request. */
export interface AppEnv {
  Variables: {
    services: Services
    user: User | null
    session: Session | null
  }
}
