// Dates as people read them, in the interface's language.

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
]

/** "3 minutes ago", "hace 2 horas"; "now" under a minute; a date beyond a week. */
export function formatRelative(iso: string | null | undefined, language: string, now = Date.now()): string {
  if (!iso) return ''
  const elapsed = new Date(iso).getTime() - now
  if (Math.abs(elapsed) >= 7 * 86_400_000) return formatDate(iso, language)
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'short' })
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return format.format(Math.round(elapsed / size), unit)
  }
  return format.format(0, 'second')
}

export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return ''
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
}

export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return ''
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso))
}

export function formatTime(iso: string | null | undefined, language: string): string {
  if (!iso) return ''
  return new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(new Date(iso))
}
