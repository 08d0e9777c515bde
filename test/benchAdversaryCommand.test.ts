import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'

/**
 * `npm run bench:adversary -- ARGS` as the README and docs/challenges.md write
 * it. After `ms` its whole process group is killed (npm's shell and the
 * benchmark under it): a command that starts the trials instead of answering
 * would run for minutes.
 */
async function benchAdversary (args: string[], ms = 20_000): Promise<{ status: number | null, stdout: string, stderr: string }> {
  const child = spawn('npm', ['run', '--silent', 'bench:adversary', '--', ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString() })
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
  const timer = setTimeout(() => { process.kill(-child.pid!, 'SIGKILL') }, ms)
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve))
  clearTimeout(timer)
  return { status, stdout, stderr }
}

describe('npm run bench:adversary (the documented command)', function () {
  this.timeout(60_000)

  it('--help names the flags of both parts and runs nothing', async () => {
    const r = await benchAdversary(['--help'])
    assert.equal(r.status, 0, r.stderr)
    for (const flag of ['--trials', '--rounds', '--steps', '--workers', '--only']) assert.ok(r.stdout.includes(flag), `${flag} missing from:\n${r.stdout}`)
  })

  it('takes the in-process --trials and the devnet flags together, and refuses a bad devnet flag in one line before the trials start', async () => {
    const r = await benchAdversary(['--trials', '20', '--rounds', 'x'])
    assert.equal(r.status, 2, `${r.stdout}\n${r.stderr}`)
    assert.equal(r.stderr.trim(), 'error: --rounds must be an integer >= 2, got x')
    assert.equal(r.stdout, '')
  })

  it('refuses a flag for the part --only leaves out', async () => {
    const r = await benchAdversary(['--only', 'devnet', '--trials', '20'])
    assert.equal(r.status, 2)
    assert.match(r.stderr, /--trials only apply to the part --only devnet leaves out/)
  })
})
