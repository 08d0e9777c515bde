import assert from 'node:assert/strict'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { freePort } from '../../lib/chain/startLocalChain.ts'
import { repoRoot } from '../../devnet/ComponentProcess.ts'
import { fetchStatus, runDevnet, type DevnetResult } from '../../devnet/runDevnet.ts'

const CHROMIUM = process.env.COTRAIN_CHROMIUM ?? '/usr/bin/chromium'
const outDir = join(repoRoot, '.devnet-test')

/**
 * The whole system in one short run: hardhat node, staking contract, a
 * coordinator, 2 validators (quorum 2), 2 honest workers and 1 worker that
 * skips half its training, all as separate processes, 2 rounds of MNIST.
 * While it runs, headless Chromium loads the dashboard and checks that it shows
 * the run's real values.
 */
describe('devnet end to end', function () {
  this.timeout(300_000)
  let result: DevnetResult
  let dashboard: { accuracyPoints: string[], apiAccuracies: string[], workerRows: number, apiWorkers: number, screenshot: string } | undefined
  let browserSkipReason: string | undefined
  // What every process said, with seconds since the start: written to
  // .devnet-test/devnet.log, and its tail printed when a check fails.
  const log: string[] = []
  const logTail = (): string => log.slice(-80).join('\n')

  before(async () => {
    const started = Date.now()
    const stamp = (text: string): void => { log.push(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s ${text}`) }
    mkdirSync(outDir, { recursive: true })
    const dashboardPort = await freePort()
    const chainPort = await freePort()
    // Stop the devnet before mocha's own timeout, so a stuck run ends with
    // its processes stopped and the log tail printed (a hook that mocha
    // times out prints neither).
    const signal = AbortSignal.timeout(280_000)
    const run = runDevnet({
      signal,
      workers: 2, rounds: 2, validators: 2, model: 'mlp', cheat: 'skip-steps',
      steps: 40, checkpointInterval: 5, trainSamples: 6000,
      chainPort, dashboardPort, dataDir: join(outDir, 'state'), settleTimeoutS: 90,
      onLine: stamp,
      onEvent: (source, e) => { if (!/progress/.test(e.event)) stamp(`${source} ${JSON.stringify(e).slice(0, 300)}`) }
    })
    const dashboardUrl = `http://127.0.0.1:${dashboardPort}`
    const watch = (async () => {
      if (!existsSync(CHROMIUM)) {
        if (process.env.CI != null) throw new Error(`browser test needs ${CHROMIUM} in CI (.ci/run installs Debian's chromium)`)
        browserSkipReason = `no browser at ${CHROMIUM} (apt-get install chromium, or set COTRAIN_CHROMIUM)`
        return
      }
      // Wait until the first round has finished so the charts have data.
      const until = Date.now() + 200_000
      while (Date.now() < until) {
        try {
          const s = await fetchStatus(dashboardUrl)
          if (s.rounds.some((r) => typeof r.accuracy === 'number' && r.number >= 1) && s.workers.length >= 3) break
        } catch { /* coordinator not up yet */ }
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
      const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] })
      try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
        await page.goto(dashboardUrl + '/')
        await page.waitForSelector('#acc-chart circle.point', { timeout: 20_000 })
        await page.waitForSelector('#workers tbody tr', { timeout: 20_000 })
        const api = await fetchStatus(dashboardUrl)
        const accuracyPoints = await page.$$eval('#acc-chart circle.point', (els) => els.map((e) => `${e.getAttribute('data-round')}:${Number(e.getAttribute('data-value')).toFixed(6)}`))
        const apiAccuracies = api.rounds.filter((r) => typeof r.accuracy === 'number').map((r) => `${r.number}:${r.accuracy!.toFixed(6)}`)
        const workerRows = await page.$$eval('#workers tbody tr', (rows) => rows.length)
        const screenshot = join(outDir, 'dashboard.png')
        await page.screenshot({ path: screenshot, fullPage: true })
        dashboard = { accuracyPoints, apiAccuracies, workerRows, apiWorkers: api.workers.length, screenshot }
      } finally {
        await browser.close()
      }
    })()
    try {
      const [r] = await Promise.all([run, watch])
      result = r
    } catch (err) {
      console.log(logTail())
      throw signal.aborted ? new Error(`the devnet did not finish within 280 s; its log: ${join(outDir, 'devnet.log')}`) : err
    } finally {
      writeFileSync(join(outDir, 'devnet.log'), log.join('\n') + '\n')
    }
  })

  it('finishes both rounds with rising test accuracy', () => {
    const done = result.rounds.filter((r) => r.state === 'done')
    assert.equal(done.length, 2, `rounds: ${JSON.stringify(result.rounds)}`)
    assert.ok(done[0].accuracy! > 0.5, `round 1 accuracy ${done[0].accuracy}`)
    assert.ok(done[1].accuracy! > done[0].accuracy!, `accuracy did not rise: ${done.map((r) => r.accuracy).join(' -> ')}`)
  })

  it('settles every compute contribution on chain with 2 validators', () => {
    assert.equal(result.settled, true, `still pending after ${result.settleSeconds.toFixed(0)}s: ${result.pendingAtEnd.join(', ')}\n${logTail()}`)
  })

  it('gives honest workers finalized scores and claimable rewards, and never slashes them', () => {
    const honest = result.participants.filter((p) => p.role === 'worker')
    assert.equal(honest.length, 2)
    for (const w of honest) {
      assert.ok(w.finalized >= 1, `${w.name} has no finalized contribution`)
      assert.equal(w.fraudulent, 0, `${w.name} was found fraudulent`)
      assert.ok(w.claimableWei > 0n, `${w.name} has nothing claimable`)
      assert.equal(w.slashedWei, 0n, `${w.name} was slashed`)
      assert.ok(w.reputation > 100, `${w.name} reputation did not rise: ${w.reputation}`)
    }
  })

  it('catches the worker that skipped half its steps: slashed, no reward', () => {
    const cheater = result.participants.find((p) => p.role === 'cheater')!
    assert.ok(cheater.fraudulent >= 1, `cheater was not found fraudulent: ${JSON.stringify(cheater, (_k, v: unknown) => typeof v === 'bigint' ? v.toString() : v)}`)
    assert.ok(cheater.slashedWei > 0n, 'cheater was not slashed')
    assert.equal(cheater.earnedWei, 0n, 'cheater earned a reward')
    assert.equal(cheater.claimableWei, 0n)
  })

  it('shows the run\'s real values on the dashboard in a browser', function () {
    if (browserSkipReason != null) {
      console.log(`      skipped: ${browserSkipReason}`)
      this.skip()
    }
    assert.ok(dashboard != null)
    assert.ok(dashboard.apiAccuracies.length >= 1)
    for (const point of dashboard.apiAccuracies) assert.ok(dashboard.accuracyPoints.includes(point), `chart lacks ${point}; has ${dashboard.accuracyPoints.join(', ')}`)
    assert.equal(dashboard.workerRows, dashboard.apiWorkers)
    assert.ok(existsSync(dashboard.screenshot))
  })
})
