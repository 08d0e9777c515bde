import assert from 'node:assert/strict'
import { Uint8ArrayList } from 'uint8arraylist'
import { PieceQueue } from './PieceQueue.ts'

describe('PieceQueue', () => {
  it('takes bytes across pieces as views of the pieces, in order, without copying', () => {
    const a = Uint8Array.of(1, 2, 3)
    const b = Uint8Array.of(4, 5)
    const q = new PieceQueue()
    q.push(a)
    q.push(new Uint8ArrayList(new Uint8Array(0), b, Uint8Array.of(6)))
    assert.equal(q.length, 6)
    assert.deepEqual([0, 2, 3, 5, 6].map((i) => q.byteAt(i)), [1, 3, 4, 6, -1])
    const first = q.take(2)
    assert.deepEqual(first.map((p) => [...p]), [[1, 2]])
    assert.equal(first[0].buffer, a.buffer, 'a view of the piece, not a copy')
    const next = q.take(3)
    assert.deepEqual(next.map((p) => [...p]), [[3], [4, 5]])
    assert.equal(next[1], b, 'a whole piece is handed on as it came')
    assert.equal(q.length, 1)
    assert.equal(q.byteAt(0), 6)
    assert.deepEqual(q.take(10).map((p) => [...p]), [[6]])
    assert.equal(q.length, 0)
    assert.deepEqual(q.take(1), [])
  })
})
