/**
 * What each connected worker costs the coordinator in V8 heap, from two heap
 * snapshots: self size per worker by constructor (B minus A, over N), the
 * event listeners each kind of emitter holds (libp2p's streams and
 * connections are EventTargets, and every listener is several objects), and
 * the timers alive by the script that set them.
 *
 * node benchmarks/heapSnapshotDiff.ts A.heapsnapshot B.heapsnapshot N [--top 40] [--json OUT]
 *
 * A and B are typically `bench:scale --heap-snapshot DIR`'s ready and joined
 * snapshots of one run (N = its worker count), or two runs' joined
 * snapshots at two sizes (N = the difference). Sizes are self sizes: what
 * the objects themselves take, not what they keep alive (libp2p's objects
 * reference each other from many sides, so retained sizes say little). A
 * JSArrayBufferData row is ArrayBuffer memory outside the V8 heap.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

interface Snapshot {
  nodeCount: number
  nodeFields: number
  edgeFields: number
  nodes: number[]
  edges: number[]
  strings: string[]
  nodeTypes: string[]
  edgeTypes: string[]
  firstEdge: Uint32Array
  at: { type: number, name: number, self: number, edgeCount: number, edgeType: number, edgeName: number, edgeTo: number }
}

function load (path: string): Snapshot {
  const s = JSON.parse(readFileSync(path, 'utf8'))
  const meta = s.snapshot.meta
  const nodeFields = meta.node_fields.length
  const edgeFields = meta.edge_fields.length
  const nodeCount = s.nodes.length / nodeFields
  const at = {
    type: meta.node_fields.indexOf('type'),
    name: meta.node_fields.indexOf('name'),
    self: meta.node_fields.indexOf('self_size'),
    edgeCount: meta.node_fields.indexOf('edge_count'),
    edgeType: meta.edge_fields.indexOf('type'),
    edgeName: meta.edge_fields.indexOf('name_or_index'),
    edgeTo: meta.edge_fields.indexOf('to_node')
  }
  const firstEdge = new Uint32Array(nodeCount + 1)
  for (let i = 0, e = 0; i < nodeCount; i++) {
    firstEdge[i] = e
    e += s.nodes[i * nodeFields + at.edgeCount] * edgeFields
  }
  firstEdge[nodeCount] = s.edges.length
  return { nodeCount, nodeFields, edgeFields, nodes: s.nodes, edges: s.edges, strings: s.strings, nodeTypes: meta.node_types[0], edgeTypes: meta.edge_types[0], firstEdge, at }
}

const typeOf = (s: Snapshot, i: number): string => s.nodeTypes[s.nodes[i * s.nodeFields + s.at.type]]
const nameOf = (s: Snapshot, i: number): string => s.strings[s.nodes[i * s.nodeFields + s.at.name]]

/** A node's row label: objects and closures by constructor or function name, strings together, the rest by type. */
function label (s: Snapshot, i: number): string {
  const type = typeOf(s, i)
  if (type.includes('string')) return 'string'
  if (type === 'object' || type === 'closure' || type === 'native' || type === 'array' || type === 'hidden' || type === 'code') return `${type}:${nameOf(s, i).slice(0, 60)}`
  return type
}

/** The named edges out of node i, as [edge name, target]. */
function namedEdges (s: Snapshot, i: number): Array<[string, number]> {
  const out: Array<[string, number]> = []
  for (let e = s.firstEdge[i]; e < s.firstEdge[i + 1]; e += s.edgeFields) {
    const type = s.edgeTypes[s.edges[e + s.at.edgeType]]
    const name = type === 'element' || type === 'hidden' ? '' : s.strings[s.edges[e + s.at.edgeName]]
    out.push([name, s.edges[e + s.at.edgeTo] / s.nodeFields])
  }
  return out
}

const edge = (s: Snapshot, i: number, name: string): number | undefined => namedEdges(s, i).find(([n]) => n === name)?.[1]

function selfByLabel (s: Snapshot): Map<string, { bytes: number, count: number }> {
  const rows = new Map<string, { bytes: number, count: number }>()
  for (let i = 0; i < s.nodeCount; i++) {
    const row = rows.get(label(s, i)) ?? { bytes: 0, count: 0 }
    row.bytes += s.nodes[i * s.nodeFields + s.at.self]
    row.count++
    rows.set(label(s, i), row)
  }
  return rows
}

