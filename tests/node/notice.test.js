// nxkx.js with a pack of the caller's own (nxkx.loadNotice, docs/browser.md): the same answers
// as the built-in notice for the 2025 pack, the pack's own codes when it differs, pack errors
// with a pointer, and release.
//   NXKX_JS=build/wasm/bindings/wasm/nxkx.js node --test tests/node/
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test, before } = require('node:test');

const root = path.resolve(__dirname, '..', '..');
const moduleFile = path.resolve(process.env.NXKX_JS || path.join(root, 'examples', 'portal', 'nxkx.js'));
const createNxkx = require(moduleFile);
const packText = fs.readFileSync(path.join(root, 'data', 'notice-2025.json'), 'utf8');
const example = fs.readFileSync(path.join(root, 'examples', 'applications', 'society_capacity-grade-c.json'), 'utf8');

let nxkx;
before(async () => {
  nxkx = await createNxkx();
});

test('loadNotice: the 2025 pack answers as the built-in notice', () => {
  const notice = nxkx.loadNotice(packText);
  try {
    assert.deepEqual(notice.check(example, { asOf: '2025-05-20' }), nxkx.check(example, { asOf: '2025-05-20' }));
    assert.deepEqual(notice.catalog(), nxkx.catalog());
    assert.deepEqual(notice.schema(), nxkx.schema());
    const batch = notice.checkBatch([JSON.parse(example)], { asOf: '2025-05-20' });
    assert.equal(batch.reports.length, 1);
    // An object works as well as its text.
    const again = nxkx.loadNotice(JSON.parse(packText));
    assert.deepEqual(again.catalog(), notice.catalog());
    again.free();
  } finally {
    notice.free();
  }
});

test('loadNotice: a changed pack gives its own catalogue, schema and rules', () => {
  const pack = JSON.parse(packText);
  pack.notice.id = 'nxkx-test-node';
  pack.project_types.find((t) => t.code === 'society_capacity').name.zh = '改名的项目';
  pack.project_types = pack.project_types.filter((t) => t.code !== 'regional_academic_exchange');
  pack.rules = pack.rules.filter((r) => !(r.applies_to && r.applies_to.project_types &&
    r.applies_to.project_types.every((t) => t === 'regional_academic_exchange')));
  const notice = nxkx.loadNotice(pack);
  try {
    const codes = notice.catalog().project_types.map((t) => t.code);
    assert.ok(!codes.includes('regional_academic_exchange'));
    const schema = notice.schema();
    const titles = schema.properties.project_type.oneOf.map((c) => c.title);
    assert.ok(titles.includes('改名的项目'));
    assert.equal(notice.check(example, { asOf: '2025-05-20' }).notice_id, 'nxkx-test-node');
    assert.equal(notice.check(example, { asOf: '2025-05-20' }).pack.id, 'nxkx-test-node');
    assert.throws(() => notice.check({ project_type: 'regional_academic_exchange', applicant: { kind: 'society' } },
      { asOf: '2025-05-20' }), (e) => e.code === 'input.unknown_code' && e.path === '/project_type');
    // The built-in notice is untouched.
    assert.ok(nxkx.catalog().project_types.some((t) => t.code === 'regional_academic_exchange'));
  } finally {
    notice.free();
  }
});

test('loadNotice: a pack that cannot be loaded is a pack_error with a pointer', () => {
  const cases = [
    ['{', 'pack.syntax', ''],
    [JSON.stringify({ format: 'nxkx-notice-pack/99' }), 'pack.invalid', '/format'],
    ['{"format": "\ud800"}', 'pack.syntax', ''],
  ];
  for (const [text, code, where] of cases) {
    assert.throws(() => nxkx.loadNotice(text), (e) => {
      assert.equal(e.name, 'NxkxError');
      assert.equal(e.status, 'pack_error');
      assert.equal(e.code, code, e.message);
      assert.equal(e.path, where, e.message);
      return true;
    });
  }
});

test('a freed notice refuses calls; the built-in one cannot be freed', () => {
  const notice = nxkx.loadNotice(packText);
  notice.free();
  notice.free();
  assert.throws(() => notice.catalog(), (e) => e.code === 'argument.null');
  const builtin = nxkx.builtinNotice();
  assert.equal(builtin, nxkx.builtinNotice());
  builtin.free();
  assert.equal(nxkx.builtinNotice().catalog().notice.id, nxkx.catalog().notice.id);
});

test('loading and freeing packs does not grow memory', () => {
  nxkx.loadNotice(packText).free();
  const size = nxkx.HEAPU8.length;
  for (let i = 0; i < 30; i++) nxkx.loadNotice(packText).free();
  assert.equal(nxkx.HEAPU8.length, size);
});
