import assert from 'node:assert/strict'
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { MetricsRegistry } from '../../lib/metrics/MetricsRegistry.ts'
import { startStatusServer, type StatusServer } from '../../lib/http/startStatusServer.ts'
import { dashboardPage } from './dashboardPage.ts'
import type { DashboardStatus } from './DashboardStatus.ts'

const CHROMIUM = process.env.COTRAIN_CHROMIUM ?? '/usr/bin/chromium'
const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '.devnet-test')

const ETH = 10n ** 18n
const NOW = Date.UTC(2026, 11, 6, 3, 30)
const HONEST = '0x12ab' + 'a1'.repeat(16) + 'cd34'
const CHEATER = '0x' + 'c4'.repeat(20)
const VALIDATOR = '0x' + 'e5'.repeat(20)
const FRAUD_REASON = 'segment 7 of 10: replayed weights differ from the committed checkpoint (max abs diff 0.31)'
const status: DashboardStatus = {
  coordinator: { peerId: '12D3KooWabcdefghijklmnop', addrs: [], model: '{"kind":"mlp","hidden":[128]}', aggregator: 'fedavg', startedAt: Date.UTC(2026, 11, 6, 3, 0) },
  now: NOW,
  current: { number: 2, state: 'training', deadline: NOW + 150_000, openedAt: NOW - 30_000, assigned: 3, submitted: 1, accepted: 1, rejected: 0 },
  validators: [{ address: VALIDATOR, scores: 44, fraudReports: 1, averageScore: 70, lastActiveAt: NOW - 60_000 }],
  earnings: [{ address: HONEST, round: 1, amountWei: (8n * ETH / 10n).toString() }],
  rounds: [{ number: 1, state: 'done', accuracy: 0.897, loss: 0.41, accepted: 2, rejected: 1, openedAt: 1 }],
  workers: [
    { address: HONEST, peerId: '12D3KooWworker1', status: 'active', contributions: 1, lastScore: 81, rewardsWei: (8n * ETH / 10n).toString(), slashedWei: '0' },
    { address: CHEATER, peerId: '12D3KooWcheater', status: 'active', statusReason: 'slashed 0.5 ETH for fraud', contributions: 1, rewardsWei: '0', slashedWei: (ETH / 2n).toString() }
  ],
  latestSample: { round: 1, text: 'the jury said', bitsPerChar: 2.25 },
  chain: {
    contract: '0x' + '5f'.repeat(20),
    events: [
      ...Array.from({ length: 43 }, (_, i) => ({ kind: 'scored' as const, contributionId: i + 1, account: VALIDATOR, score: 70, block: 100 + i, at: NOW - 600_000 + i * 1000, round: 1 })),
      { kind: 'fraud' as const, contributionId: 44, account: VALIDATOR, block: 143, at: NOW - 60_000, round: 1, reason: FRAUD_REASON },
      { kind: 'slashed' as const, contributionId: 44, account: CHEATER, block: 144, at: NOW - 59_000, round: 1, amountWei: (ETH / 2n).toString(), reason: FRAUD_REASON }
    ]
  }
}

