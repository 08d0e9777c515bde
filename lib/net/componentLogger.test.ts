import assert from 'node:assert/strict'
import tty from 'node:tty'
import { disable, enable } from '@libp2p/logger'
import { componentLogger } from './componentLogger.ts'
import { createNode } from './createNode.ts'
import type { CotrainNode } from './createNode.ts'

/** Runs `body` with DEBUG set to `namespaces` ('' = nothing enabled), then restores the process's own setting. */
async function withDebug<T> (namespaces: string, body: () => Promise<T> | T): Promise<T> {
  const saved = process.env.DEBUG
  if (namespaces === '') disable()
  else enable(namespaces)
  try {
    return await body()
  } finally {
    if (saved === undefined || saved === '') disable()
    else enable(saved)
    if (saved === undefined) delete process.env.DEBUG
  }
}

/** What `body` writes to stderr (where weald prints), and nothing of it reaches the terminal. */
function stderrOf (body: () => void): string {
  const write = process.stderr.write
  let out = ''
  process.stderr.write = ((chunk: string | Uint8Array) => { out += String(chunk); return true }) as typeof process.stderr.write
  try {
    body()
  } finally {
    process.stderr.write = write
  }
  return out
}

describe('componentLogger', function () {
  this.timeout(30_000)

  describe('when DEBUG enables no libp2p logs', () => {
    let a: CotrainNode
    let b: CotrainNode

    before(async () => {
      a = await createNode()
      b = await createNode()
    })

    after(async () => {
      await a?.stop()
      await b?.stop()
    })

    it('makes no weald logger for a new stream (none asks whether stderr is a terminal)', async () => {
      await withDebug('', async () => {
        await a.services.ping.ping(b.getMultiaddrs()[0])
        const isatty = tty.isatty
        let asked = 0
        tty.isatty = (fd: number) => { asked++; return isatty(fd) }
        try {
          for (let i = 0; i < 5; i++) await a.services.ping.ping(b.peerId)
        } finally {
          tty.isatty = isatty
        }
        // libp2p's default logger asks three times per logger, and makes several per stream.
        assert.equal(asked, 0)
      })
    })

    it('gives disabled loggers that print nothing, scopes included', async () => {
      await withDebug('', () => {
        const log = componentLogger().forComponent('libp2p:test')
        const scoped = log.newScope('stream:1')
        assert.equal(log.enabled, false)
        assert.equal(scoped.enabled, false)
        assert.equal(stderrOf(() => { log('a'); log.error('b'); scoped.trace('c'); scoped('d') }), '')
      })
    })
  })

  describe('when DEBUG enables some', () => {
    it('prints what DEBUG enables, a scope enabled under a disabled parent included', async () => {
      await withDebug('cotrain:logtest:parent:scoped*,cotrain:logtest:errors:error', () => {
        const loggers = componentLogger()
        const parent = loggers.forComponent('cotrain:logtest:parent')
        assert.equal(parent.enabled, false)
        assert.equal(stderrOf(() => { parent('hidden') }), '')
        const scoped = parent.newScope('scoped')
        assert.equal(scoped.enabled, true)
        assert.match(stderrOf(() => { scoped('hello %s', 'there') }), /cotrain:logtest:parent:scoped hello there/)
        const errors = loggers.forComponent('cotrain:logtest:errors')
        assert.equal(errors.enabled, false, 'only its error logger is enabled')
        assert.match(stderrOf(() => { errors.error('went wrong') }), /cotrain:logtest:errors:error went wrong/)
      })
    })

    it('DEBUG=libp2p* logs a node\'s streams as before', async () => {
      await withDebug('libp2p*', async () => {
        // Everything the nodes log, from their start to their goodbyes, is kept here rather than printed.
        const out: string[] = []
        const write = process.stderr.write
        process.stderr.write = ((chunk: string | Uint8Array) => { out.push(String(chunk)); return true }) as typeof process.stderr.write
        let a: CotrainNode | undefined
        let b: CotrainNode | undefined
        try {
          a = await createNode()
          b = await createNode()
          await a.services.ping.ping(b.getMultiaddrs()[0])
          await new Promise((resolve) => setTimeout(resolve, 50))
        } finally {
          try {
            await a?.stop()
            await b?.stop()
          } finally {
            process.stderr.write = write
          }
        }
        const text = out.join('')
        // Per-stream loggers, scoped under their connection's.
        assert.match(text, /libp2p:tcp:connection:outbound:\w+:yamux:outbound:\d+ /)
        assert.match(text, /libp2p:tcp:connection:inbound:\w+:yamux:inbound:\d+:identify /)
      })
    })
  })
})
