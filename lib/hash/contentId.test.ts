import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { InvalidInputError } from '../errors.ts'
import { contentIdBytes, contentIdHexBody, contentIdOf, isContentId, toContentId, weightsId } from './contentId.ts'
import { bytesToFloat32, float32ToBytes, float32View } from './float32Bytes.ts'

describe('contentId', () => {
  it('weightsId is the sha256 of the little-endian float32 bytes, as 0x hex', () => {
    const v = new Float32Array([1, -2.5, 0])
    const bytes = Buffer.alloc(12)
    bytes.writeFloatLE(1, 0)
    bytes.writeFloatLE(-2.5, 4)
    bytes.writeFloatLE(0, 8)
    assert.equal(weightsId(v), '0x' + createHash('sha256').update(bytes).digest('hex'))
    assert.equal(weightsId(v), contentIdOf(bytes))
  })

  it('hashes only the viewed part of a subarray', () => {
    const all = new Float32Array([9, 1, -2.5, 9])
    assert.equal(weightsId(all.subarray(1, 3)), weightsId(new Float32Array([1, -2.5])))
    assert.deepEqual(float32View(all.subarray(1, 3)), float32ToBytes(new Float32Array([1, -2.5])))
  })

  it('float32 bytes round-trip, and the copy does not follow later changes', () => {
    const v = new Float32Array([Math.PI, -0, 1e-30])
    const copy = float32ToBytes(v)
    assert.deepEqual(bytesToFloat32(copy), v)
    v[0] = 7
    assert.notDeepEqual(bytesToFloat32(copy), v)
  })

  it('parses bare, 0x, upper-case and 32-byte forms into one canonical form', () => {
    const id = contentIdOf(new Uint8Array([1, 2, 3]))
    assert.ok(isContentId(id))
    assert.equal(toContentId(id.slice(2)), id)
    assert.equal(toContentId(id.toUpperCase().replace('0X', '0x')), id)
    assert.equal(toContentId(contentIdBytes(id)), id)
    assert.equal(contentIdHexBody(id), id.slice(2))
    assert.equal(isContentId(id.slice(2)), false, 'bare hex is not the canonical form')
  })

  it('refuses anything that is not 32 bytes of hex with a one-line error', () => {
    for (const bad of ['', '0x', 'ab'.repeat(31), 'zz'.repeat(32), '0x' + 'ab'.repeat(33)]) {
      assert.throws(() => toContentId(bad), (e: unknown) => e instanceof InvalidInputError && !e.message.includes('\n'), bad)
    }
    assert.throws(() => toContentId(new Uint8Array(16)), /32 bytes, got 16/)
  })
})
