// nxkx.js's checkBatch reads its result a block at a time (nxkx_batch_next, option blockBytes;
// docs/browser.md): whatever the block size, the answer is the one nxkx_check_batch gives in one
// call, in the JSON and the text format (blocks that end inside a UTF-8 character included);
// unreadable elements keep their places; errors at the start, in the options and in the middle
// of reading leave nothing behind in the module's memory.
//   NXKX_JS=build/wasm/bindings/wasm/nxkx.js node --test tests/node/
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test, before } = require('node:test');

const root = path.resolve(__dirname, '..', '..');
const moduleFile = path.resolve(process.env.NXKX_JS || path.join(root, 'examples', 'portal', 'nxkx.js'));
const createNxkx = require(moduleFile);
const read = (name) => fs.readFileSync(path.join(root, 'examples', 'applications', name), 'utf8');
const society = read('society_capacity.json');
const grassroots = read('grassroots_societies_capacity.json');
const badSyntax = '{"project_type": "society_capacity", "applicant": {"kind": "society"},}';
const badValue = '{"project_type": "society_capacity", "applicant": {"kind": "快递"}}';
// Reports, the same application twice (duplicates are judged across the batch) and two
// elements that cannot be read, in the middle.
const mixed = `[${society},${badSyntax},${society},${badValue},${grassroots}]`;
const AS_OF = '2025-05-20';

let nxkx;
before(async () => {
  nxkx = await createNxkx();
});

/** nxkx_check_batch called once, straight through the module's exports: the reference. */
function oneCall(text, options) {
  const bytes = new TextEncoder().encode(text);
  const opts = new TextEncoder().encode(JSON.stringify(options) + '\0');
  const apps = nxkx._malloc(bytes.length + 1);
  const o = nxkx._malloc(opts.length);
  const slots = nxkx._malloc(8);
  try {
    nxkx.HEAPU8.set(bytes, apps);
    nxkx.HEAPU8.set(opts, o);
    const status = nxkx._nxkx_check_batch(builtin(), apps, bytes.length, o, slots, slots + 4);
    const ptr = nxkx.HEAPU32[slots >> 2];
    const len = nxkx.HEAPU32[(slots + 4) >> 2];
    const out = new TextDecoder().decode(nxkx.HEAPU8.slice(ptr, ptr + len));
    nxkx._nxkx_free(ptr);
    return { status, out };
  } finally {
    nxkx._free(apps);
    nxkx._free(o);
    nxkx._free(slots);
  }
}

let builtinHandle = 0;
function builtin() {
  if (!builtinHandle) {
    const slot = nxkx._malloc(4);
    assert.equal(nxkx._nxkx_notice_builtin(slot, 0, 0), 0);
    builtinHandle = nxkx.HEAPU32[slot >> 2];
    nxkx._free(slot);
  }
  return builtinHandle;
}

const blockSizes = [1, 2, 3, 7, 1000, 65536, undefined, 0x7fffffff];

test('checkBatch: the blocks join to the one call\'s result, JSON format', () => {
  for (const doc of [mixed, grassroots, '[]']) {
    for (const extra of [{}, { trace: true }, { stage: 'completion' }]) {
      const reference = oneCall(doc, { as_of: AS_OF, ...extra });
      assert.equal(reference.status, 0);
      const expected = JSON.parse(reference.out);
      for (const blockBytes of blockSizes) {
        const got = nxkx.checkBatch(doc, { asOf: AS_OF, ...extra, blockBytes });
        assert.deepEqual(got, expected, `blockBytes ${blockBytes}, ${JSON.stringify(extra)}`);
      }
    }
  }
  // Unreadable elements keep their places, between reports.
  const got = nxkx.checkBatch(mixed, { asOf: AS_OF, blockBytes: 5 });
  assert.equal(got.reports.length, 5);
  assert.equal(got.reports[1].error.code, 'input.syntax');
  assert.equal(got.reports[1].error.path, '/1');
  assert.equal(got.reports[3].error.path, '/3/applicant/kind');
  assert.equal(got.summary.errors, 2);
  assert.equal(got.summary.applications, 3);
});

