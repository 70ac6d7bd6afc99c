// The WebAssembly face (nxkx.js, bindings/wasm) on the shared conformance corpus and on bad
// input, with node's own test runner:
//   NXKX_JS=build/wasm/bindings/wasm/nxkx.js node --test tests/node/
// ctest runs it after building the module (tests/embed.cmake).
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test, before } = require('node:test');

const root = path.resolve(__dirname, '..', '..');
const moduleFile = path.resolve(process.env.NXKX_JS || path.join(root, 'examples', 'portal', 'nxkx.js'));
const createNxkx = require(moduleFile);

let nxkx;
before(async () => {
  nxkx = await createNxkx();
});

const casesDir = path.join(root, 'tests', 'conformance', 'cases');
const cases = fs.readdirSync(casesDir).filter((f) => f.endsWith('.json')).sort();

function distinctSorted(ids) {
  return [...new Set(ids)].sort();
}

function optionsOf(c) {
  return { asOf: c.as_of, stage: c.stage, ...(c.options || {}) };
}

test('the corpus is there', () => {
  assert.ok(cases.length >= 150, `only ${cases.length} cases in ${casesDir}`);
});

// Runs one case file through `nxkx` (the module, or a notice it loaded): the batch goes in as
// JSON text, as a portal would send it; an error case both strict and keeping going.
function runCase(target, file) {
  const c = JSON.parse(fs.readFileSync(file, 'utf8'));
  const text = JSON.stringify(c.applications);
  if (c.error) {
    assert.throws(() => target.checkBatch(text, { ...optionsOf(c), strict: true }), (e) => {
      assert.equal(e.name, 'NxkxError');
      assert.equal(e.status, 'input_error');
      assert.equal(e.code, c.error.code, e.message);
      assert.equal(e.path, c.error.path, e.message);
      return true;
    });
    // Keeping going (the default), the error is an entry in place of the application.
    const kept = target.checkBatch(text, optionsOf(c));
    const entry = kept.reports.find((r) => r.error);
    assert.ok(entry, JSON.stringify(kept));
    assert.equal(entry.error.code, c.error.code);
    assert.equal(entry.error.path, c.error.path);
    assert.ok(entry.error.reason_zh && entry.error.reason_zh !== entry.error.reason);
    assert.equal(kept.summary.errors, 1);
    return;
  }
  assert.ok(Array.isArray(c.expect), `${file}: neither expect nor error`);
  const result = target.checkBatch(text, optionsOf(c));
  assert.equal(result.reports.length, c.expect.length);
  result.reports.forEach((report, i) => {
    const got = {
      decision: report.decision.code,
      rule_ids: distinctSorted(report.findings.map((f) => f.rule_id)),
    };
    assert.deepEqual(got, { decision: c.expect[i].decision, rule_ids: c.expect[i].rule_ids },
      `application ${i}`);
  });
}

for (const file of cases) {
  test(`corpus ${file}`, () => runCase(nxkx, path.join(casesDir, file)));
}

// The corpora of the shipped example packs: tests/conformance/packs/PACK/ under
// examples/packs/PACK.json, every case (error cases included). The cases are counted from the
// directory, never written here: the runner fails when it ran fewer than the directory holds.
const packsDir = path.join(root, 'tests', 'conformance', 'packs');
const packCorpora = fs.readdirSync(packsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory()).map((d) => d.name).sort();

test('the pack corpora are there', () => {
  assert.ok(packCorpora.length >= 2, `only ${packCorpora.length} pack corpora in ${packsDir}`);
});

for (const pack of packCorpora) {
  test(`pack corpus ${pack}`, () => {
    const dir = path.join(packsDir, pack);
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    assert.ok(files.length > 0, `no cases in ${dir}`);
    const notice = nxkx.loadNotice(
      fs.readFileSync(path.join(root, 'examples', 'packs', `${pack}.json`), 'utf8'));
    let ran = 0;
    try {
      for (const file of files) {
        try {
          runCase(notice, path.join(dir, file));
        } catch (e) {
          e.message = `${pack}/${file}: ${e.message}`;
          throw e;
        }
        ++ran;
      }
    } finally {
      notice.free();
    }
    assert.equal(ran, fs.readdirSync(dir).filter((f) => f.endsWith('.json')).length);
  });
}

const example = fs.readFileSync(
  path.join(root, 'examples', 'applications', 'society_capacity-grade-c.json'), 'utf8');

test('check: one application, as text or as an object', () => {
  const a = nxkx.check(example, { asOf: '2025-05-20', lang: 'zh' });
  const b = nxkx.check(JSON.parse(example), { as_of: '2025-05-20' });
  assert.deepEqual(a, b);
  assert.equal(a.decision.code, 'rejected');
  assert.equal(a.decision.zh, '不予受理');
  const f = a.findings[0];
  assert.equal(f.rule_id, 'disqualification.evaluation_grade');
  assert.equal(f.path, '/applicant/history/2024/evaluation_grade');
  assert.equal(f.clauses[0].ref, '二(三)');
  assert.equal(f.contact.name, '周莉');
});