/** Listeners per (emitter constructor, event type), from Node's EventTarget kEvents maps. */
function listeners (s: Snapshot): Map<string, number> {
  const rows = new Map<string, number>()
  for (let i = 0; i < s.nodeCount; i++) {
    const events = edge(s, i, '<symbol kEvents>')
    const table = events === undefined ? undefined : edge(s, events, 'table')
    if (table === undefined) continue
    const items = namedEdges(s, table).map(([, to]) => to)
    for (let k = 0; k + 1 < items.length; k++) {
      if (!typeOf(s, items[k]).includes('string')) continue
      let count = 0
      for (let l = edge(s, items[k + 1], 'next'); l !== undefined && label(s, l) === 'object:Listener' && count < 1000; l = edge(s, l, 'next')) count++
      const key = `${nameOf(s, i)} '${nameOf(s, items[k])}'`
      rows.set(key, (rows.get(key) ?? 0) + count)
    }
  }
  return rows
}

/** Live Timeout objects by the script of their callback (an anonymous callback from node:internal/abort_controller is an AbortSignal.timeout). */
function timers (s: Snapshot): Map<string, number> {
  const rows = new Map<string, number>()
  for (let i = 0; i < s.nodeCount; i++) {
    if (label(s, i) !== 'object:Timeout') continue
    const callback = edge(s, i, '_onTimeout')
    const shared = callback === undefined ? undefined : edge(s, callback, 'shared')
    const script = shared === undefined ? undefined : edge(s, shared, 'script')
    const scriptName = script === undefined ? undefined : edge(s, script, 'name')
    const where = scriptName === undefined ? '?' : nameOf(s, scriptName).replace(/.*node_modules\//, '').replace(/^file:\/\/\/.*?\/(lib|coordinator|worker|benchmarks)\//, '$1/')
    const key = `${where} ${callback === undefined ? '' : nameOf(s, callback)}`.trim()
    rows.set(key, (rows.get(key) ?? 0) + 1)
  }
  return rows
}

function diff (a: Map<string, number>, b: Map<string, number>, n: number): Array<[string, number]> {
  const keys = new Set([...a.keys(), ...b.keys()])
  return [...keys].map((k): [string, number] => [k, ((b.get(k) ?? 0) - (a.get(k) ?? 0)) / n]).sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]))
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '40' }, json: { type: 'string' } } })
if (positionals.length !== 3 || !(Number(positionals[2]) > 0)) {
  console.error('usage: node benchmarks/heapSnapshotDiff.ts A.heapsnapshot B.heapsnapshot N [--top 40] [--json OUT]   (N > 0: the workers B has more than A)')
  process.exit(2)
}
const [pathA, pathB] = positionals
const n = Number(positionals[2])
const top = Number(values.top)
const a = load(pathA)
const b = load(pathB)

const selfA = selfByLabel(a)
const selfB = selfByLabel(b)
const total = (m: Map<string, { bytes: number }>): number => [...m.values()].reduce((sum, r) => sum + r.bytes, 0)
const bytes = diff(new Map([...selfA].map(([k, r]) => [k, r.bytes])), new Map([...selfB].map(([k, r]) => [k, r.bytes])), n)
const counts = new Map(diff(new Map([...selfA].map(([k, r]) => [k, r.count])), new Map([...selfB].map(([k, r]) => [k, r.count])), n))
const outside = ((selfB.get('native:system / JSArrayBufferData')?.bytes ?? 0) - (selfA.get('native:system / JSArrayBufferData')?.bytes ?? 0)) / n
const perWorker = (total(selfB) - total(selfA)) / n

console.log(`${pathB} minus ${pathA}, over ${n}: ${(perWorker / 1024).toFixed(1)} KB per worker (${((perWorker - outside) / 1024).toFixed(1)} KB in the V8 heap, ${(outside / 1024).toFixed(1)} KB of ArrayBuffer data outside it)\n`)
console.log('| bytes per worker | objects per worker | constructor |\n|---|---|---|')
for (const [k, v] of bytes.slice(0, top)) console.log(`| ${v.toFixed(0)} | ${(counts.get(k) ?? 0).toFixed(2)} | ${k} |`)
const heard = diff(listeners(a), listeners(b), n).filter(([, v]) => v !== 0)
console.log(`\nevent listeners per worker: ${heard.reduce((sum, [, v]) => sum + v, 0).toFixed(1)}\n\n| listeners per worker | emitter 'event' |\n|---|---|`)
for (const [k, v] of heard.slice(0, top)) console.log(`| ${v.toFixed(2)} | ${k} |`)
const timed = diff(timers(a), timers(b), n).filter(([, v]) => v !== 0)
console.log('\n| timers per worker | set by |\n|---|---|')
for (const [k, v] of timed.slice(0, top)) console.log(`| ${v.toFixed(2)} | ${k} |`)
if (values.json !== undefined) {
  writeFileSync(values.json, JSON.stringify({ a: pathA, b: pathB, n, bytesPerWorker: perWorker, outsideHeapPerWorker: outside, byConstructor: bytes.slice(0, top), listeners: heard.slice(0, top), timers: timed.slice(0, top) }, null, 1))
}
