import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { generatePrivateKey, privateKeyToAddress } from 'viem/accounts'
import { oneLine } from '../errors.ts'
import { KeyError, KeystorePasswordError } from './errors.ts'
import { decryptKeystore, encryptKeystore, writeKeystoreFile } from './keystore.ts'
import { accountFromPrivateKey, loadAccount } from './loadAccount.ts'

// go-ethereum accounts/keystore/testdata/v3_test_vector.json (the Web3 Secret
// Storage wiki vectors and geth's short-key files).
const vectors = {
  wikiScrypt: {
    json: { crypto: { cipher: 'aes-128-ctr', cipherparams: { iv: '83dbcc02d8ccb40e466191a123791e0e' }, ciphertext: 'd172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c', kdf: 'scrypt', kdfparams: { dklen: 32, n: 262144, r: 1, p: 8, salt: 'ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19' }, mac: '2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097' }, id: '3198bc9c-6672-5ab3-d995-4942343ae5b6', version: 3 },
    password: 'testpassword',
    priv: '0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d',
  },
  wikiPbkdf2: {
    json: { crypto: { cipher: 'aes-128-ctr', cipherparams: { iv: '6087dab2f9fdbbfaddc31a909735c1e6' }, ciphertext: '5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46', kdf: 'pbkdf2', kdfparams: { c: 262144, dklen: 32, prf: 'hmac-sha256', salt: 'ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd' }, mac: '517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2' }, id: '3198bc9c-6672-5ab3-d995-4942343ae5b6', version: 3 },
    password: 'testpassword',
    priv: '0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d',
  },
  key31: {
    json: { crypto: { cipher: 'aes-128-ctr', cipherparams: { iv: 'e0c41130a323adc1446fc82f724bca2f' }, ciphertext: '9517cd5bdbe69076f9bf5057248c6c050141e970efa36ce53692d5d59a3984', kdf: 'scrypt', kdfparams: { dklen: 32, n: 2, r: 8, p: 1, salt: '711f816911c92d649fb4c84b047915679933555030b3552c1212609b38208c63' }, mac: 'd5e116151c6aa71470e67a7d42c9620c75c4d23229847dcc127794f0732b0db5' }, id: 'fecfc4ce-e956-48fd-953b-30f8b52ed66c', version: 3 },
    password: 'foo',
    priv: '0x00fa7b3db73dc7dfdf8c5fbdb796d741e4488628c41fc4febd9160a866ba0f35',
  },
  key30: {
    json: { crypto: { cipher: 'aes-128-ctr', cipherparams: { iv: '3ca92af36ad7c2cd92454c59cea5ef00' }, ciphertext: '108b7d34f3442fc26ab1ab90ca91476ba6bfa8c00975a49ef9051dc675aa', kdf: 'scrypt', kdfparams: { dklen: 32, n: 2, r: 8, p: 1, salt: 'd0769e608fb86cda848065642a9c6fa046845c928175662b8e356c77f914cd3b' }, mac: '75d0e6759f7b3cefa319c3be41680ab6beea7d8328653474bd06706d4cc67420' }, id: 'a37e1559-5955-450d-8075-7b8931b392b2', version: 3 },
    password: 'foo',
    priv: '0x000081c29e8142bb6a81bef5a92bda7a8328a5c85bb2f9542e76f9b0f94fc018',
  },
} as const

const fast = { scryptN: 2 ** 10 }

