// A worker process that gets killed mid-flight by Outbox.test.ts: it loads its
// key from COTRAIN_PRIVATE_KEY, enqueues one submission, prints "SENT <hash>"
// once the signed transaction is broadcast, and waits to be killed.
import { loadAccount } from '../../../lib/chain/loadAccount.ts'
import { createChainClient } from '../../../lib/chain/createChainClient.ts'
import { Outbox } from '../Outbox.ts'

const env = process.env
const account = await loadAccount({ env })
const client = await createChainClient({ rpcUrl: env.RPC_URL as string, account, pollingIntervalMs: 50 })
const outbox = new Outbox({ dir: env.OUTBOX_DIR as string, client, address: env.STAKING as `0x${string}`, backoff: { initialMs: 50, maxMs: 200 } })
outbox.addEventListener('outbox:sent', (e) => { process.stdout.write(`SENT ${e.detail.hash}\n`) })
await outbox.start()
await outbox.submitContribution({ dataHash: env.DATA_HASH as `0x${string}` })
setInterval(() => {}, 1000)
