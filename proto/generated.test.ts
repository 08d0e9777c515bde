import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { OUT_DIR, generateProto } from '../scripts/gen-proto.ts'

describe('generated protobuf code (lib/proto)', () => {
  it('is exactly what `npm run gen:proto` makes from proto/, so nobody edits it by hand', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cotrain-proto-'))
    try {
      await generateProto(dir)
      const fresh = readdirSync(dir).sort()
      assert.deepEqual(fresh, ['cotrain.d.ts', 'cotrain.js'])
      for (const file of fresh) {
        assert.ok(readFileSync(join(OUT_DIR, file)).equals(readFileSync(join(dir, file))), `lib/proto/${file} differs from a fresh run: run npm run gen:proto`)
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('imports as an ES module under Node with type stripping', async () => {
    const { cotrain } = await import('../lib/proto/cotrain.js')
    const bytes = cotrain.v1.ContentRequest.encode({ contentId: new Uint8Array(32), offset: 1 }).finish()
    assert.equal(cotrain.v1.ContentRequest.decode(bytes).offset, 1)
  })
})
