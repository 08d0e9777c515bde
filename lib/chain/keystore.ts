import { createCipheriv, createDecipheriv, pbkdf2, randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto'
import { writeFileAtomic } from '../fs/writeFileAtomic.ts'
import { bytesToHex, hexToBytes, keccak256, type Hex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { KeyError, KeystorePasswordError } from './errors.ts'

/**
 * A Web3 Secret Storage v3 key file, the format geth, ethers and most wallets
 * read and write: the private key encrypted with aes-128-ctr under the first
 * 16 bytes of a scrypt (or pbkdf2) key, authenticated by
 * keccak256(derivedKey[16..32] || ciphertext).
 */
export type KeystoreV3 = {
  version: 3
  id: string
  /** Lower-case hex address without 0x (geth's form). */
  address?: string
  crypto: {
    cipher: 'aes-128-ctr'
    cipherparams: { iv: string }
    ciphertext: string
    kdf: 'scrypt' | 'pbkdf2'
    kdfparams: ScryptParams | Pbkdf2Params
    mac: string
  }
}

type ScryptParams = { dklen: number, n: number, r: number, p: number, salt: string }
type Pbkdf2Params = { dklen: number, c: number, prf: 'hmac-sha256', salt: string }

/** Options of {@link encryptKeystore}; the defaults are ethers' (N = 2^17, r = 8, p = 1). */
export type EncryptKeystoreOptions = {
  /** scrypt cost, a power of two; lower only for tests (e.g. 2^10). */
  scryptN?: number
  scryptR?: number
  scryptP?: number
}

/** ethers' default: about 128 MiB and half a second to derive, the cost an attacker pays per guess. */
export const DEFAULT_SCRYPT_N = 2 ** 17

/** Largest scrypt memory (128 * r * N bytes) a key file may ask for, so a crafted file cannot exhaust memory. */
const MAX_SCRYPT_MEMORY = 1024 * 1024 * 1024
const MAX_PBKDF2_ROUNDS = 10_000_000

/**
 * Encrypts a private key into a v3 key file (returns the JSON object; write it
 * with mode 0600).
 *
 * @example
 * const json = await encryptKeystore(privateKey, password, { scryptN: 2 ** 10 })
 */
export async function encryptKeystore (privateKey: Hex, password: string, options: EncryptKeystoreOptions = {}): Promise<KeystoreV3> {
  const key = parsePrivateKey(privateKey, 'private key')
  const n = options.scryptN ?? DEFAULT_SCRYPT_N
  const r = options.scryptR ?? 8
  const p = options.scryptP ?? 1
  checkScrypt(n, r, p)
  const salt = randomBytes(32)
  const iv = randomBytes(16)
  const derived = await deriveScrypt(password, salt, { dklen: 32, n, r, p })
  const cipher = createCipheriv('aes-128-ctr', derived.subarray(0, 16), iv)
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()])
  const mac = macOf(derived, ciphertext)
  return {
    version: 3,
    id: randomUUID(),
    address: privateKeyToAddress(bytesToHex(key)).slice(2).toLowerCase(),
    crypto: {
      cipher: 'aes-128-ctr',
      cipherparams: { iv: iv.toString('hex') },
      ciphertext: ciphertext.toString('hex'),
      kdf: 'scrypt',
      kdfparams: { dklen: 32, n, r, p, salt: salt.toString('hex') },
      mac: mac.toString('hex'),
    },
  }
}

/**
 * Decrypts a v3 key file (JSON text or parsed object) and returns the 32-byte
 * private key. A wrong password is a {@link KeystorePasswordError}; a
 * malformed file a {@link KeyError}. Neither message contains key material.
 *
 * @example
 * const privateKey = await decryptKeystore(readFileSync(path, 'utf8'), password)
 */
export async function decryptKeystore (json: string | object, password: string): Promise<Hex> {
  const file = parseKeystore(json)
  const c = file.crypto
  const ciphertext = hexField(c.ciphertext, 'crypto.ciphertext')
  const iv = hexField(c.cipherparams?.iv, 'crypto.cipherparams.iv')
  const mac = hexField(c.mac, 'crypto.mac')
  if (iv.length !== 16) throw malformed('iv must be 16 bytes')
  if (mac.length !== 32) throw malformed('mac must be 32 bytes')
  if (ciphertext.length === 0 || ciphertext.length > 32) throw malformed('ciphertext must be 1..32 bytes')

  let derived: Buffer
  if (c.kdf === 'scrypt') {
    const kp = c.kdfparams as ScryptParams
    checkScrypt(kp.n, kp.r, kp.p)
    derived = await deriveScrypt(password, hexField(kp.salt, 'kdfparams.salt'), kp)
  } else if (c.kdf === 'pbkdf2') {
    const kp = c.kdfparams as Pbkdf2Params
    if (kp.prf !== 'hmac-sha256') throw malformed(`unsupported pbkdf2 prf ${String(kp.prf)}`)
    if (!Number.isInteger(kp.c) || kp.c < 1 || kp.c > MAX_PBKDF2_ROUNDS) throw malformed('pbkdf2 c out of range')
    checkDklen(kp.dklen)
    derived = await new Promise<Buffer>((resolve, reject) => {
      pbkdf2(Buffer.from(password, 'utf8'), hexField(kp.salt, 'kdfparams.salt'), kp.c, kp.dklen, 'sha256', (err, key) => { err != null ? reject(err) : resolve(key) })
    })
  } else {
    throw malformed(`unsupported kdf ${String(c.kdf)}`)
  }

  if (!timingSafeEqual(macOf(derived, ciphertext), mac)) throw new KeystorePasswordError()
  const decipher = createDecipheriv('aes-128-ctr', derived.subarray(0, 16), iv)
  const plain = Buffer.concat([decipher.update(ciphertext), decipher.final()])
  // Old geth wrote keys with leading zero bytes stripped (its 30/31-byte test vectors).
  const key = Buffer.alloc(32)
  plain.copy(key, 32 - plain.length)
  const privateKey = bytesToHex(key)
  if (file.address != null && file.address !== '') {
    const address = privateKeyToAddress(privateKey).slice(2).toLowerCase()
    if (address !== String(file.address).replace(/^0x/i, '').toLowerCase()) {
      throw new KeyError('keystore address does not match the decrypted key', { hint: 'the file is corrupt or was edited' })
    }
  }
  return privateKey
}

