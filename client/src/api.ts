/** An API call that failed, with the HTTP status and the server's `{ error }` message. */
export class ApiError extends Error {
  readonly status: number

  constructor(status: number, message: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
  }

  /**
   * The field a 400 message names, such as `email` in "invalid email: must be an email address",
   * or undefined when the message is not about one field.
   */
  get field(): string | undefined {
    return /^invalid ([\w.]+): /.exec(this.message)?.[1]
  }

  /** The message without its "invalid <field>: " prefix, for showing next to that field. */
  get fieldMessage(): string {
    return this.message.replace(/^invalid [\w.]+: /, '')
  }
}

type UnauthorizedHandler = (error: ApiError) => void

let onUnauthorized: UnauthorizedHandler | undefined

/**
 * Sets what happens when a call gets a 401 response (the session ended), such as going back to the
 * sign-in page. Calls that pass `{ allowUnauthorized: true }` skip it.
 */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | undefined): void {
  onUnauthorized = handler
}

export interface RequestOptions {
  /** Treats 401 as an ordinary error, for sign-in and "who am I" calls. */
  allowUnauthorized?: boolean
}

/** Sends a JSON request to the API and returns the parsed body, or throws an `ApiError`. */
export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    })
  } catch {
    throw new ApiError(0, 'could not reach the server; check your connection and try again')
  }

  const text = await response.text()
  let parsed: unknown = null
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    parsed = null
  }

  if (!response.ok) {
    const serverMessage = (parsed as { error?: unknown } | null)?.error
    const message =
      typeof serverMessage === 'string'
        ? serverMessage
        : `request failed with status ${response.status}`
    const error = new ApiError(response.status, message)
    if (response.status === 401 && !options.allowUnauthorized) onUnauthorized?.(error)
    throw error
  }
  return parsed as T
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, body ?? {}, options),
}

/** Capitalizes a server message and ends it with a period, for showing as a sentence. */
export function asSentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1)
  return /[.!?]$/.test(text) ? text : `${text}.`
}

/** Formats any error that a call or a page may throw as a sentence for the user. */
export function errorMessage(error: unknown): string {
  return asSentence(error instanceof Error ? error.message : String(error))
}