describe('coordinator dashboard in headless Chromium', function () {
  this.timeout(90_000)
  let server: StatusServer
  before(async function () {
    if (!existsSync(CHROMIUM)) {
      if (process.env.CI != null) throw new Error(`browser test needs ${CHROMIUM} in CI`)
      // Said out loud, never a silent pass: the check needs a browser.
      console.log(`      SKIPPED: no browser at ${CHROMIUM} (apt-get install chromium, or set COTRAIN_CHROMIUM)`)
      this.skip()
    }
    server = await startStatusServer({ metrics: new MetricsRegistry(), status: () => status, page: dashboardPage })
  })
  after(async () => { await server?.stop() })

  it('shows the current round\'s progress and time left, the validators, earnings per round, short addresses, and fraud rows with their reason and local time', async () => {
    const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] })
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1300 }, timezoneId: 'Asia/Tokyo' })
      await page.goto(server.url + '/')
      await page.waitForSelector('#workers tbody tr')
      const current = await page.textContent('#current-text') ?? ''
      assert.match(current, /^round 2 · training · 1 of 3 workers submitted \(1 accepted, 0 rejected\) · 2m 30s left \(deadline 12:32:30/)
      assert.equal(await page.getAttribute('#current-bar', 'style'), 'width: 33.3333%;')
      const validator = await page.$$eval('#validators tbody tr td', (tds) => tds.map((t) => t.textContent ?? ''))
      assert.deepEqual(validator.slice(0, 4), ['0xe5e5…e5e5', '44', '70', '1'])
      assert.match(validator[4], /12:29:00/, 'last activity in the browser\'s time zone (UTC+9)')
      assert.deepEqual(await page.$$eval('#earnings thead th', (ths) => ths.map((t) => t.textContent)), ['worker', '#1', 'total'])
      assert.deepEqual(await page.$$eval('#earnings tbody td', (tds) => tds.map((t) => t.textContent)), ['0x12ab…cd34', '0.8', '0.8'])
      assert.equal(await page.textContent('#workers tbody tr td'), '0x12ab…cd34')
      const fraud = await page.$$eval('#events tbody tr[data-kind="fraud"] td', (tds) => tds.map((t) => t.textContent ?? ''))
      assert.match(fraud[0], /12:29:00/, 'event time in local time, not a block number alone')
      assert.equal(fraud[3], '1', 'the round')
      assert.equal(fraud[8], FRAUD_REASON)
      mkdirSync(outDir, { recursive: true })
      await page.screenshot({ path: path.join(outDir, 'dashboard-operator.png'), fullPage: true })
    } finally {
      await browser.close()
    }
  })

  it('names the model, shows the latest LM sample, keeps the accuracy axis in 0-100 %, shows a slashed worker as slashed, pages the events, and asks for no missing favicon', async () => {
    const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] })
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
      const missing: string[] = []
      const errors: string[] = []
      page.on('response', (r) => { if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`) })
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(server.url + '/')
      await page.waitForSelector('#workers tbody tr')
      const header = await page.textContent('#coord') ?? ''
      assert.match(header, /model mlp 128 · fedavg/)
      assert.doesNotMatch(header, /\{/, 'no raw JSON in the header')
      const axis = await page.$$eval('#acc-chart text', (ts) => ts.map((t) => t.textContent ?? ''))
      assert.ok(axis.some((t) => t.endsWith('%')))
      for (const t of axis.filter((x) => x.endsWith('%'))) assert.ok(Number.parseFloat(t) >= 0 && Number.parseFloat(t) <= 100, `axis label ${t}`)
      const statuses = await page.$$eval('#workers tbody tr', (rows) => rows.map((r) => r.children[8]?.textContent ?? ''))
      assert.deepEqual(statuses, ['active', 'slashedslashed 0.5 ETH for fraud'], 'the status with its reason')
      const rewards = await page.$$eval('#workers tbody tr', (rows) => rows.map((r) => r.children[12]?.textContent ?? ''))
      assert.equal(rewards[0], '0.8')
      assert.equal(await page.textContent('#sample'), 'round 1 · 2.250 bits/char\nthe jury said', 'the language model\'s latest sample')
      assert.equal(await page.$$eval('#events tbody tr', (rows) => rows.length), 20)
      assert.equal(await page.textContent('#page'), 'page 1 of 3 (45 events)')
      assert.equal(await page.getAttribute('#events tbody tr', 'data-kind'), 'slashed', 'newest first')
      await page.click('#older')
      assert.equal(await page.textContent('#page'), 'page 2 of 3 (45 events)')
      mkdirSync(outDir, { recursive: true })
      const shot = path.join(outDir, 'dashboard-page.png')
      await page.screenshot({ path: shot, fullPage: true })
      assert.ok(existsSync(shot))
      assert.deepEqual(missing, [], 'no request fails (favicon included)')
      assert.deepEqual(errors, [])
    } finally {
      await browser.close()
    }
  })
})