test('checkBatch: the blocks join to the one call\'s text, blocks split inside characters', () => {
  for (const lang of ['zh', 'en']) {
    const reference = oneCall(mixed, { as_of: AS_OF, format: 'text', lang });
    assert.equal(reference.status, 0);
    assert.match(reference.out, lang === 'zh' ? /申报 #1 无法读取/ : /Application #1 could not be read/);
    for (const blockBytes of blockSizes) {
      const got = nxkx.checkBatch(mixed, { asOf: AS_OF, format: 'text', lang, blockBytes });
      assert.equal(got, reference.out, `blockBytes ${blockBytes}, ${lang}`);
    }
  }
  assert.equal(nxkx.checkBatch('[]', { asOf: AS_OF, format: 'text', blockBytes: 1 }), '');
});

test('checkBatch: blockBytes that cannot be used is an invalid_argument naming it', () => {
  const cases = [
    [{ blockBytes: 0 }, 'options.range', '/blockBytes'],
    [{ blockBytes: -1 }, 'options.range', '/blockBytes'],
    [{ blockBytes: 2 ** 31 }, 'options.range', '/blockBytes'],
    [{ blockBytes: 1.5 }, 'options.type', '/blockBytes'],
    [{ blockBytes: '1024' }, 'options.type', '/blockBytes'],
    [{ block_bytes: NaN }, 'options.type', '/block_bytes'],
  ];
  for (const [extra, code, where] of cases) {
    assert.throws(() => nxkx.checkBatch(mixed, { asOf: AS_OF, ...extra }), (e) => {
      assert.equal(e.name, 'NxkxError');
      assert.equal(e.status, 'invalid_argument');
      assert.equal(e.code, code, e.message);
      assert.equal(e.path, where, e.message);
      return true;
    });
  }
  // blockBytes is read by checkBatch: check refuses it as it refuses any unknown option.
  assert.throws(() => nxkx.check(society, { asOf: AS_OF, blockBytes: 10 }),
    (e) => e.code === 'options.unknown_field' && e.path === '/blockBytes');
});

test('checkBatch: a strict batch fails at its first unreadable element, as the one call does', () => {
  const reference = oneCall(mixed, { as_of: AS_OF, strict: true });
  assert.equal(reference.status, 1);
  const expected = JSON.parse(reference.out);
  for (const format of ['json', 'text']) {
    assert.throws(() => nxkx.checkBatch(mixed, { asOf: AS_OF, strict: true, format, blockBytes: 3 }), (e) => {
      assert.equal(e.name, 'NxkxError');
      assert.equal(e.status, 'input_error');
      assert.equal(e.code, expected.code);
      assert.equal(e.path, '/1');
      return true;
    });
  }
});

test('the C ABI through the module: max_bytes 0 in the middle says so and the batch reads on', () => {
  const bytes = new TextEncoder().encode(mixed);
  const opts = new TextEncoder().encode(`{"as_of": "${AS_OF}"}\0`);
  const apps = nxkx._malloc(bytes.length);
  const o = nxkx._malloc(opts.length);
  const slots = nxkx._malloc(12);
  nxkx.HEAPU8.set(bytes, apps);
  nxkx.HEAPU8.set(opts, o);
  assert.equal(nxkx._nxkx_batch_begin(builtin(), apps, bytes.length, o, slots, slots + 4, slots + 8), 0);
  const batch = nxkx.HEAPU32[slots >> 2];
  nxkx._free(apps); // borrowed for begin only
  nxkx._free(o);
  const next = (maxBytes) => {
    const status = nxkx._nxkx_batch_next(batch, maxBytes, slots, slots + 4);
    const ptr = nxkx.HEAPU32[slots >> 2];
    const len = nxkx.HEAPU32[(slots + 4) >> 2];
    const block = nxkx.HEAPU8.slice(ptr, ptr + len);
    nxkx._nxkx_free(ptr);
    return { status, block };
  };
  const parts = [next(10).block];
  const bad = next(0);
  assert.equal(bad.status, 3);
  assert.equal(JSON.parse(new TextDecoder().decode(bad.block)).code, 'argument.max_bytes');
  for (;;) {
    const { status, block } = next(4096);
    assert.equal(status, 0);
    if (block.length === 0) break;
    parts.push(block);
  }
  nxkx._nxkx_batch_free(batch);
  nxkx._free(slots);
  const joined = new TextDecoder().decode(Buffer.concat(parts));
  assert.equal(joined, oneCall(mixed, { as_of: AS_OF }).out);
});

test('checkBatch: failed calls leave nothing behind in the module\'s memory', () => {
  // A batch of 4 MB (most of it white space, so that it is read quickly) whose second element
  // cannot be read: strict, it fails once checked; with bad options it fails before. If the copy
  // of the text (or the batch) were kept, 40 failures would grow the module's memory by 160 MB;
  // WebAssembly memory never shrinks, so the growth is what stays.
  const big = `[${grassroots},${' '.repeat(4 * 1024 * 1024)}${badValue}]`;
  const tries = () => {
    assert.throws(() => nxkx.checkBatch(big, { asOf: AS_OF, strict: true, blockBytes: 4096 }),
      (e) => e.code === 'input.unknown_code' && e.path === '/1/applicant/kind');
    assert.throws(() => nxkx.checkBatch(big, { asOf: AS_OF, colour: 'red' }),
      (e) => e.code === 'options.unknown_field');
  };
  tries(); // the first may grow memory to what one such call needs
  const before = nxkx.HEAP8.buffer.byteLength;
  for (let i = 0; i < 20; i++) tries();
  const grown = nxkx.HEAP8.buffer.byteLength - before;
  assert.ok(grown < 16 * 1024 * 1024, `module memory grew by ${grown} bytes over 40 failed calls`);
  // And the module still answers.
  assert.equal(nxkx.checkBatch(mixed, { asOf: AS_OF }).reports.length, 5);
});
