/**
 * The V8 heap settings the coordinator runs with: package.json's
 * `coordinator` script (what `npm run coordinator` starts), the devnet and
 * `npm run bench:scale` all start it with these, and
 * coordinator/nodeFlags.test.ts keeps the script and this list the same.
 *
 * Why: a coordinator's heap is mostly long-lived state (a connection, its
 * streams and peer record per worker) plus bursts of short-lived garbage (a
 * fleet joining, 1,000 updates arriving in 20 s). V8's default lets the old
 * generation grow up to 4 x what was live after the last full collection
 * before it collects again, and once grown its pages stay in the process's
 * RSS, so at N = 1,000 the heap reached 230-280 MiB with ~140 MiB live.
 * `--heap-growing-percent=40` grows it by 40 % instead: more full
 * collections, each of a heap that is mostly alive. A young generation of
 * 2 x 8 MiB instead of up to 2 x 16 MiB halves what a burst of garbage
 * holds between scavenges. Measured with `node benchmarks/scale.ts --workers
 * 1000` (2 cores, load 1.5-4, one coordinator, 1,000 light workers, runs
 * interleaved): peak RSS 326-328 MiB with both against 375-437 without, for
 * 17.0-20.1 ms of coordinator CPU per worker against 16.0-16.5 (how long the
 * fleet takes to join moves it as much). 25 % gave 288-320 MiB but 18-28 ms.
 * Smaller settings cost more than they save: a 2 x 1 MiB young generation
 * (`--max-semi-space-size=2`) promotes a joining fleet's garbage (535-571
 * MiB, 27-28 ms per worker), and `--optimize-for-size` (299 MiB) doubled the
 * CPU (32.6 ms per worker).
 */
export const COORDINATOR_NODE_FLAGS: readonly string[] = ['--heap-growing-percent=40', '--max-semi-space-size=8']
