/**
 * Tells whether a browser's Origin header may use the app: the app's own origin (same host as
 * the request) or one listed in ALLOWED_ORIGINS. Requests without an Origin header come from
 * non-browser clients, which cannot be tricked into sending a user's cookie, so they pass.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  host: string | undefined,
  allowedOrigins: string[],
): boolean {
  if (!origin) return true
  if (allowedOrigins.includes(origin)) return true

  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}
