import assert from 'node:assert/strict'
import { ErrorCode, ProtocolError, peerWaitMs } from './ProtocolError.ts'

describe('waits a peer asks for', () => {
  it('peerWaitMs takes a retry_after in seconds as ms, at most 60 s: a coordinator cannot park a worker for 2^32 s', () => {
    assert.equal(peerWaitMs(undefined), 0)
    assert.equal(peerWaitMs(null), 0)
    assert.equal(peerWaitMs(0), 0)
    assert.equal(peerWaitMs(20), 20_000)
    assert.equal(peerWaitMs(60), 60_000)
    assert.equal(peerWaitMs(0xffffffff), 60_000)
  })

  it("an error's retry hint is capped the same way", () => {
    assert.equal(new ProtocolError(ErrorCode.ERROR_CODE_BUSY, 'busy', { retryAfterMs: 5000 }).retryAfterMs, 5000)
    assert.equal(new ProtocolError(ErrorCode.ERROR_CODE_BUSY, 'busy', { retryAfterMs: 3_600_000 }).retryAfterMs, 60_000)
    assert.equal(new ProtocolError(ErrorCode.ERROR_CODE_BUSY, 'busy', { retryAfterMs: 0 }).retryAfterMs, undefined)
  })
})
