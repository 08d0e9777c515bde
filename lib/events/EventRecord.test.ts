import assert from 'node:assert/strict'
import { isEventRecord, type EventMapOf } from './EventRecord.ts'
import { TypedEventTarget } from './TypedEventTarget.ts'

type TestEvent =
  | { event: 'round:done', round: number, loss: number }
  | { event: 'worker:waiting', reason: string }

describe('event records', () => {
  it('tells an event line from other JSON', () => {
    assert.equal(isEventRecord({ event: 'round:done', round: 1 }), true)
    for (const other of [null, 3, 'round:done', [], { ok: false, error: 'x' }, { event: 7 }]) assert.equal(isEventRecord(other), false, JSON.stringify(other))
  })

  it('EventMapOf keys a TypedEventTarget by event name, each listener getting its own record', () => {
    const target = new TypedEventTarget<EventMapOf<TestEvent>>()
    const seen: string[] = []
    target.on('round:done', (e) => { seen.push(`round ${e.round} loss ${e.loss}`) })
    target.on('worker:waiting', (e) => { seen.push(`waiting: ${e.reason}`) })
    target.emit('round:done', { event: 'round:done', round: 2, loss: 0.5 })
    target.emit('worker:waiting', { event: 'worker:waiting', reason: 'no round open' })
    assert.deepEqual(seen, ['round 2 loss 0.5', 'waiting: no round open'])
  })
})
