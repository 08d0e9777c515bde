import assert from 'node:assert/strict'
import type { RoundView } from './decideRoundStep.ts'
import { decideRoundStep } from './decideRoundStep.ts'

const base: RoundView = { state: 'open', deadline: 100, extensions: 0, minUpdates: 2, liveWorkers: 0, outstanding: 0, received: 0, pending: 0, accepted: 0 }
const policy = { maxExtensions: 1 }

describe('decideRoundStep', () => {
  it('opens: waits, schedules at the deadline with enough workers, else extends once then fails', () => {
    assert.equal(decideRoundStep({ ...base, liveWorkers: 5 }, 50, policy).kind, 'wait')
    assert.equal(decideRoundStep({ ...base, liveWorkers: 5 }, 50, { ...policy, targetWorkers: 5 }).kind, 'schedule')
    assert.equal(decideRoundStep({ ...base, liveWorkers: 2 }, 100, policy).kind, 'schedule')
    assert.equal(decideRoundStep({ ...base, liveWorkers: 1 }, 100, policy).kind, 'extend')
    assert.equal(decideRoundStep({ ...base, liveWorkers: 1, extensions: 1 }, 100, policy).kind, 'fail')
  })

  it('opens with every active worker when fewer than the target exist, instead of waiting out the join window', () => {
    assert.equal(decideRoundStep({ ...base, liveWorkers: 2, activeWorkers: 2 }, 50, { ...policy, targetWorkers: 3 }).kind, 'schedule')
    assert.equal(decideRoundStep({ ...base, liveWorkers: 2, activeWorkers: 3 }, 50, { ...policy, targetWorkers: 3 }).kind, 'wait', 'a third active worker may still show up')
    assert.equal(decideRoundStep({ ...base, liveWorkers: 1, activeWorkers: 1 }, 50, { ...policy, targetWorkers: 3 }).kind, 'wait', 'never below minUpdates')
  })

  it('training: closes early when the only work still out is overdue with its workers gone, and there is enough', () => {
    const t: RoundView = { ...base, state: 'training' }
    assert.deepEqual(decideRoundStep({ ...t, outstanding: 1, abandoned: 1, received: 2 }, 10, policy), { kind: 'advance', to: 'verifying', reason: '2 submissions in; 1 overdue with their workers gone' })
    assert.equal(decideRoundStep({ ...t, outstanding: 2, abandoned: 1, received: 2 }, 10, policy).kind, 'wait', 'a live worker is still at work')
    assert.equal(decideRoundStep({ ...t, outstanding: 1, abandoned: 1, received: 1 }, 10, policy).kind, 'wait', 'not enough submissions yet: a takeover may still come')
    assert.deepEqual(decideRoundStep({ ...t, state: 'collecting', outstanding: 1, abandoned: 1, received: 2 }, 10, policy).kind, 'advance')
  })

  it('training: early exit when all are in, else collecting at the deadline', () => {
    const t: RoundView = { ...base, state: 'training' }
    assert.deepEqual(decideRoundStep({ ...t, outstanding: 0, received: 3 }, 10, policy), { kind: 'advance', to: 'verifying', reason: 'all assignments submitted' })
    assert.equal(decideRoundStep({ ...t, outstanding: 1, received: 2 }, 10, policy).kind, 'wait')
    assert.deepEqual(decideRoundStep({ ...t, outstanding: 1, received: 2 }, 100, policy), { kind: 'advance', to: 'collecting', reason: 'training deadline passed' })
  })

  it('collecting: verifies with enough at the deadline, else extends once, then fails', () => {
    const c: RoundView = { ...base, state: 'collecting', outstanding: 1 }
    assert.equal(decideRoundStep({ ...c, received: 2 }, 99, policy).kind, 'wait')
    assert.equal(decideRoundStep({ ...c, received: 2 }, 100, policy).kind, 'advance')
    assert.equal(decideRoundStep({ ...c, received: 1 }, 100, policy).kind, 'extend')
    assert.deepEqual(decideRoundStep({ ...c, received: 1, extensions: 1 }, 100, policy), { kind: 'fail', reason: '1 submissions of 2 needed' })
  })

  it('verifying: verifies, expires at the deadline, then aggregates or fails', () => {
    const v: RoundView = { ...base, state: 'verifying' }
    assert.equal(decideRoundStep({ ...v, pending: 2 }, 10, policy).kind, 'verify')
    assert.equal(decideRoundStep({ ...v, pending: 2 }, 100, policy).kind, 'expire-pending')
    assert.equal(decideRoundStep({ ...v, accepted: 2 }, 10, policy).kind, 'advance')
    assert.equal(decideRoundStep({ ...v, accepted: 1 }, 10, policy).kind, 'fail')
    assert.equal(decideRoundStep({ ...v, state: 'aggregating' }, 10, policy).kind, 'aggregate')
    assert.equal(decideRoundStep({ ...v, state: 'done' }, 10, policy).kind, 'wait')
  })
})
