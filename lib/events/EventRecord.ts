/**
 * A component's events as records: each a plain object whose `event` names it
 * (`noun:verb`) beside its fields, one discriminated union per component
 * (worker/node/events.ts, validator/events.ts, coordinator/events.ts). The
 * record is also the wire form of `--json`: one JSON line per event, so a
 * script or the devnet reads back exactly the type the component emitted.
 * In-process listeners take them through an `onEvent` option or a
 * TypedEventTarget keyed by {@link EventMapOf}.
 */
export interface EventRecord {
  event: string
}

/**
 * The event map of a union of event records: each name to its record, for a
 * TypedEventTarget whose listeners want one kind.
 *
 * @example
 * class Service extends TypedEventTarget<EventMapOf<ValidatorEvent>> {}
 * service.on('round:validated', (e) => console.log(e.scored))
 */
export type EventMapOf<U extends EventRecord> = { [K in U['event']]: Extract<U, { event: K }> }

/**
 * True when `line` (a parsed `--json` line) is an event record; what it holds
 * beyond `event` is the emitting component's business.
 */
export function isEventRecord (line: unknown): line is EventRecord {
  return typeof line === 'object' && line !== null && typeof (line as { event?: unknown }).event === 'string'
}
