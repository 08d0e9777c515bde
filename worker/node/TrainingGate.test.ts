import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { selectBackend } from '../../lib/training/selectBackend.ts'
import { smallRound } from '../../lib/training/testing/fixture.ts'
import { trainRound } from '../../lib/training/trainRound.ts'
import { createCpuSampler, inWindow, parseSchedule, TrainingGate, type GateState } from './TrainingGate.ts'

const at = (hh: number, mm: number): Date => { const d = new Date(2026, 0, 1); d.setHours(hh, mm); return d }

describe('worker: TrainingGate (pause, schedule, idle-only, max-cpu)', function () {
  this.timeout(60_000)

  it('parses HH:MM-HH:MM, wraps midnight, and refuses bad windows in one line', () => {
    const night = parseSchedule('22:00-07:00')
    assert.equal(inWindow(night, at(23, 30)), true)
    assert.equal(inWindow(night, at(6, 59)), true)
    assert.equal(inWindow(night, at(7, 0)), false)
    assert.equal(inWindow(night, at(12, 0)), false)
    const day = parseSchedule('9:30-17:00')
    assert.equal(inWindow(day, at(9, 30)), true)
    assert.equal(inWindow(day, at(17, 0)), false)
    assert.throws(() => parseSchedule('25:00-07:00'), /--schedule: "25:00-07:00" is not HH:MM-HH:MM/)
    assert.throws(() => parseSchedule('nightly'), /is not HH:MM-HH:MM/)
    assert.throws(() => parseSchedule('08:00-08:00'), /empty window/)
  })

  it('holds outside the schedule and while the machine is in use, and trains after it was idle long enough', async () => {
    let clock = at(12, 0)
    const states: GateState[] = []
    const outside = new TrainingGate({ schedule: parseSchedule('22:00-07:00') }, { now: () => clock, sampleBusy: () => 0, onChange: (s) => states.push(s) })
    assert.match(outside.blocked() ?? '', /outside the schedule 22:00-07:00/)
    clock = at(23, 0)
    assert.equal(outside.blocked(), null)

    let busy = 0.6
    const idle = new TrainingGate({ idleOnly: { idleSeconds: 60, busyFraction: 0.2 } }, { now: () => clock, sampleBusy: () => busy })
    assert.match(idle.blocked() ?? '', /the machine is in use \(other processes: 60 % CPU\)/)
    busy = 0.05
    assert.match(idle.blocked() ?? '', /waiting for the machine to be idle \(60 s more\)/)
    clock = new Date(clock.getTime() + 30_000)
    assert.match(idle.blocked() ?? '', /30 s more/)
    clock = new Date(clock.getTime() + 30_000)
    assert.equal(idle.blocked(), null)
    busy = 0.5
    assert.match(idle.blocked() ?? '', /in use/, 'back in use: held again, and the idle time starts over')
  })

  it('measures other processes\' CPU use: a busy child shows, this process\'s own work does not', async () => {
    const sample = createCpuSampler()
    // Our own busy loop: not counted.
    const t0 = performance.now()
    while (performance.now() - t0 < 400) Math.sqrt(Math.random())
    const own = sample()
    const child = spawn(process.execPath, ['-e', 'const t = Date.now(); while (Date.now() - t < 1500) {}'])
    await new Promise((resolve) => setTimeout(resolve, 1200))
    const others = sample()
    await new Promise((resolve) => child.on('exit', resolve))
    console.log(`      other processes' CPU while we spun: ${(own * 100).toFixed(0)} %; with a spinning child: ${(others * 100).toFixed(0)} %`)
    // The child spins one of the machine's cores; the machine may be busy with other work too, so only the difference is certain.
    assert.ok(others > own || others > 0.3, `a spinning child raises the measured load (${own} -> ${others})`)
  })

  it('--max-cpu 50: sleeps about as long as each step took', async () => {
    const gate = new TrainingGate({ maxCpuPercent: 50 }, { sampleBusy: () => 0 })
    await gate.beforeStep()
    const t0 = performance.now()
    while (performance.now() - t0 < 100) Math.sqrt(Math.random())
    const w0 = performance.now()
    await gate.beforeStep()
    const slept = performance.now() - w0
    assert.ok(slept >= 95 && slept < 400, `slept ${slept.toFixed(0)} ms after a 100 ms step`)
  })

  it('a stop (Ctrl-C) during training takes effect within a step, not at the end of the round', async () => {
    await selectBackend({ backend: 'wasm' })
    let steps = 0
    const controller = new AbortController()
    const params = await smallRound({ steps: 2000, interval: 1000 })
    setTimeout(() => controller.abort(new Error('interrupted')), 300)
    await assert.rejects(trainRound(params, { signal: controller.signal, beforeStep: async () => { steps++ } }), /interrupted/)
    assert.ok(steps < 1500, `stopped after ${steps} of 2000 steps`)
  })

  it('pause holds trainRound within one step; an abort then ends it at once and the finished checkpoints stay for the resume', async () => {
    await selectBackend({ backend: 'wasm' })
    const dir = await mkdtemp(path.join(tmpdir(), 'cotrain-gate-'))
    try {
      const gate = new TrainingGate({}, { sampleBusy: () => 0, pollMs: 20 })
      let steps = 0
      const controller = new AbortController()
      const params = await smallRound({ steps: 40, interval: 10 })
      const run = trainRound(params, {
        checkpointDir: dir,
        signal: controller.signal,
        beforeStep: async (signal) => {
          steps++
          if (steps === 25) gate.pause()
          await gate.beforeStep(signal)
        }
      })
      while (!gate.isPaused) await new Promise((resolve) => setTimeout(resolve, 5))
      await new Promise((resolve) => setTimeout(resolve, 300))
      assert.equal(steps, 25, 'no step runs while paused')
      assert.deepEqual(gate.state, { running: false, reason: 'paused (worker resume continues)' })
      const t0 = performance.now()
      controller.abort(new Error('interrupted'))
      await assert.rejects(run, /interrupted/)
      assert.ok(performance.now() - t0 < 1000, 'Ctrl-C while paused ends training at once')
      const kept = (await readdir(dir)).filter((f) => /^\d{6}\.leaf$/.test(f)).sort()
      assert.deepEqual(kept, ['000000.leaf', '000001.leaf', '000002.leaf'], 'the checkpoints finished before the pause stay for the resume')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
