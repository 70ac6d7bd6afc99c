// Prints the size of the WebAssembly inside nxkx.js and the time of one check, for the notes in
// docs/browser.md. Not a test (speed lives in benchmarks, not in timed tests):
//   node bindings/wasm/measure.js [path/to/nxkx.js]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const root = path.resolve(__dirname, '..', '..');
const file = path.resolve(process.argv[2] || path.join(root, 'build', 'wasm', 'bindings', 'wasm', 'nxkx.js'));
const js = fs.readFileSync(file, 'utf8');
const base64 = /data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/.exec(js);
const wasmBytes = base64 ? Buffer.from(base64[1], 'base64').length : 0;

(async () => {
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
