// Prints the size of the WebAssembly inside nxkx.js and the time of one check, for the notes in
// docs/browser.md. Not a test (speed lives in benchmarks, not in timed tests):
//   node bindings/wasm/measure.js [path/to/nxkx.js]
// With --batch N (docs/limits.md): checkBatch of one text, N times
// examples/applications/grassroots_societies_capacity.json without white space, and the
// module's memory afterwards (WebAssembly memory never shrinks: it is the peak) and the
// process's peak RSS against the text's bytes:
//   node bindings/wasm/measure.js --batch 100000 [--format text] [--block-bytes B] [path/to/nxkx.js]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const root = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
let batch = 0, format = 'json', blockBytes;
for (let i = 0; i < args.length;) {
  if (args[i] === '--batch') {
    batch = Number(args[i + 1]);
    args.splice(i, 2);
  } else if (args[i] === '--format') {
    format = args[i + 1];
    args.splice(i, 2);
  } else if (args[i] === '--block-bytes') {
    blockBytes = Number(args[i + 1]);
    args.splice(i, 2);
  } else {
    ++i;
  }
}
if (args.length > 1 || (batch !== 0 && !(Number.isInteger(batch) && batch >= 1)) ||
    !['json', 'text'].includes(format)) {
  console.error('usage: node measure.js [--batch N [--format json|text] [--block-bytes B]] [nxkx.js]');
  process.exit(2);
}
const file = path.resolve(args[0] || path.join(root, 'build', 'wasm', 'bindings', 'wasm', 'nxkx.js'));
const js = fs.readFileSync(file, 'utf8');
const base64 = /data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/.exec(js);
const wasmBytes = base64 ? Buffer.from(base64[1], 'base64').length : 0;

async function measureBatch() {
  const nxkx = await require(file)();
  const one = JSON.stringify(JSON.parse(
    fs.readFileSync(path.join(root, 'examples', 'applications', 'grassroots_societies_capacity.json'), 'utf8')));
  const text = '[' + new Array(batch).fill(one).join(',') + ']';
  const textBytes = Buffer.byteLength(text, 'utf8');
  const before = nxkx.HEAP8.buffer.byteLength;
  const t = performance.now();
  const result = nxkx.checkBatch(text, { asOf: '2025-05-20', format, blockBytes });
  const seconds = (performance.now() - t) / 1000;
  const memory = nxkx.HEAP8.buffer.byteLength;
  const rss = process.resourceUsage().maxRSS * 1024;
  const n = (x) => x.toLocaleString('en-US');
  const answered = format === 'text' ? `${n(Buffer.byteLength(result, 'utf8'))} bytes of text`
                                     : `${n(result.reports.length)} reports`;
  console.log(`checkBatch of ${n(batch)} applications, ${format} format, text ${n(textBytes)} bytes: ` +
              `${answered} in ${seconds.toFixed(1)} s (node ${process.version})`);
  console.log(`module memory ${n(memory)} bytes = ${(memory / textBytes).toFixed(2)}x the text ` +
              `(${n(before)} before); process peak RSS ${n(rss)} bytes = ${(rss / textBytes).toFixed(2)}x`);
}

(async () => {
  if (batch) return measureBatch();
  let t = performance.now();
  const nxkx = await require(file)();
  const load = performance.now() - t;
  const app = fs.readFileSync(path.join(root, 'examples', 'applications', 'society_capacity-grade-c.json'), 'utf8');
  const options = { asOf: '2025-05-20' };
  t = performance.now();
  nxkx.check(app, options); // the first check also reads the built-in pack
  const first = performance.now() - t;
  const n = 500;
  t = performance.now();
  for (let i = 0; i < n; i++) nxkx.check(app, options);
  const each = (performance.now() - t) / n;
  const f = (x) => x.toFixed(2);
  console.log(`nxkx.js: ${(js.length / 1024).toFixed(0)} KiB, of which WebAssembly ${(wasmBytes / 1024).toFixed(0)} KiB` +
              ` (${wasmBytes} bytes; gzip of nxkx.js ${(require('node:zlib').gzipSync(js).length / 1024).toFixed(0)} KiB)`);
  console.log(`load ${f(load)} ms; first check ${f(first)} ms; then ${f(each)} ms per check (mean of ${n}, node ${process.version})`);
})();
