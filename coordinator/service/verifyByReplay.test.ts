import assert from 'node:assert/strict'
import { keccak256, numberToHex, type Hex } from 'viem'
import { ContributionType, registerContributor, submitContribution, type WalletChainClient } from '../../lib/chain/index.ts'
import { startLocalStaking, type LocalStaking } from '../../lib/chain/testing/localStaking.ts'
import { fromHex } from '../../lib/hash/sha256.ts'
import type { RoundRecord, SubmissionRecord } from '../store/records.ts'
import { tempDir } from '../testing/tempDir.ts'
import type { CoordinatorStore } from '../store/CoordinatorStore.ts'
import { encodeProof } from '../store/storedSubmission.ts'
import { verifyByReplay } from './verifyByReplay.ts'

const hashOf = (i: number): Hex => keccak256(numberToHex(i, { size: 32 }))
const REACHED_REPLAY = 'reached the replay'

describe('verifyByReplay: one commitment per worker per round (grinding)', function () {
  this.timeout(60_000)
  let local: LocalStaking
  /** Submissions the coordinator holds, by commitment: the round each was delivered for. */
  const delivered = new Map<string, { round: number }>()
  let tmp: { dir: string, remove: () => void }

  before(async () => {
    local = await startLocalStaking()
    tmp = tempDir('cotrain-grinding-')
  })
  after(async () => { await local?.stop(); tmp?.remove() })

  /** Delivers `commitment` of `worker` for round `round` (opened at `openedAt`) to the coordinator's verifier; the replay itself is not under test. */
  async function deliver (worker: WalletChainClient, round: number, openedAt: number, commitment: Hex, contributionId: bigint): Promise<{ accepted: boolean, reason?: string } | 'replayed'> {
    delivered.set(commitment.toLowerCase(), { round })
    const store = { findSubmissionByCommitment: (h: string) => delivered.get(h.toLowerCase()), blobs: { get: () => { throw new Error(REACHED_REPLAY) } } } as unknown as CoordinatorStore
    const v = verifyByReplay({
      node: () => { throw new Error(REACHED_REPLAY) },
      store: () => store,
      model: {} as never,
      shards: async () => undefined,
      workerAddrs: () => [],
      chain: { client: worker, contract: local.address }
    })
    const proof = encodeProof({ round, workerAddress: fromHex(worker.account.address, 20), commitment: fromHex(commitment, 32) } as never)
    const submission = { commitment, contributionId: contributionId.toString(), worker: 'peer', assignmentId: 1, round, proof, deltaId: '00'.repeat(32) } as SubmissionRecord
    try {
      return await v(submission, { round: { number: round, openedAt } as RoundRecord, readDelta: async () => new Float32Array(0), readGlobalModel: async () => new Float32Array(0) })
    } catch (err) {
      if ((err as Error).message === REACHED_REPLAY) return 'replayed'
      throw err
    }
  }

  const commit = async (c: WalletChainClient, h: Hex): Promise<bigint> => (await submitContribution(c, { address: local.address, ctype: ContributionType.ComputePower, dataHash: h })).id
  const skipSeconds = async (c: WalletChainClient, s: number): Promise<void> => { await c.request({ method: 'evm_increaseTime', params: [s] } as never); await c.request({ method: 'evm_mine', params: [] } as never) }

  it('refuses the lucky variant of a worker that committed several this round; an honest worker goes on to the replay', async () => {
    const [grinder, honest] = await Promise.all([local.clientFor(1), local.clientFor(2)])
    for (const c of [grinder, honest]) await registerContributor(c, { address: local.address })
    // Last round's commitments, delivered for round 1, mined before round 2 opened.
    const lastGrinder = await commit(grinder, hashOf(1))
    await commit(honest, hashOf(2))
    await deliver(grinder, 1, 0, hashOf(1), lastGrinder)
    await skipSeconds(grinder, 30)
    const openedAt = Date.now() + 30_000 - 5_000 // the chain's clock is 30 s ahead now
    await skipSeconds(grinder, 10)
    // Round 2: the grinder commits two variants and delivers the second (its "lucky" seed); the honest worker commits once.
    const unlucky = await commit(grinder, hashOf(3))
    const lucky = await commit(grinder, hashOf(4))
    const once = await commit(honest, hashOf(5))
    const refused = await deliver(grinder, 2, openedAt, hashOf(4), lucky)
    assert.notEqual(refused, 'replayed')
    assert.equal((refused as { accepted: boolean }).accepted, false)
    assert.match((refused as { reason: string }).reason, new RegExp(`committed 2 contributions on chain this round \\(#${lucky}, #${unlucky}\\): one commitment per worker per round`))
    assert.equal(await deliver(honest, 2, openedAt, hashOf(5), once), 'replayed')
  })
})
