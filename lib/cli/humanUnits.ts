/** Amounts and times in the form people read in logs and terminals (never epoch ms or wei). */

/** Bytes as people read them: 512 B, 12.3 kB, 1.2 MB, 3.4 GB (powers of 1000). */
export function formatBytes (n: number): string {
  if (n < 1000) return `${n} B`
  const units = ['kB', 'MB', 'GB', 'TB']
  let v = n
  let i = -1
  while (v >= 1000 && i < units.length - 1) { v /= 1000; i++ }
  return `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ${units[i]}`
}

/** A duration as people read it: 12 ms, 0.4 s, 12 s, 2m 30s, 1h 05m. */
export function formatDuration (seconds: number): string {
  if (seconds < 0.1) return `${Math.max(0, Math.round(seconds * 1000))} ms`
  if (seconds < 10) return `${seconds.toFixed(1)} s`
  if (seconds < 60) return `${Math.round(seconds)} s`
  const m = Math.floor(seconds / 60)
  if (m < 60) return `${m}m ${String(Math.round(seconds % 60)).padStart(2, '0')}s`
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`
}

/**
 * A moment as local time with how far away it is: "14:05:09 (in 2m 30s)",
 * "14:01:00 (40 s ago)"; a date is added when it is not today.
 */
export function formatMoment (ms: number, now: number = Date.now()): string {
  const at = new Date(ms)
  const sameDay = at.toDateString() === new Date(now).toDateString()
  const clock = sameDay ? at.toLocaleTimeString() : at.toLocaleString()
  const delta = (ms - now) / 1000
  return `${clock} (${delta >= 0 ? `in ${formatDuration(delta)}` : `${formatDuration(-delta)} ago`})`
}