describe('keystore (Web3 Secret Storage v3)', function () {
  describe('geth test vectors', function () {
    for (const [name, v] of Object.entries(vectors)) {
      if (name === 'wikiScrypt') continue
      it(`decrypts ${name}`, async function () {
        assert.equal(await decryptKeystore(JSON.stringify(v.json), v.password), v.priv)
      })
    }
    it('refuses the wiki scrypt vector (r = 1, n = 2^18 breaks RFC 7914) with a clear error', async function () {
      await assert.rejects(decryptKeystore(vectors.wikiScrypt.json, vectors.wikiScrypt.password), /outside RFC 7914/)
    })
    it('rejects a vector with the wrong password', async function () {
      await assert.rejects(decryptKeystore(vectors.key31.json, 'bar'), KeystorePasswordError)
    })
  })

  describe('encrypt / decrypt', function () {
    it('round-trips and records the address', async function () {
      const key = generatePrivateKey()
      const json = await encryptKeystore(key, 'correct horse', fast)
      assert.equal(json.version, 3)
      assert.equal(json.crypto.kdf, 'scrypt')
      assert.equal(json.address, privateKeyToAddress(key).slice(2).toLowerCase())
      assert.ok(!JSON.stringify(json).includes(key.slice(2)))
      assert.equal(await decryptKeystore(JSON.stringify(json), 'correct horse'), key)
    })

    it('uses the standard cost by default', async function () {
      const json = await encryptKeystore(generatePrivateKey(), 'x')
      assert.equal((json.crypto.kdfparams as { n: number }).n, 2 ** 17)
    })

    it('says "wrong password" in one line and never quotes the key', async function () {
      const key = generatePrivateKey()
      const json = await encryptKeystore(key, 'right', fast)
      const err = await decryptKeystore(json, 'wrong').then(() => assert.fail('decrypted'), (e: unknown) => e)
      assert.ok(err instanceof KeystorePasswordError)
      assert.match(oneLine(err), /^wrong password for keystore/)
      assert.ok(!oneLine(err).includes('\n'))
      assert.ok(!inspect(err).includes(key.slice(2)))
    })

    it('detects an edited address field', async function () {
      const json = await encryptKeystore(generatePrivateKey(), 'pw', fast)
      json.address = '0'.repeat(40)
      await assert.rejects(decryptKeystore(json, 'pw'), /address does not match/)
    })

    it('refuses malformed files and costs that would exhaust memory', async function () {
      await assert.rejects(decryptKeystore('{', 'pw'), /malformed keystore file: not JSON/)
      await assert.rejects(decryptKeystore({ version: 1 }, 'pw'), /version 1 is not 3/)
      const json = await encryptKeystore(generatePrivateKey(), 'pw', fast)
      const big = structuredClone(json);
      (big.crypto.kdfparams as { n: number }).n = 2 ** 30
      await assert.rejects(decryptKeystore(big, 'pw'), /bytes of memory/)
      const cbc = structuredClone(json) as unknown as { crypto: { cipher: string } }
      cbc.crypto.cipher = 'aes-128-cbc'
      await assert.rejects(decryptKeystore(cbc, 'pw'), /unsupported cipher/)
    })
  })

  describe('loadAccount', function () {
    let dir: string
    before(async function () { dir = await mkdtemp(join(tmpdir(), 'cotrain-keys-')) })
    after(async function () { await rm(dir, { recursive: true, force: true }) })

    it('loads from COTRAIN_PRIVATE_KEY, with or without 0x', async function () {
      const key = generatePrivateKey()
      const a = await loadAccount({ env: { COTRAIN_PRIVATE_KEY: key } })
      const b = await loadAccount({ env: { COTRAIN_PRIVATE_KEY: ` ${key.slice(2)}\n` } })
      assert.equal(a.address, privateKeyToAddress(key))
      assert.equal(b.address, a.address)
    })

    it('never shows the key when the account is printed', async function () {
      const key = generatePrivateKey()
      const account = await loadAccount({ env: { COTRAIN_PRIVATE_KEY: key } })
      for (const shown of [inspect(account, { depth: 10, showHidden: true }), String(account), `${account}`, JSON.stringify(account), JSON.stringify({ account })]) {
        assert.ok(!shown.toLowerCase().includes(key.slice(2)), shown)
        assert.ok(shown.includes(account.address), shown)
      }
      assert.equal(inspect(account), `LocalAccount(${account.address})`)
    })

    it('keeps a malformed env key out of the error', async function () {
      const almost = generatePrivateKey().slice(0, 60)
      const err = await loadAccount({ env: { COTRAIN_PRIVATE_KEY: almost } }).then(() => assert.fail('loaded'), (e: unknown) => e)
      assert.ok(err instanceof KeyError)
      assert.equal(oneLine(err), 'COTRAIN_PRIVATE_KEY is not a 32-byte hex private key (expected 64 hex digits, optionally with 0x)')
      assert.ok(!inspect(err, { depth: 10 }).includes(almost.slice(2)))
      await assert.rejects(loadAccount({ env: { COTRAIN_PRIVATE_KEY: '0x' + '0'.repeat(64) } }), /not a valid secp256k1 private key/)
      assert.throws(() => accountFromPrivateKey(`0x${'f'.repeat(64)}`), (e: unknown) => e instanceof KeyError && !inspect(e).includes('f'.repeat(64)))
    })

    it('loads a keystore with the password from the env or the prompt', async function () {
      const key = generatePrivateKey()
      const path = join(dir, 'worker.json')
      await writeKeystoreFile(path, key, 'pw', fast)
      assert.equal((await stat(path)).mode & 0o777, 0o600)
      await assert.rejects(writeKeystoreFile(path, key, 'pw', fast), /the file exists/)
      const fromEnv = await loadAccount({ keystorePath: path, env: { COTRAIN_KEYSTORE_PASSWORD: 'pw' } })
      const fromEnvPath = await loadAccount({ env: { COTRAIN_KEYSTORE: path, COTRAIN_KEYSTORE_PASSWORD: 'pw' } })
      let asked = ''
      const fromPrompt = await loadAccount({ keystorePath: path, env: {}, prompt: async (q) => { asked = q; return 'pw' } })
      assert.equal(fromEnv.address, privateKeyToAddress(key))
      assert.equal(fromEnvPath.address, fromEnv.address)
      assert.equal(fromPrompt.address, fromEnv.address)
      assert.match(asked, /password for keystore/)
    })

    it('gives one-line errors for a wrong password, a missing file, no key and two keys', async function () {
      const path = join(dir, 'w2.json')
      await writeFile(path, JSON.stringify(await encryptKeystore(generatePrivateKey(), 'pw', fast)))
      await assert.rejects(loadAccount({ keystorePath: path, env: { COTRAIN_KEYSTORE_PASSWORD: 'nope' } }),
        (e: unknown) => e instanceof KeystorePasswordError && oneLine(e) === `wrong password for keystore ${path} (check COTRAIN_KEYSTORE_PASSWORD or the password you typed)`)
      await assert.rejects(loadAccount({ keystorePath: join(dir, 'missing.json'), env: { COTRAIN_KEYSTORE_PASSWORD: 'pw' } }), /cannot read keystore .*missing\.json \(ENOENT\)/)
      await assert.rejects(loadAccount({ env: {} }), /^KeyError: no signing key \(set COTRAIN_PRIVATE_KEY or pass --keystore FILE/)
      await assert.rejects(loadAccount({ keystorePath: path, env: { COTRAIN_PRIVATE_KEY: generatePrivateKey() } }), /both COTRAIN_PRIVATE_KEY and a keystore are set/)
      const notJson = join(dir, 'bad.json')
      await writeFile(notJson, 'hello')
      await assert.rejects(loadAccount({ keystorePath: notJson, env: { COTRAIN_KEYSTORE_PASSWORD: 'pw' } }), /bad\.json: malformed keystore file: not JSON/)
      assert.ok((await readFile(path, 'utf8')).length > 0)
    })
  })
})
