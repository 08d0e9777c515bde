import assert from 'node:assert/strict'
import { InvalidInputError } from '../errors.ts'
import { defineCommand } from './defineCommand.ts'
import { commonOptions, type OptionSpecs } from './options.ts'

const specs = {
  rounds: { type: 'number', description: 'how many rounds', default: 1, env: 'COTRAIN_ROUNDS' },
  ...commonOptions
} as const satisfies OptionSpecs

/** Runs `fn` with process.stdout.write captured. */
async function captured (fn: () => Promise<void>): Promise<string> {
  const write = process.stdout.write
  let out = ''
  process.stdout.write = ((chunk: string) => { out += chunk; return true }) as typeof process.stdout.write
  try {
    await fn()
  } finally {
    process.stdout.write = write
  }
  return out
}

describe('defineCommand', () => {
  const calls: Array<{ rounds: number, positionals: string[] }> = []
  const command = defineCommand({
    summary: 'run some rounds',
    usage: 'thing run [options]',
    description: 'Runs rounds.',
    options: specs,
    examples: ['thing run --rounds 3']
  }, async (o, { positionals }) => { calls.push({ rounds: o.rounds, positionals }) })

  beforeEach(() => { calls.length = 0 })

  it('runs the body with the options resolved: flag over env over default', async () => {
    await command.run(['--rounds', '3'], { COTRAIN_ROUNDS: '2' })
    await command.run([], { COTRAIN_ROUNDS: '2' })
    await command.run([], {})
    assert.deepEqual(calls.map((c) => c.rounds), [3, 2, 1])
    assert.equal(command.summary, 'run some rounds')
  })

  it('prints the help for --help and does not run the body', async () => {
    const out = await captured(async () => { await command.run(['--help'], {}) })
    assert.deepEqual(calls, [])
    assert.match(out, /^Usage: thing run \[options\]\n\nRuns rounds\./)
    assert.match(out, /--rounds <number>\s+how many rounds \(env COTRAIN_ROUNDS, default 1\)/)
    assert.match(out, /Examples:\n {2}thing run --rounds 3/)
  })

  it('refuses unknown flags and, unless the command takes them, positional arguments', async () => {
    await assert.rejects(command.run(['--round', '3'], {}), InvalidInputError)
    await assert.rejects(command.run(['extra'], {}), InvalidInputError)
    const withArgs = defineCommand({ summary: 's', usage: 'u', description: 'd', options: specs, positionals: true }, async (o, { positionals }) => { calls.push({ rounds: o.rounds, positionals }) })
    await withArgs.run(['add', '0xabc'], {})
    assert.deepEqual(calls, [{ rounds: 1, positionals: ['add', '0xabc'] }])
  })
})
