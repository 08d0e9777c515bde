import assert from 'node:assert/strict'
import { TypedEventTarget } from './TypedEventTarget.ts'

interface ThingEvents {
  'thing:made': { id: number }
  'thing:lost': { id: number, reason: string }
}

describe('TypedEventTarget', () => {
  it('delivers each event\'s detail to its listeners only, until they stop listening', () => {
    const t = new TypedEventTarget<ThingEvents>()
    const made: number[] = []
    const lost: string[] = []
    const stop = t.on('thing:made', ({ id }) => made.push(id))
    t.addEventListener('thing:lost', (e) => lost.push(`${e.detail.id}:${e.detail.reason}`))
    t.emit('thing:made', { id: 1 })
    t.emit('thing:lost', { id: 2, reason: 'gone' })
    stop()
    t.emit('thing:made', { id: 3 })
    assert.deepEqual(made, [1])
    assert.deepEqual(lost, ['2:gone'])
    assert.ok(t instanceof EventTarget)
  })

  it('stops listening when the signal aborts, and once means once', () => {
    const t = new TypedEventTarget<ThingEvents>()
    const c = new AbortController()
    const seen: string[] = []
    t.on('thing:made', ({ id }) => seen.push(`a${id}`), { signal: c.signal })
    t.on('thing:made', ({ id }) => seen.push(`b${id}`), { once: true })
    t.emit('thing:made', { id: 1 })
    c.abort()
    t.emit('thing:made', { id: 2 })
    assert.deepEqual(seen, ['a1', 'b1'])
  })
})
