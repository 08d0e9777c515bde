import assert from 'node:assert/strict'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { freePort } from '../../lib/chain/startLocalChain.ts'
import { repoRoot } from '../../devnet/ComponentProcess.ts'
import { renderDevnetTable, runDevnet, type DevnetResult } from '../../devnet/runDevnet.ts'
import { loadBrownText } from '../../lib/data/brownCorpus.ts'
import { buildCharTokenizer } from '../../lib/data/charTokenizer.ts'

const outDir = join(repoRoot, '.devnet-gpt-test')

/**
 * The language model through the whole system on a user's text: `devnet
 * --model gpt --text FILE` with a tiny gpt (1 layer, width 32, context 16),
 * a hardhat node, a coordinator, 2 validators and 1 worker as separate
 * processes, 2 rounds. The coordinator cuts the file into training and
 * held-out windows with the file's own tokenizer; workers train on it,
 * validators replay and score on its held-out windows, and every round ends
 * with a held-out loss and a sample.
 */
describe('devnet --model gpt --text end to end', function () {
  this.timeout(300_000)
  let result: DevnetResult
  let text: string
  const log: string[] = []

  before(async () => {
    const started = Date.now()
    const stamp = (line: string): void => { log.push(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s ${line}`) }
    mkdirSync(outDir, { recursive: true })
    // 40,000 characters of Brown from its middle, so the text is not the default corpus's beginning.
    text = loadBrownText().slice(3_000_000, 3_040_000)
    const file = join(outDir, 'text.txt')
    writeFileSync(file, text)
    try {
      result = await runDevnet({
        workers: 1, rounds: 2, validators: 2, model: 'gpt', cheat: 'none',
        modelConfig: { layers: 1, heads: 2, embedDim: 32, contextLength: 16 }, text: [file],
        steps: 30, checkpointInterval: 10, trainSamples: 2000,
        chainPort: await freePort(), dashboardPort: 0, dataDir: join(outDir, 'state'), settleTimeoutS: 60,
        onLine: stamp,
        onEvent: (source, e) => { if (!/progress/.test(e.event)) stamp(`${source} ${JSON.stringify(e).slice(0, 300)}`) }
      })
    } catch (err) {
      console.log(log.slice(-60).join('\n'))
      throw err
    } finally {
      writeFileSync(join(outDir, 'devnet.log'), log.join('\n') + '\n')
    }
  })

  it('trains on the given text with its own tokenizer', () => {
    const saved = JSON.parse(readFileSync(join(outDir, 'state', 'coordinator', 'language-model.json'), 'utf8')) as { tokenizer: unknown, model: { contextLength: number, layers: number } }
    assert.deepEqual(saved.tokenizer, buildCharTokenizer(text))
    assert.deepEqual([saved.model.layers, saved.model.contextLength], [1, 16])
  })

  it('lowers the held-out loss every round, below a uniform guess', () => {
    const done = result.rounds.filter((r) => r.state === 'done')
    assert.equal(done.length, 2, `rounds: ${JSON.stringify(result.rounds)}\n${log.slice(-40).join('\n')}`)
    const uniform = Math.log(96) // the gpt's default vocabSize: what an untrained model's loss is near
    assert.ok(done[0].loss! < uniform, `round 1 loss ${done[0].loss} not below ${uniform.toFixed(3)}`)
    assert.ok(done[1].loss! < done[0].loss!, `held-out loss did not fall: ${done.map((r) => r.loss).join(' -> ')}`)
    for (const r of done) assert.ok(Math.abs(r.bitsPerChar! - r.loss! / Math.LN2) < 1e-9, 'bits per character = nats / ln 2')
    assert.ok(done.every((r) => r.accepted >= 1 && r.rejected === 0), JSON.stringify(done))
  })

  it('generates a sample every round and shows the last in the final table', () => {
    const symbols = new Set(buildCharTokenizer(text).symbols)
    for (const r of result.rounds) {
      assert.ok(r.sample !== undefined && r.sample.startsWith('The ') && r.sample.length > 'The '.length + 50, `round ${r.number} sample ${JSON.stringify(r.sample)}`)
      assert.ok([...r.sample].every((c) => symbols.has(c)), 'every character is one of the text\'s')
    }
    assert.ok(renderDevnetTable(result).includes(result.rounds.at(-1)!.sample!.split('\n')[0]))
  })

  it('settles the worker\'s contributions on chain: verified and scored by both validators', () => {
    assert.equal(result.settled, true, `still pending: ${result.pendingAtEnd.join(', ')}`)
    const worker = result.participants.find((p) => p.role === 'worker')!
    assert.ok(worker.finalized >= 1 && worker.fraudulent === 0 && worker.slashedWei === 0n, JSON.stringify(worker, (_k, v: unknown) => typeof v === 'bigint' ? v.toString() : v))
  })
})
