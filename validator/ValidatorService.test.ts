import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { getAbiItem, keccak256, stringToHex, toFunctionSelector, type Abi } from 'viem'

import {
  ContributionType, getContributor, readStaking, registerContributor, reportFraud, submitContribution, type WalletChainClient
} from '../lib/chain/index.ts'
import { startLocalStaking, type LocalStaking } from '../lib/chain/testing/localStaking.ts'
import { cotrainStakingAbi } from '../lib/chain/abi/cotrainStakingAbi.ts'
import { float32ToBytes } from '../lib/hash/float32Bytes.ts'
import { fromHex } from '../lib/hash/sha256.ts'
import { resolveModelConfig } from '../lib/model/config.ts'
import {
  contentIdBytes, contentIdOf, createNode, ErrorCode, ProtocolError, startContentService, startSubmissionsService,
  type CotrainNode, type SubmissionList
} from '../lib/net/index.ts'
import { resolveHyperParams } from '../lib/training/hyperParams.ts'
import { selectBackend } from '../lib/training/selectBackend.ts'
import { smallRound, smallShards } from '../lib/training/testing/fixture.ts'
import { trainRound, type TrainRoundResult } from '../lib/training/trainRound.ts'
import { deltaToWire } from '../lib/proof/deltaWire.ts'
import { serveTrainedRounds } from '../lib/validation/testing/serveTrainedRounds.ts'
import { applyDeltaFault } from '../lib/faults/index.ts'
import { readValidationBatches } from './readValidationBatches.ts'
import { validationBatchHash } from './validationBatchHash.ts'
import { ValidatorService, type ValidatorEvent } from './ValidatorService.ts'
import { hyperParamsToWire } from '../lib/net/hyperParamsWire.ts'

/**
 * Fault injection: `wallet` with its first `times` transactions calling
 * `functionName` failing as an unreachable RPC would (at gas estimation,
 * before anything is sent).
 */
function failingSends (wallet: WalletChainClient, functionName: string, times: number): WalletChainClient {
  const selector = toFunctionSelector(getAbiItem({ abi: cotrainStakingAbi as Abi, name: functionName }) as never)
  let left = times
  const request = (async (args: { method: string, params?: unknown }) => {
    const data = (args.params as Array<{ data?: string }> | undefined)?.[0]?.data
    if (args.method === 'eth_estimateGas' && typeof data === 'string' && data.startsWith(selector) && left > 0) {
      left--
      throw new Error('injected fault: RPC unreachable')
    }
    return await wallet.request(args as never)
  }) as WalletChainClient['request']
  return { ...wallet, request }
}