test('check: a Date as asOf is taken in China time', () => {
  // 2025-05-19T20:00Z is already 20 May in Beijing.
  const a = nxkx.check(example, { asOf: new Date(Date.UTC(2025, 4, 19, 20, 0)) });
  assert.equal(a.as_of, '2025-05-20');
});

test('check: text output in English', () => {
  const t = nxkx.check(example, { asOf: '2025-05-20', format: 'text', lang: 'en' });
  assert.match(t, /Decision: rejected/);
});

test('check: trace lists every rule', () => {
  const r = nxkx.check(example, { asOf: '2025-05-20', trace: true });
  assert.ok(r.trace.length > 10);
});

test('check and checkBatch: compact reports cite clauses by ref only', () => {
  const full = nxkx.check(example, { asOf: '2025-05-20' });
  const compact = nxkx.check(example, { asOf: '2025-05-20', compact: true });
  assert.equal(compact.detail, 'compact');
  assert.equal(full.detail, undefined);
  const stripped = JSON.parse(JSON.stringify(full));
  for (const f of stripped.findings) {
    delete f.contact;
    delete f.interpretation;
    for (const c of f.clauses) delete c.quote;
  }
  assert.deepEqual(compact, { ...stripped, detail: 'compact' });
  assert.deepEqual(Object.keys(compact).slice(0, 3), ['notice_id', 'pack', 'detail']);
  const batch = nxkx.checkBatch([JSON.parse(example), JSON.parse(example)],
    { asOf: '2025-05-20', compact: true });
  assert.equal(batch.reports.length, 2);
  for (const r of batch.reports) {
    assert.equal(r.detail, 'compact');
    assert.ok(r.findings.length > 0 && r.findings.every((f) => !('contact' in f)));
  }
  const text = nxkx.check(example, { asOf: '2025-05-20', compact: true, format: 'text' });
  assert.doesNotMatch(text, /联系人/);
  assert.throws(() => nxkx.check(example, { asOf: '2025-05-20', compact: 'yes' }),
    (e) => e.code === 'options.type' && e.path === '/compact');
});

test('bad input throws NxkxError with code and path', () => {
  const cases = [
    ['{', 'input.syntax', ''],
    ['[]', 'input.type', ''],
    ['{"project_type": "society_capacity", "applicant": {"kind": "society", "nmae": "x"}}',
      'input.unknown_field', '/applicant/nmae'],
    // A lone surrogate cannot be UTF-8: the reader says so.
    ['{"id": "\ud800"}', 'input.utf8', ''],
  ];
  for (const [text, code, where] of cases) {
    assert.throws(() => nxkx.check(text, { asOf: '2025-05-20' }), (e) => {
      assert.equal(e.name, 'NxkxError');
      assert.ok(e instanceof Error);
      assert.equal(e.code, code, e.message);
      assert.equal(e.path, where, e.message);
      return true;
    });
  }
});

test('bad options throw invalid_argument', () => {
  for (const [options, code] of [[{}, 'options.missing'], [{ asOf: '2025-02-30' }, 'options.date'],
    [{ asOf: '2025-05-20', colour: 'red' }, 'options.unknown_field'],
    [{ asOf: '2025-05-20', stage: 'late' }, 'options.unknown_code']]) {
    assert.throws(() => nxkx.check(example, options), (e) => {
      assert.equal(e.status, 'invalid_argument');
      assert.equal(e.code, code);
      return true;
    });
  }
});

test('catalog, schema, countZi, version', () => {
  const catalog = nxkx.catalog();
  assert.ok(catalog.project_types.some((t) => t.code === 'society_capacity'));
  const schema = nxkx.schema();
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.deepEqual(schema.required, ['project_type', 'applicant']);
  assert.equal(nxkx.schema('report').$ref, '#/$defs/report');
  assert.throws(() => nxkx.schema('bogus'), (e) => e.code === 'argument.document');
  assert.deepEqual(nxkx.countZi('宁夏科协，学会能力提升 UTF8 项目 2025。\n'),
    { word_processor: 16, non_space: 22, code_points: 26 });
  assert.match(nxkx.version(), /^\d+\.\d+\.\d+$/);
});

test('memory does not grow with calls', () => {
  nxkx.check(example, { asOf: '2025-05-20' });
  const before = nxkx.HEAPU8.length;
  for (let i = 0; i < 300; i++) {
    nxkx.check(example, { asOf: '2025-05-20' });
    try { nxkx.check('{', { asOf: '2025-05-20' }); } catch (e) { /* expected */ }
  }
  assert.equal(nxkx.HEAPU8.length, before);
});
