import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { ABI_MODULE, renderAbiModule } from '../../../scripts/gen-abi.ts'

describe('generated CotrainStaking ABI (lib/chain/abi)', () => {
  it('is exactly what `npm run gen:abi` makes from the compiled contract, so it is never stale', () => {
    assert.ok(readFileSync(ABI_MODULE, 'utf8') === renderAbiModule(), 'lib/chain/abi/cotrainStakingAbi.ts differs from the compiled contract: run npm run gen:abi')
  })
})
