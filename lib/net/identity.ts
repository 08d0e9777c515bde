/**
 * The node's persistent Ed25519 identity: the peer id others know it by
 * survives restarts, so a worker's address binding and a coordinator's
 * address in workers' configs stay valid.
 */
import { mkdir, readFile, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from '@libp2p/crypto/keys'
import type { PrivateKey } from '@libp2p/interface'
import { InvalidInputError } from '../errors.ts'
import { writeFileAtomic } from '../fs/writeFileAtomic.ts'

/**
 * Loads the private key stored at `path` (protobuf, mode 0600), or creates
 * an Ed25519 key there when the file does not exist. Refuses a key file that
 * others can read, like ssh does.
 *
 * @example
 * const node = await createNode({ privateKey: await loadOrCreateIdentity('~/.cotrain/worker/peer.key') })
 */
export async function loadOrCreateIdentity (path: string): Promise<PrivateKey> {
  try {
    return await loadIdentity(path)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  const key = await generateKeyPair('Ed25519')
  await mkdir(dirname(path), { recursive: true, mode: 0o700 })
  // Create-once: the key file appears whole or not at all, survives a power
  // cut, and a concurrent creator's key is never overwritten.
  try {
    await writeFileAtomic(path, privateKeyToProtobuf(key), { mode: 0o600, exclusive: true })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    return await loadIdentity(path)
  }
  return key
}

async function loadIdentity (path: string): Promise<PrivateKey> {
  const info = await stat(path)
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
    throw new InvalidInputError(`identity file ${path} is accessible by other users (mode ${(info.mode & 0o777).toString(8)})`, { hint: `chmod 600 ${path}` })
  }
  const bytes = await readFile(path)
  try {
    return privateKeyFromProtobuf(bytes)
  } catch (err) {
    throw new InvalidInputError(`identity file ${path} is not a libp2p private key`, { hint: 'move it away to create a new identity', cause: err })
  }
}
