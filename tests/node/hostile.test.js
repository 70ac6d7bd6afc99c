// The JavaScript boundary of nxkx.js under hostile values (issue 14): a property test that puts
// random values — NaN, ±Infinity, BigInt, invalid and valid Dates, cycles, deep nesting, lone
// surrogates, control characters, sparse arrays, boxed primitives, functions, symbols — into an
// application, its batch and its options, and expects every call either to answer (a report) or
// to throw an NxkxError with a code: never a TypeError, a RangeError or a crash. The seed is
// fixed (NXKX_SEED overrides it) so that a failure can be replayed.
//   NXKX_JS=build/wasm/bindings/wasm/nxkx.js node --test tests/node/
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test, before } = require('node:test');

const root = path.resolve(__dirname, '..', '..');
const moduleFile = path.resolve(process.env.NXKX_JS || path.join(root, 'examples', 'portal', 'nxkx.js'));
const createNxkx = require(moduleFile);
const example = JSON.parse(
  fs.readFileSync(path.join(root, 'examples', 'applications', 'society_capacity.json'), 'utf8'));

let nxkx;
before(async () => {
  nxkx = await createNxkx();
});

const AS_OF = '2025-05-20';

/** A small, seeded generator (mulberry32), so that a run can be replayed with NXKX_SEED. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hostileValue(r, depth = 0) {
  const pick = Math.floor(r() * 22);
  switch (pick) {
    case 0: return NaN;
    case 1: return Infinity;
    case 2: return -Infinity;
    case 3: return BigInt(Math.floor(r() * 1e6)) * (r() < 0.5 ? 1n : 2n ** 70n);
    case 4: return new Date(NaN);
    case 5: return new Date(Date.UTC(2025, 4, 16, 8, 30));
    case 6: { const o = { a: 1 }; o.self = o; return o; }
    case 7: { const a = [1]; a.push(a); return a; }
    case 8: { let v = {}; for (let i = 0; i < 200; ++i) v = { v }; return v; }
    case 9: return '\uD800' + 'x';
    case 10: return 'ctl\u001b[2J\u0007\r\n\u0000';
    case 11: return [, 1, , 2];  // sparse
    case 12: return new Number(3);
    case 13: return () => 1;
    case 14: return Symbol('s');
    case 15: return undefined;
    case 16: return -0;
    case 17: return 1e308 * 10;
    case 18: return Number.MAX_SAFE_INTEGER + 2;
    case 19: return depth < 3 ? { nested: hostileValue(r, depth + 1) } : null;
    case 20: return depth < 3 ? [hostileValue(r, depth + 1), hostileValue(r, depth + 1)] : 0;
    default: return { toJSON() { return r() < 0.5 ? NaN : 'x'; } };
  }
}

/** A copy of the example with one to three fields (at random depths) replaced by hostile values. */
function hostileApplication(r) {
  const app = JSON.parse(JSON.stringify(example));
  const slots = [
    (v) => { app.title = v; },
    (v) => { app.submission.paper_copies = v; },
    (v) => { app.applicant.name = v; },
    (v) => { app.approval_date = v; },
    (v) => { app.submission.dispatch_date = v; },
    (v) => { app.plan = v; },
    (v) => { app.id = v; },
    (v) => { app[String.fromCharCode(27) + 'k'] = v; },
  ];
  const n = 1 + Math.floor(r() * 3);
  for (let i = 0; i < n; ++i) slots[Math.floor(r() * slots.length)](hostileValue(r));
  return app;
}

function expectAnswerOrNxkxError(call, what) {
  try {
    const result = call();
    assert.ok(result && typeof result === 'object', `${what}: no result`);
  } catch (e) {
    assert.equal(e.name, 'NxkxError', `${what}: ${e && e.name}: ${e && e.message}`);
    assert.ok(typeof e.code === 'string' && /^(input|options|argument)\.[a-z_0-9]+$/.test(e.code),
              `${what}: code ${e.code}`);
    assert.equal(typeof e.path, 'string', what);
  }
}

