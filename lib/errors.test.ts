import assert from 'node:assert/strict'
import { CotrainError, InvalidInputError, oneLine } from './errors.ts'

describe('oneLine', () => {
  it('prints a cotrain error as its message and other errors with their class', () => {
    assert.equal(oneLine(new InvalidInputError('bad flag --x')), 'bad flag --x')
    assert.equal(oneLine(new TypeError('not a number\nsecond line')), 'TypeError: not a number')
    assert.equal(oneLine(new Error('plain')), 'plain')
    assert.ok(new InvalidInputError('x') instanceof CotrainError)
  })

  it('names a DOM Event a stream rejected with instead of printing [object Event]', () => {
    assert.equal(oneLine(new Event('close')), 'connection ended (close event)')
    const withError = Object.assign(new Event('close'), { error: new Error('stream reset') })
    assert.equal(oneLine(withError), 'stream reset')
  })
})
