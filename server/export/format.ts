/** Checks that `timeZone` is an IANA time zone name that this Node's ICU supports. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return true
  } catch {
    return false
  }
}

/** Formats a Unix ms time as a long date, such as "December 4, 2026". */
export function formatDate(ms: number, timeZone: string): string {
  return plainSpaces(new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone }).format(ms))
}

/** Formats a Unix ms time as a date and time, such as "December 4, 2026 at 3:57 PM". */
export function formatDateTime(ms: number, timeZone: string): string {
  const format = new Intl.DateTimeFormat('en-US', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  })
  return plainSpaces(format.format(ms))
}

/** Formats a `YYYY-MM-DD` calendar date, such as "December 11, 2026", whatever the time zone. */
export function formatCalendarDate(isoDate: string): string {
  const time = Date.parse(`${isoDate}T00:00:00Z`)
  if (Number.isNaN(time)) return isoDate
  return formatDate(time, 'UTC')
}

/** Rounds a duration in ms to whole minutes for the record. */
export function formatMinutes(ms: number): string {
  return `${Math.round(ms / 60_000)} min`
}

// ICU puts narrow no-break spaces before AM/PM in recent versions; plain spaces read the same
// and keep the output identical across ICU versions.
function plainSpaces(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ')
}
