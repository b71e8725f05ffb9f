import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'

/** Ends the request with `{ error: message }` and the given status. */
export function fail(status: ContentfulStatusCode, message: string): never {
  throw new HTTPException(status, { message })
}

/** Parses the JSON body against a schema, failing with 400 and the first problem found. */
export async function readJson<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    fail(400, 'request body is not valid JSON')
  }

  const result = schema.safeParse(body)
  if (!result.success) {
    const issue = result.error.issues[0]
    const field = issue.path.join('.')
    fail(400, field ? `invalid ${field}: ${issue.message}` : `invalid body: ${issue.message}`)
  }
  return result.data
}