describe('validator: scores honest work and reports cheats on a real chain', function () {
  this.timeout(90_000)
  let local: LocalStaking
  let owner: WalletChainClient
  let validator: WalletChainClient
  const nodes: CotrainNode[] = []
  const stops: Array<() => Promise<unknown>> = []
  const ids: { honest: bigint, cheat: bigint } = { honest: 0n, cheat: 0n }
  let coordinatorAddr: string
  let dataDir: string
  let addWorker: (account: number, shard: number, cheat?: boolean) => Promise<bigint>
  /** The coordinator's newest round (rounds after 1 have no submissions). */
  let lastRound = 1

  before(async () => {
    await selectBackend({ backend: 'wasm' })
    // Quorum 2 (the contract's least): validator 9 stands in for the second validator.
    local = await startLocalStaking({ validators: [1, 9] })
    owner = await local.clientFor(0)
    validator = await local.clientFor(1)
    await registerContributor(validator, { address: local.address })

    // An in-process coordinator: the round's model, shards and deltas by content id, and the listing.
    const shards = await smallShards()
    const base = await smallRound({ steps: 40, interval: 10, round: 1 })
    const coordinator = await createNode()
    nodes.push(coordinator)
    const blobs = new Map<string, Uint8Array>()
    const put = (b: Uint8Array): Uint8Array => { const id = contentIdOf(b); blobs.set(id, b); return contentIdBytes(id) }
    const modelId = put(float32ToBytes(base.startWeights))
    const announcement = {
      round: 1, modelId, roundSeed: fromHex(base.roundSeed), modelConfigJson: JSON.stringify(resolveModelConfig(base.model)),
      hyperParameters: hyperParamsToWire(resolveHyperParams(base.hyper)),
      openedAt: 1, trainDeadline: 2, submitDeadline: 3
    }
    const submissions: NonNullable<SubmissionList['submissions']> = []
    const list: SubmissionList = { round: 1, total: 0, submissions }

    // Account `account` trains round 1 on shard `shard` for real, submits it on chain, serves its checkpoints, and is listed.
    addWorker = async (account, shard, cheat = false) => {
      const wallet = await local.clientFor(account)
      await registerContributor(wallet, { address: local.address })
      const trained = await trainRound({ ...base, workerAddress: wallet.account.address, shards: [shards[shard]] })
      const r: TrainRoundResult = cheat ? applyDeltaFault(trained, 'scaled-delta') : trained
      const { id } = await submitContribution(wallet, { address: local.address, ctype: ContributionType.ComputePower, dataHash: r.commitment })
      const node = await createNode()
      nodes.push(node)
      stops.push((await serveTrainedRounds(node, new Map([[1, r]]))).stop)
      const f = deltaToWire(r.deltaBytes)
      submissions.push({
        workerPeerId: node.peerId.toString(),
        workerAddrs: node.getMultiaddrs().map(String),
        submission: {
          round: 1, workerAddress: fromHex(r.workerAddress), baseModelId: modelId, commitment: fromHex(r.commitment),
          encoding: f.encoding, scales: f.scales, scaleBlock: f.scaleBlock, numParams: f.numParams, deltaHash: fromHex(r.deltaHash),
          proofRoot: fromHex(r.proofRoot), leafCount: r.leaves.length, leaves: r.leaves.map((l) => ({ loss: l.loss, updateNorm: l.updateNorm })),
          samples: 1280, contributionId: id.toString(), backendClass: r.replay.backendClass, microBatches: 1
        },
        deltaId: put(f.delta),
        deltaSize: f.delta.byteLength,
        status: 'accepted',
        shardIds: [put(shards[shard].bytes)],
        announcement
      })
      list.total = submissions.length
      return id
    }
    // Two workers; the second submits 10x its delta (scaled-delta).
    ids.honest = await addWorker(3, 0)
    ids.cheat = await addWorker(4, 1, true)
    // The other validator has already found the cheat, so the service's report is the one that slashes.
    await reportFraud(await local.clientFor(9), { address: local.address, id: ids.cheat, evidenceHash: keccak256(stringToHex('second validator')) })
    stops.push((await startContentService(coordinator, { provider: (id) => blobs.get(id) })).stop.bind(null))
    const listing = await startSubmissionsService(coordinator, {
      onList: ({ round }) => {
        if (round === 1) return list
        if (round <= lastRound) return { round, total: 0, submissions: [] }
        throw new ProtocolError(ErrorCode.ERROR_CODE_NOT_FOUND, `no round ${round}`)
      }
    })
    stops.push(async () => { await listing.stop() })
    coordinatorAddr = coordinator.getMultiaddrs()[0].toString()
    dataDir = mkdtempSync(path.join(tmpdir(), 'cotrain-validator-'))
  })

  after(async () => {
    for (const stop of stops) await stop().catch(() => undefined)
    await Promise.all(nodes.map(async (n) => { await n.stop() }))
    await local?.stop()
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true })
  })

  async function runValidator (wallet = validator): Promise<ValidatorEvent[]> {
    const events: ValidatorEvent[] = []
    const v = new ValidatorService({ dataDir, coordinator: coordinatorAddr, wallet, contract: local.address, rounds: 1, pollMs: 100, heldOutSamples: 300, onEvent: (e) => events.push(e) })
    await v.start()
    try {
      await v.done
    } finally {
      await v.stop()
    }
    return events
  }

  it('scores the honest update on chain (a failed send is retried without replaying again) and reports the cheater, who is slashed', async () => {
    const cheaterBefore = await getContributor(validator, { address: local.address, account: (await local.clientFor(4)).account.address })
    const events = await runValidator(failingSends(validator, 'distributeRewardsBatch', 1))
    const warning = events.find((e) => e.event === 'validator:warning' && /sending round 1's scores/.test(e.message))
    assert.ok(warning !== undefined && warning.event === 'validator:warning' && /injected fault/.test(warning.message), JSON.stringify(events))
    const replays = events.filter((e) => e.event === 'submission:verified' && e.contributionId === ids.honest.toString() && e.score === null)
    assert.equal(replays.length, 1, `the honest update was replayed ${replays.length} times`)
    const saved = JSON.parse(readFileSync(path.join(dataDir, 'validator-state.json'), 'utf8')) as { verifiedUnsent?: Record<string, unknown> }
    assert.deepEqual(Object.keys(saved.verifiedUnsent ?? {}), [], 'sent scores leave nothing to resend')
    const sent = events.find((e) => e.event === 'scores:sent')
    assert.ok(sent !== undefined && sent.event === 'scores:sent', JSON.stringify(events))
    assert.deepEqual(sent.ids, [ids.honest.toString()])
    assert.ok(sent.scores[0] >= 1 && sent.scores[0] <= 100)
    assert.equal(await readStaking(validator, local.address, 'hasScored', [ids.honest, validator.account.address]), true)
    const fraud = events.find((e) => e.event === 'fraud:reported')
    assert.ok(fraud !== undefined && fraud.event === 'fraud:reported' && fraud.contributionId === ids.cheat.toString(), JSON.stringify(events))
    assert.match(fraud.evidenceHash, /^0x[0-9a-f]{64}$/)
    assert.equal(fraud.slashed, true)
    assert.equal(await readStaking(validator, local.address, 'hasReported', [ids.cheat, validator.account.address]), true)
    const cheaterAfter = await getContributor(validator, { address: local.address, account: (await local.clientFor(4)).account.address })
    assert.ok(cheaterAfter.stake < cheaterBefore.stake, `stake ${cheaterBefore.stake} -> ${cheaterAfter.stake}`)
    assert.ok(events.some((e) => e.event === 'validation:submitted'), 'the batch is recorded as a Validation contribution')
  })

  it('does not score again after a restart on the same data dir', async () => {
    const stateFile = path.join(dataDir, 'validator-state.json')
    const state = JSON.parse(readFileSync(stateFile, 'utf8'))
    // Rewind the round loop as if it crashed before finishing the round; the handled ids stay.
    writeFileSync(stateFile, JSON.stringify({ ...state, nextRound: 1, roundsDone: 0 }))
    const events = await runValidator()
    assert.equal(events.filter((e) => e.event === 'scores:sent' || e.event === 'fraud:reported').length, 0, JSON.stringify(events))
    assert.ok(events.some((e) => e.event === 'round:validated'))
  })

  it('after its Validation contribution fails, the next batch also covers those scores, and others rebuild it to the same hash', async () => {
    const stateFile = path.join(dataDir, 'validator-state.json')
    const rerunRound = (): void => {
      const state = JSON.parse(readFileSync(stateFile, 'utf8'))
      writeFileSync(stateFile, JSON.stringify({ ...state, nextRound: 1, roundsDone: 0 }))
    }
    // A late worker joins the round; the validator scores it, but recording the batch fails.
    const late = await addWorker(5, 2)
    rerunRound()
    const first = await runValidator(failingSends(validator, 'submitContribution', 1))
    assert.ok(first.some((e) => e.event === 'validator:warning' && /could not record the batch .*next batch will cover/.test(e.message)), JSON.stringify(first))
    assert.equal(first.filter((e) => e.event === 'validation:submitted').length, 0)
    const lateScore = first.find((e) => e.event === 'scores:sent')
    assert.ok(lateScore !== undefined && lateScore.event === 'scores:sent' && lateScore.ids[0] === late.toString(), JSON.stringify(first))
    const unrecorded = (JSON.parse(readFileSync(stateFile, 'utf8')) as { unrecordedScores?: unknown }).unrecordedScores
    assert.deepEqual(unrecorded, [{ id: late.toString(), score: lateScore.scores[0] }])

    // Another worker; this time the batch lands, and it holds both scores.
    const later = await addWorker(6, 3)
    rerunRound()
    const second = await runValidator()
    assert.ok(second.some((e) => e.event === 'validation:submitted'), JSON.stringify(second))
    assert.equal((JSON.parse(readFileSync(stateFile, 'utf8')) as { unrecordedScores?: unknown }).unrecordedScores, undefined)
    const ours = (await readValidationBatches(validator, local.address)).filter((b) => b.contributor.toLowerCase() === validator.account.address.toLowerCase())
    const last = ours[ours.length - 1]
    assert.deepEqual(last.batch.map((b) => b.id), [late, later])
    assert.equal(validationBatchHash(last.contributor, last.batch), last.dataHash.toLowerCase())
  })

  it('a new validator starts at the coordinator\'s current round, not at round 1', async () => {
    lastRound = 13
    const fresh = mkdtempSync(path.join(tmpdir(), 'cotrain-validator-new-'))
    try {
      const v = new ValidatorService({ dataDir: fresh, coordinator: coordinatorAddr, wallet: validator, contract: local.address, pollMs: 100, heldOutSamples: 300, validationContributions: false })
      await v.start()
      await v.stop()
      assert.equal((JSON.parse(readFileSync(path.join(fresh, 'validator-state.json'), 'utf8')) as { nextRound: number }).nextRound, 13)
    } finally {
      lastRound = 1
      rmSync(fresh, { recursive: true, force: true })
    }
  })

  it('never reports a contribution past its challenge window (the worker may have deleted its checkpoints)', async () => {
    const cheater = await addWorker(7, 4, true)
    const before = await getContributor(validator, { address: local.address, account: (await local.clientFor(7)).account.address })
    // Past the pending timeout and the reward lock period: the contribution can no longer be challenged.
    await validator.request({ method: 'evm_increaseTime', params: [Number(local.params.pendingTimeout + local.params.rewardLockPeriod) + 60] } as never)
    await validator.request({ method: 'evm_mine', params: [] } as never)
    const state = JSON.parse(readFileSync(path.join(dataDir, 'validator-state.json'), 'utf8'))
    writeFileSync(path.join(dataDir, 'validator-state.json'), JSON.stringify({ ...state, nextRound: 1, roundsDone: 0 }))
    const events = await runValidator()
    assert.equal(events.filter((e) => e.event === 'fraud:reported').length, 0, JSON.stringify(events))
    assert.ok(events.some((e) => e.event === 'submission:skipped' && e.contributionId === cheater.toString() && /past its challenge window/.test(e.reason)), JSON.stringify(events))
    assert.equal(await readStaking(validator, local.address, 'hasReported', [cheater, validator.account.address]), false)
    const after = await getContributor(validator, { address: local.address, account: (await local.clientFor(7)).account.address })
    assert.equal(after.stake, before.stake)
  })
})
