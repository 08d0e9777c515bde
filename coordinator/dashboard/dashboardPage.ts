/**
 * The dashboard as one self-contained page: no scripts, fonts or styles from
 * elsewhere (the machines it runs on may reach nothing), charts drawn as SVG.
 * It polls /api/status every second.
 */
export const dashboardPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>cotrain coordinator</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<style>
  :root { --fg:#1d2430; --muted:#6b7383; --line:#e3e6ec; --acc:#2f6fde; --loss:#d9534f; --ok:#2e9d5b; --bad:#c0392b; }
  body { font: 14px/1.4 system-ui, sans-serif; color: var(--fg); margin: 0; background: #f6f7f9; }
  header { background: #1d2430; color: #fff; padding: 12px 20px; display: flex; gap: 24px; align-items: baseline; flex-wrap: wrap; }
  header h1 { font-size: 18px; margin: 0; }
  header span { color: #c5cbd6; font-size: 12px; }
  main { padding: 16px 20px; display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
  section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; }
  section.wide { grid-column: 1 / -1; }
  h2 { font-size: 14px; margin: 0 0 8px; }
  table { border-collapse: collapse; width: 100%; font-size: 13px; }
  th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--line); white-space: nowrap; }
  th { color: var(--muted); font-weight: 600; }
  .mono { font-family: ui-monospace, monospace; font-size: 12px; }
  .ok { color: var(--ok); } .bad { color: var(--bad); }
  svg text { font-size: 11px; fill: var(--muted); }
  .timeline { display: flex; gap: 4px; flex-wrap: wrap; }
  .round { border: 1px solid var(--line); border-radius: 4px; padding: 4px 8px; font-size: 12px; }
  .round.done { background: #e8f5ee; } .round.failed { background: #fbeaea; } .round.active { background: #eaf1fd; }
  #updated { margin-left: auto; }
  .pager { display: flex; gap: 8px; align-items: center; margin-top: 6px; font-size: 12px; color: var(--muted); }
  .pager button { font: inherit; padding: 2px 8px; }
  .status-slashed, .status-banned { color: var(--bad); font-weight: 600; }
  .status-inactive { color: var(--muted); }
  .bar { height: 10px; background: var(--line); border-radius: 5px; overflow: hidden; margin-top: 6px; }
  .bar > div { height: 100%; background: var(--acc); }
  #current-text { font-size: 15px; }
  td.reason { white-space: normal; max-width: 520px; }
  .reason-note { color: var(--muted); font-size: 11px; white-space: normal; max-width: 220px; }
</style>
</head>
<body>
<header><h1>cotrain</h1><span id="coord"></span><span id="updated">connecting…</span></header>
<main>
  <section class="wide"><h2>Current round</h2><div id="current-text">no round in progress</div><div class="bar"><div id="current-bar" style="width:0"></div></div></section>
  <section class="wide"><h2>Rounds</h2><div class="timeline" id="timeline"></div></section>
  <section><h2>Test accuracy</h2><svg id="acc-chart" width="100%" height="180" viewBox="0 0 420 180"></svg></section>
  <section><h2>Test loss</h2><svg id="loss-chart" width="100%" height="180" viewBox="0 0 420 180"></svg></section>
  <section class="wide" id="sample-section" hidden><h2>Latest sample</h2><pre id="sample" style="white-space: pre-wrap"></pre></section>
  <section class="wide"><h2>Workers</h2><table id="workers"><thead><tr>
    <th>address</th><th>peer</th><th>backend</th><th>samples/s</th><th>GFLOP/s</th><th>cores</th><th>memory</th><th>gpu</th><th>status</th><th>reputation</th><th>contributions</th><th>last score</th><th>rewards (ETH)</th><th>slashed (ETH)</th>
  </tr></thead><tbody></tbody></table></section>
  <section><h2>Validators</h2><table id="validators"><thead><tr>
    <th>validator</th><th>scores given</th><th>average score</th><th>fraud reports</th><th>last active</th>
  </tr></thead><tbody></tbody></table></section>
  <section><h2>Earnings per round (ETH)</h2><table id="earnings"><thead></thead><tbody></tbody></table></section>
  <section class="wide"><h2>On-chain rewards and slashes</h2><table id="events"><thead><tr>
    <th>time</th><th>block</th><th>event</th><th>round</th><th>contribution</th><th>account</th><th>score</th><th>amount (ETH)</th><th>reason</th>
  </tr></thead><tbody></tbody></table>
  <div class="pager"><button id="newer" type="button">newer</button><span id="page"></span><button id="older" type="button">older</button></div></section>
</main>
<script>
const $ = (id) => document.getElementById(id)
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c])
// Whole ETH with up to 6 decimals and no trailing zeros: 0.8 ETH, not 0.800000.
const eth = (wei) => wei == null ? '' : String(Number((Number(BigInt(wei) / 1000000000000n) / 1e6).toFixed(6)))
const PAGE = 20
let eventPage = 0
let last = null
const short = (s) => s == null ? '' : s.length > 14 ? s.slice(0, 8) + '…' + s.slice(-4) : s
// An address as people compare them: 0x12ab…cd34.
const addr = (a) => a == null ? '' : /^0x[0-9a-fA-F]{40}$/.test(a) ? a.slice(0, 6) + '…' + a.slice(-4) : short(a)
const localTime = (ms) => ms == null ? '' : new Date(ms).toLocaleString()
// "2m 30s", "45 s": how long until a deadline.
function duration (ms) {
  const s = Math.max(0, Math.round(ms / 1000))
  if (s < 60) return s + ' s'
  const m = Math.floor(s / 60)
  return m < 60 ? m + 'm ' + String(s % 60).padStart(2, '0') + 's' : Math.floor(m / 60) + 'h ' + String(m % 60).padStart(2, '0') + 'm'
}

function chart (svg, points, key, color, fmt, bounds) {
  const W = 420, H = 180, L = 44, B = 24, T = 10, R = 10
  const pts = points.filter((p) => typeof p[key] === 'number')
  let html = ''
  if (pts.length === 0) { svg.innerHTML = '<text x="' + (W / 2 - 40) + '" y="' + H / 2 + '">no rounds yet</text>'; return }
  const xs = pts.map((p) => p.number), ys = pts.map((p) => p[key])
  const x0 = Math.min(...xs), x1 = Math.max(...xs, x0 + 1)
  let y0 = Math.min(...ys), y1 = Math.max(...ys)
  // One point (or a flat line) gets a margin of 5 % of its value, never a
  // fixed 0.5 that ran the accuracy axis to -39.9 %; bounds stay in range.
  const pad = Math.max((y1 - y0) * 0.1, Math.abs(y1) * 0.05, 1e-3)
  y0 -= pad; y1 += pad
  if (bounds) { y0 = Math.max(bounds[0], y0); y1 = Math.min(bounds[1], y1) }
  const sx = (x) => L + (x - x0) / (x1 - x0) * (W - L - R), sy = (y) => H - B - (y - y0) / (y1 - y0) * (H - B - T)
  for (let i = 0; i <= 4; i++) {
    const y = y0 + (y1 - y0) * i / 4
    html += '<line x1="' + L + '" x2="' + (W - R) + '" y1="' + sy(y) + '" y2="' + sy(y) + '" stroke="#eee"/>'
    html += '<text x="2" y="' + (sy(y) + 4) + '">' + fmt(y) + '</text>'
  }
  for (const x of xs) html += '<text x="' + (sx(x) - 4) + '" y="' + (H - 6) + '">' + x + '</text>'
  html += '<polyline fill="none" stroke="' + color + '" stroke-width="2" points="' + pts.map((p) => sx(p.number) + ',' + sy(p[key])).join(' ') + '"/>'
  for (const p of pts) html += '<circle class="point" data-round="' + p.number + '" data-value="' + p[key] + '" cx="' + sx(p.number) + '" cy="' + sy(p[key]) + '" r="3.5" fill="' + color + '"><title>round ' + p.number + ': ' + fmt(p[key]) + '</title></circle>'
  svg.innerHTML = html
}

function render (s) {
  last = s
  $('coord').textContent = 'peer ' + short(s.coordinator.peerId) + ' · model ' + modelName(s.coordinator.model) + ' · ' + s.coordinator.aggregator + (s.chain.contract ? ' · contract ' + short(s.chain.contract) : '') + ' · up since ' + new Date(s.coordinator.startedAt).toLocaleString()
  $('timeline').innerHTML = s.rounds.map((r) => '<div class="round ' + (r.state === 'done' ? 'done' : r.state === 'failed' ? 'failed' : 'active') + '" data-round="' + r.number + '">#' + r.number + ' ' + esc(r.state) + ' · ' + r.accepted + ' accepted' + (r.rejected ? ', ' + r.rejected + ' rejected' : '') + (typeof r.accuracy === 'number' ? ' · ' + (r.accuracy * 100).toFixed(2) + '%' : '') + '</div>').join('') || 'no rounds yet'
  chart($('acc-chart'), s.rounds, 'accuracy', 'var(--acc)', (v) => (v * 100).toFixed(1) + '%', [0, 1])
  chart($('loss-chart'), s.rounds, 'loss', 'var(--loss)', (v) => v.toFixed(3), [0, Infinity])
  renderCurrent(s)
  $('validators').tBodies[0].innerHTML = (s.validators || []).map((v) => '<tr>' + [
    '<span class="mono" title="' + esc(v.address) + '">' + esc(addr(v.address)) + '</span>', v.scores, v.averageScore ?? '', '<span class="' + (v.fraudReports ? 'bad' : '') + '">' + v.fraudReports + '</span>', esc(localTime(v.lastActiveAt))
  ].map((c) => '<td>' + c + '</td>').join('') + '</tr>').join('') || '<tr><td colspan="5">no scores yet</td></tr>'
  renderEarnings(s.earnings || [])
  if (s.latestSample) { $('sample-section').hidden = false; $('sample').textContent = 'round ' + s.latestSample.round + (typeof s.latestSample.bitsPerChar === 'number' ? ' · ' + s.latestSample.bitsPerChar.toFixed(3) + ' bits/char' : '') + '\\n' + s.latestSample.text }
  $('workers').tBodies[0].innerHTML = s.workers.map((w) => '<tr data-address="' + esc(w.address) + '">' + [
    '<span class="mono" title="' + esc(w.address) + '">' + esc(addr(w.address)) + '</span>', '<span class="mono">' + esc(short(w.peerId)) + '</span>', esc(w.backend),
    w.samplesPerSecond != null ? Math.round(w.samplesPerSecond) : '', w.gflops != null ? w.gflops.toFixed(1) : '', w.cores ?? '',
    w.memoryGiB != null ? w.memoryGiB.toFixed(1) + ' GiB' : '', esc(w.gpu || 'none'), statusCell(w), w.reputation ?? '', w.contributions,
    w.lastScore ?? '', eth(w.rewardsWei), '<span class="' + (w.slashedWei && w.slashedWei !== '0' ? 'bad' : '') + '">' + eth(w.slashedWei) + '</span>'
  ].map((c) => '<td>' + c + '</td>').join('') + '</tr>').join('')
  renderEvents()
  $('updated').textContent = 'updated ' + new Date().toLocaleTimeString()
}

// The round in progress: submissions in of workers assigned, and the time left on the coordinator's clock.
function renderCurrent (s) {
  const c = s.current
  if (!c) { $('current-text').textContent = 'no round in progress'; $('current-bar').style.width = '0'; return }
  const left = c.deadline - (s.now ?? Date.now())
  $('current-text').textContent = 'round ' + c.number + ' · ' + c.state + ' · ' + c.submitted + ' of ' + c.assigned + ' workers submitted' + (c.accepted || c.rejected ? ' (' + c.accepted + ' accepted, ' + c.rejected + ' rejected)' : '') + ' · ' + (left > 0 ? duration(left) + ' left' : 'deadline passed') + ' (deadline ' + new Date(c.deadline).toLocaleTimeString() + ')'
  $('current-bar').style.width = (c.assigned > 0 ? Math.min(100, c.submitted / c.assigned * 100) : 0) + '%'
}

// Workers down, their last rounds across (at most 8), the total at the end.
function renderEarnings (rows) {
  const rounds = [...new Set(rows.map((e) => e.round))].sort((a, b) => a - b).slice(-8)
  const by = new Map()
  for (const e of rows) {
    const w = by.get(e.address) || { total: 0n, per: {} }
    w.total += BigInt(e.amountWei)
    if (rounds.includes(e.round)) w.per[e.round] = (w.per[e.round] || 0n) + BigInt(e.amountWei)
    by.set(e.address, w)
  }
  $('earnings').tHead.innerHTML = '<tr><th>worker</th>' + rounds.map((r) => '<th>#' + r + '</th>').join('') + '<th>total</th></tr>'
  $('earnings').tBodies[0].innerHTML = [...by].map(([a, w]) => '<tr data-address="' + esc(a) + '"><td><span class="mono" title="' + esc(a) + '">' + esc(addr(a)) + '</span></td>' + rounds.map((r) => '<td>' + (w.per[r] != null ? eth(w.per[r].toString()) : '') + '</td>').join('') + '<td>' + eth(w.total.toString()) + '</td></tr>').join('') || '<tr><td>no rewards finalized yet</td></tr>'
}

// A slashed worker is never shown as "active": the chain's word wins over the coordinator's.
function statusCell (w) {
  const slashed = w.slashedWei != null && w.slashedWei !== '0'
  const status = slashed ? 'slashed' : w.status
  return '<span class="status-' + esc(status) + '">' + esc(status) + '</span>' + (w.statusReason ? '<div class="reason-note">' + esc(w.statusReason) + '</div>' : '')
}

// The model as a name ("mlp 784-128-10", "gpt"), not its raw JSON.
function modelName (m) {
  try {
    const c = JSON.parse(m)
    if (c && typeof c === 'object') return [c.kind, Array.isArray(c.hidden) ? c.hidden.join('-') : '', c.layers ? c.layers + ' layers' : ''].filter(Boolean).join(' ')
  } catch {}
  return String(m)
}

// Newest first, PAGE rows at a time.
function renderEvents () {
  const all = last.chain.events.slice().reverse()
  const pages = Math.max(1, Math.ceil(all.length / PAGE))
  eventPage = Math.min(eventPage, pages - 1)
  $('page').textContent = all.length === 0 ? 'no events yet' : 'page ' + (eventPage + 1) + ' of ' + pages + ' (' + all.length + ' events)'
  $('newer').disabled = eventPage === 0
  $('older').disabled = eventPage >= pages - 1
  $('events').tBodies[0].innerHTML = all.slice(eventPage * PAGE, eventPage * PAGE + PAGE).map((e) => '<tr class="' + (e.kind === 'slashed' || e.kind === 'fraud' ? 'bad' : '') + '" data-kind="' + e.kind + '">' + [
    esc(localTime(e.at)), e.block, e.kind, e.round ?? '', e.contributionId ?? '', '<span class="mono" title="' + esc(e.account) + '">' + esc(addr(e.account)) + '</span>', e.score ?? '', eth(e.amountWei), esc(e.reason)
  ].map((c, i) => '<td' + (i === 8 ? ' class="reason"' : '') + '>' + c + '</td>').join('') + '</tr>').join('')
}
$('newer').onclick = () => { eventPage = Math.max(0, eventPage - 1); if (last) renderEvents() }
$('older').onclick = () => { eventPage++; if (last) renderEvents() }

async function poll () {
  try {
    const res = await fetch('/api/status', { cache: 'no-store' })
    if (res.ok) render(await res.json())
    else $('updated').textContent = 'status error ' + res.status
  } catch { $('updated').textContent = 'coordinator unreachable' }
  setTimeout(poll, 1000)
}
poll()
</script>
</body>
</html>
`
