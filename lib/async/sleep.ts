/**
 * Resolves after `ms`; rejects with the signal's reason as soon as `signal`
 * aborts (at once if it already has), and leaves no timer behind either way,
 * so a stopped service never waits out a backoff.
 *
 * @example
 * await sleep(500, { signal })
 */
export async function sleep (ms: number, options: { signal?: AbortSignal } = {}): Promise<void> {
  const { signal } = options
  signal?.throwIfAborted()
  await new Promise<void>((resolve, reject) => {
    const onAbort = (): void => { clearTimeout(timer); reject(signal?.reason) }
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve() }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