/**
 * Checks and normalizes a private key given as hex (with or without 0x);
 * `what` names its source in the error, which never contains the value.
 */
export function parsePrivateKey (value: string, what: string): Uint8Array {
  const hex = value.trim().replace(/^0x/i, '')
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new KeyError(`${what} is not a 32-byte hex private key`, { hint: 'expected 64 hex digits, optionally with 0x' })
  const key = hexToBytes(`0x${hex}`)
  const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
  const k = BigInt(`0x${hex}`)
  if (k === 0n || k >= n) throw new KeyError(`${what} is not a valid secp256k1 private key`, { hint: 'it must be in [1, n-1]' })
  return key
}

function parseKeystore (json: string | object): KeystoreV3 {
  let file: unknown = json
  if (typeof json === 'string') {
    try {
      file = JSON.parse(json)
    } catch {
      throw malformed('not JSON')
    }
  }
  if (file == null || typeof file !== 'object') throw malformed('not a JSON object')
  const f = file as Record<string, unknown>
  if (f.version !== 3) throw malformed(`version ${String(f.version)} is not 3`)
  // geth accepted "Crypto" in early files.
  const crypto = (f.crypto ?? f.Crypto) as KeystoreV3['crypto'] | undefined
  if (crypto == null || typeof crypto !== 'object') throw malformed('no crypto section')
  if (crypto.cipher !== 'aes-128-ctr') throw malformed(`unsupported cipher ${String(crypto.cipher)}`)
  if (crypto.kdfparams == null || typeof crypto.kdfparams !== 'object') throw malformed('no kdfparams')
  return { ...(f as unknown as KeystoreV3), crypto }
}

function checkScrypt (n: number, r: number, p: number): void {
  if (!Number.isInteger(n) || n < 2 || (n & (n - 1)) !== 0) throw malformed('scrypt n must be a power of two >= 2')
  if (!Number.isInteger(r) || r < 1 || !Number.isInteger(p) || p < 1 || p > 64) throw malformed('scrypt r and p must be positive integers (p <= 64)')
  // RFC 7914 bounds N below 2^(16r); OpenSSL (node:crypto) enforces it, geth does not.
  if (16 * r < 53 && n >= 2 ** (16 * r)) throw malformed(`scrypt n = ${n} with r = ${r} is outside RFC 7914 (n < 2^(16r)), which node:crypto refuses`)
  if (128 * r * n > MAX_SCRYPT_MEMORY) throw malformed(`scrypt needs ${128 * r * n} bytes of memory, over the ${MAX_SCRYPT_MEMORY} limit`)
}

function checkDklen (dklen: number): void {
  if (!Number.isInteger(dklen) || dklen < 32 || dklen > 64) throw malformed('dklen must be 32..64')
}

async function deriveScrypt (password: string, salt: Uint8Array, kp: ScryptParams | { dklen: number, n: number, r: number, p: number }): Promise<Buffer> {
  checkDklen(kp.dklen)
  return await new Promise<Buffer>((resolve, reject) => {
    const failed = (err: Error): void => { reject(new KeyError('scrypt key derivation failed', { details: err.message })) }
    try {
      scrypt(Buffer.from(password, 'utf8'), salt, kp.dklen, { N: kp.n, r: kp.r, p: kp.p, maxmem: 128 * kp.r * (kp.n + kp.p + 2) + 1024 * 1024 }, (err, key) => {
        if (err != null) failed(err)
        else resolve(key)
      })
    } catch (err) {
      failed(err as Error)
    }
  })
}

function macOf (derived: Uint8Array, ciphertext: Uint8Array): Buffer {
  return Buffer.from(hexToBytes(keccak256(Buffer.concat([derived.subarray(16, 32), ciphertext]))))
}

function hexField (value: unknown, name: string): Buffer {
  if (typeof value !== 'string' || !/^(0x)?([0-9a-fA-F]{2})*$/.test(value)) throw malformed(`${name} is not hex`)
  return Buffer.from(value.replace(/^0x/, ''), 'hex')
}

function malformed (why: string): KeyError {
  return new KeyError(`malformed keystore file: ${why}`, { hint: 'expected a Web3 Secret Storage v3 JSON file (geth / ethers format)' })
}

/**
 * Encrypts `privateKey` and writes the key file at `path` with mode 0600,
 * refusing to overwrite an existing file.
 *
 * @example
 * await writeKeystoreFile('worker.key.json', generatePrivateKey(), password)
 */
export async function writeKeystoreFile (path: string, privateKey: Hex, password: string, options: EncryptKeystoreOptions = {}): Promise<KeystoreV3> {
  const json = await encryptKeystore(privateKey, password, options)
  try {
    await writeFileAtomic(path, JSON.stringify(json, null, 2) + '\n', { mode: 0o600, exclusive: true })
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new KeyError(`cannot write keystore ${path}${code != null ? ` (${code})` : ''}`, { hint: code === 'EEXIST' ? 'the file exists; choose another path' : 'check the folder and its permissions' })
  }
  return json
}
