import assert from 'node:assert/strict'
import { deltaHash, deltaHashOf, encodeDelta, quantizeDelta } from './delta.ts'
import { WIRE_DELTA_ENCODING, decodeWireDelta, deltaFromWire, deltaToWire, type WireDelta } from './deltaWire.ts'

/** 2,500 values in chunks of 1,024 (the last one partial), spanning several binades. */
function sampleDelta (): Float32Array {
  return Float32Array.from({ length: 2500 }, (_, i) => Math.sin(i * 1.7) * 10 ** ((i % 7) - 4))
}

/** `w` with its delta and scales moved to odd offsets inside larger buffers, as fields of a decoded protobuf message lie. */
function atOddOffsets (w: WireDelta): WireDelta {
  const place = (bytes: Uint8Array, at: number): Uint8Array => {
    const big = new Uint8Array(bytes.byteLength + at + 5)
    big.set(bytes, at)
    return big.subarray(at, at + bytes.byteLength)
  }
  return { ...w, delta: place(w.delta, 3), scales: place(w.scales, 1) }
}

describe('decodeWireDelta', () => {
  for (const [kind, bytes] of [['int8', encodeDelta(quantizeDelta(sampleDelta(), 1024))], ['float32', encodeDelta(sampleDelta())]] as const) {
    it(`gives the ${kind} delta whose canonical bytes and hash are the ones the worker committed to`, () => {
      const wire = atOddOffsets(deltaToWire(bytes))
      const d = decodeWireDelta(wire, { expectedLength: 2500 })
      assert.equal(d.encoding, kind)
      assert.equal(deltaHashOf(d.quantized ?? d.values), deltaHash(bytes))
      assert.deepEqual(deltaFromWire(wire), bytes)
    })
  }

  it('reads the int8 values where the message holds them, without a copy', () => {
    const wire = atOddOffsets(deltaToWire(encodeDelta(quantizeDelta(sampleDelta(), 1024))))
    const q = decodeWireDelta(wire).quantized!.q
    assert.equal(q.buffer, wire.delta.buffer)
    assert.equal(q.byteOffset, wire.delta.byteOffset)
    wire.delta[7] = 99
    assert.equal(q[7], 99, 'a view of the same bytes')
  })

  it('refuses fields that do not make a delta, each with its reason', () => {
    const wire = deltaToWire(encodeDelta(quantizeDelta(sampleDelta(), 1024)))
    assert.throws(() => decodeWireDelta(wire, { expectedLength: 2501 }), /delta has 2500 values, the model has 2501 weights/)
    assert.throws(() => decodeWireDelta({ ...wire, delta: wire.delta.subarray(1) }), /int8 delta of 2500 values needs 2500 bytes, got 2499/)
    assert.throws(() => decodeWireDelta({ ...wire, scales: wire.scales.subarray(4) }), /in blocks of 1024 needs 3 scales, got 2/)
    assert.throws(() => decodeWireDelta({ ...wire, scaleBlock: 0 }), /int8 delta needs scale_block >= 1/)
    assert.throws(() => decodeWireDelta({ ...wire, encoding: WIRE_DELTA_ENCODING.float32 }), /float32 delta of 2500 values needs 10000 bytes, got 2500/)
    assert.throws(() => decodeWireDelta({ ...wire, encoding: 7 }), /unknown delta encoding 7/)
  })
})

describe('deltaHashOf', () => {
  it('is deltaHash of the canonical bytes, for an int8 delta held as views at any offset', () => {
    const q = quantizeDelta(sampleDelta(), 1000)
    const big = new Int8Array(q.q.length + 3)
    big.set(q.q, 3)
    const moved = { ...q, q: big.subarray(3) }
    assert.equal(deltaHashOf(moved), deltaHash(encodeDelta(q)))
    assert.notEqual(deltaHashOf({ ...q, chunkSize: 999 }), deltaHash(encodeDelta(q)), 'the header is hashed too')
  })
})
