import assert from 'node:assert/strict'
import { bytesToFloat32, float32ToBytes } from './float32Bytes.ts'
import { weightsId } from './contentId.ts'
import { SeededRandom } from './SeededRandom.ts'
import { fromHex, sha256Hex, taggedHash, toHex } from './sha256.ts'

describe('hash: sha256, float32 bytes, seeded random', () => {
  it('hashes, tags and converts hex', () => {
    assert.equal(sha256Hex(new TextEncoder().encode('abc')), '0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    assert.notEqual(toHex(taggedHash('a', new Uint8Array([1]))), toHex(taggedHash('b', new Uint8Array([1]))))
    assert.deepEqual([...fromHex('0x00ff')], [0, 255])
    assert.throws(() => fromHex('0x0', 1), /not valid hex/)
    assert.throws(() => fromHex('0x00', 2, 'root'), /root must be 2 bytes, got 1/)
  })

  it('canonical float32 bytes are little-endian and round-trip (NaN payloads included)', () => {
    const v = new Float32Array([1, -0, NaN, 3.5e-38])
    const b = float32ToBytes(v)
    assert.deepEqual([...b.subarray(0, 4)], [0, 0, 0x80, 0x3f])
    assert.deepEqual(float32ToBytes(bytesToFloat32(b)), b)
    assert.equal(weightsId(v), sha256Hex(b))
  })

  it('SeededRandom is reproducible (pinned) and unbiased in range', () => {
    // xoshiro128** reference outputs for state {1, 2, 3, 4}.
    const ref = new SeededRandom(new Uint8Array(new Uint32Array([1, 2, 3, 4]).buffer))
    assert.deepEqual([ref.nextUint32(), ref.nextUint32()], [11520, 0])
    const r = SeededRandom.fromParts('test', new Uint8Array([1, 2, 3]))
    const first = [r.nextUint32(), r.nextUint32(), r.nextUint32()]
    assert.deepEqual(first, PINNED)
    const counts = new Array(7).fill(0)
    for (let i = 0; i < 7000; i++) counts[r.uniformInt(7)]++
    assert.ok(counts.every((c) => c > 850 && c < 1150), counts.join(','))
    const p = r.permutation(50)
    assert.deepEqual([...p].sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i))
    const f = r.nextFloat()
    assert.ok(f >= 0 && f < 1 && Math.fround(f) === f)
  })

  it('SeededRandom.fromInteger replays a test case from its number; bytes and pick stay in range', () => {
    const a = SeededRandom.fromInteger(0x5eed)
    const b = SeededRandom.fromInteger(0x5eed)
    assert.deepEqual(a.bytes(64), b.bytes(64))
    assert.notDeepEqual(SeededRandom.fromInteger(1).bytes(16), SeededRandom.fromInteger(2).bytes(16))
    const seen = new Set<number>()
    for (const x of a.bytes(5000)) seen.add(x)
    assert.equal(seen.size, 256, 'every byte value is drawn')
    const picked = new Set<string>()
    for (let i = 0; i < 200; i++) picked.add(a.pick(['x', 'y', 'z']))
    assert.deepEqual([...picked].sort(), ['x', 'y', 'z'])
  })
})

const PINNED = [499843267, 2545017319, 1512274731]
