/**
 * The one event style of cotrain: typed `noun:verb` events on an EventTarget
 * (the way js-libp2p does it). An event map names each event and the type of
 * its detail, so listeners get the detail typed, without `as CustomEvent<...>`
 * casts, and emitting an event that is not in the map does not compile.
 *
 * @example
 * interface OutboxEvents { 'outbox:confirmed': { entry: OutboxEntry } }
 * class Outbox extends TypedEventTarget<OutboxEvents> {}
 * outbox.on('outbox:confirmed', ({ entry }) => log(entry.id))
 * outbox.emit('outbox:confirmed', { entry })
 */

/** Event names (`noun:verb`) to the type of their detail. */
export type EventMap = object

/** A listener of a typed event: it gets the CustomEvent with its detail typed. */
export type TypedListener<D> = (event: CustomEvent<D>) => void

export interface TypedEventTarget<E extends EventMap> {
  addEventListener<K extends keyof E & string>(type: K, listener: TypedListener<E[K]> | null, options?: boolean | AddEventListenerOptions): void
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void
  removeEventListener<K extends keyof E & string>(type: K, listener: TypedListener<E[K]> | null, options?: boolean | EventListenerOptions): void
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class TypedEventTarget<E extends EventMap> extends EventTarget {
  /** Dispatches `type` with `detail`; returns false when a listener cancelled it. */
  emit<K extends keyof E & string>(type: K, detail: E[K]): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail }))
  }

  /**
   * Calls `listener` with the detail of each `type` event until the returned
   * function is called or `options.signal` aborts.
   */
  on<K extends keyof E & string>(type: K, listener: (detail: E[K]) => void, options: { signal?: AbortSignal, once?: boolean } = {}): () => void {
    const handler = (event: Event): void => { listener((event as CustomEvent<E[K]>).detail) }
    super.addEventListener(type, handler, options)
    return () => { super.removeEventListener(type, handler) }
  }
}
