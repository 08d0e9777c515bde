import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { contentId, float32Bytes, float32FromBytes } from './contentId.ts'

describe('contentId', () => {
  it('is the sha256 of the little-endian float32 bytes', () => {
    const v = new Float32Array([1, -2.5, 0])
    const bytes = Buffer.alloc(12)
    bytes.writeFloatLE(1, 0)
    bytes.writeFloatLE(-2.5, 4)
    bytes.writeFloatLE(0, 8)
    assert.equal(contentId(v), createHash('sha256').update(bytes).digest('hex'))
  })

  it('round-trips through the canonical bytes', () => {
    const v = new Float32Array([Math.PI, -0, 1e-30])
    assert.deepEqual(float32FromBytes(Uint8Array.from(float32Bytes(v))), v)
  })
})