test('NaN and Infinity are input.range, never null (unknown)', () => {
  for (const v of [NaN, Infinity, -Infinity]) {
    const app = JSON.parse(JSON.stringify(example));
    app.submission.paper_copies = v;
    assert.throws(() => nxkx.check(app, { asOf: AS_OF }), (e) => {
      assert.equal(e.name, 'NxkxError');
      assert.equal(e.code, 'input.range');
      assert.equal(e.path, '/submission/paper_copies');
      return true;
    });
    assert.throws(() => nxkx.checkBatch([example, app], { asOf: AS_OF }), (e) => {
      assert.equal(e.code, 'input.range');
      assert.equal(e.path, '/1/submission/paper_copies');
      return true;
    });
  }
});

test('a value that contains itself, a BigInt and an invalid Date are NxkxErrors', () => {
  const cyclic = JSON.parse(JSON.stringify(example));
  cyclic.plan = { loop: null };
  cyclic.plan.loop = cyclic.plan;
  assert.throws(() => nxkx.check(cyclic, { asOf: AS_OF }), (e) => {
    assert.equal(e.name, 'NxkxError');
    assert.equal(e.code, 'input.limit');
    assert.match(e.reason, /max_depth \(64\)/);
    assert.ok(e.path.startsWith('/plan/loop/loop'), e.path);
    return true;
  });
  // A BigInt is written as its digits: within range it is read, past int64 it is input.range.
  const copies = JSON.parse(JSON.stringify(example));
  copies.submission.paper_copies = BigInt(example.submission.paper_copies);
  assert.deepEqual(nxkx.check(copies, { asOf: AS_OF }).decision, nxkx.check(example, { asOf: AS_OF }).decision);
  copies.submission.paper_copies = 2n ** 80n;
  assert.throws(() => nxkx.check(copies, { asOf: AS_OF }), (e) => e.name === 'NxkxError' && e.code === 'input.range');
  const dated = JSON.parse(JSON.stringify(example));
  dated.submission.dispatch_date = new Date('not a date');
  assert.throws(() => nxkx.check(dated, { asOf: AS_OF }), (e) => {
    assert.equal(e.name, 'NxkxError');
    assert.equal(e.code, 'input.date');
    assert.equal(e.path, '/submission/dispatch_date');
    return true;
  });
  assert.throws(() => nxkx.check(example, { asOf: new Date(NaN) }), (e) => {
    assert.equal(e.name, 'NxkxError');
    assert.equal(e.status, 'invalid_argument');
    assert.equal(e.code, 'options.date');
    return true;
  });
  assert.throws(() => nxkx.check(example, { asOf: AS_OF, threads: NaN }),
                (e) => e.name === 'NxkxError' && e.code === 'options.range');
});

test('random hostile values: an answer or an NxkxError, never a TypeError or RangeError', () => {
  const seed = Number(process.env.NXKX_SEED || 20250516);
  const r = rng(seed);
  for (let i = 0; i < 400; ++i) {
    const app = hostileApplication(r);
    const what = `seed ${seed}, case ${i}`;
    expectAnswerOrNxkxError(() => nxkx.check(app, { asOf: AS_OF }), what);
    expectAnswerOrNxkxError(() => nxkx.checkBatch([app, example], { asOf: AS_OF }), `${what} (batch)`);
    expectAnswerOrNxkxError(() => nxkx.check(example, { asOf: AS_OF, trace: hostileValue(r) }),
                            `${what} (options)`);
  }
});

test('a text past its limit is refused before it is copied into the module (which never shrinks)', () => {
  const long = '{"title": "' + 'x'.repeat(16 * 1024 * 1024) + '"}';
  assert.throws(() => nxkx.check(long, { asOf: AS_OF }), (e) => {
    assert.equal(e.name, 'NxkxError');
    assert.equal(e.code, 'input.limit');
    assert.equal(e.path, '');
    assert.match(e.reason, /max_bytes \(16777216\)/);
    assert.match(e.reason_zh, /max_bytes（16777216）/);
    return true;
  });
  const batch = '[' + ' '.repeat(256 * 1024 * 1024) + ']';
  assert.throws(() => nxkx.checkBatch(batch, { asOf: AS_OF }), (e) => {
    assert.equal(e.code, 'input.limit');
    assert.match(e.reason, /max_batch_bytes \(268435456\)/);
    return true;
  });
  // Exactly at the limit is read (and then judged: here, not an application).
  const atLimit = ' '.repeat(16 * 1024 * 1024 - 2) + '{}';
  assert.throws(() => nxkx.check(atLimit, { asOf: AS_OF }), (e) => e.code === 'input.missing');
});
