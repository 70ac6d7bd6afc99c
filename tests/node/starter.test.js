// nxkx.js's starter application (NxkxNotice.prototype.starter, docs/browser.md): what `nxkx new`
// prints, as an object, for the built-in notice and a loaded pack; a declaration no rule reads is
// in it; a type, stage or kind the notice does not have is an NxkxError naming the argument.
//   NXKX_JS=build/wasm/bindings/wasm/nxkx.js [NXKX_CLI=build/dev/nxkx] node --test tests/node/
'use strict';

const assert = require('node:assert/strict');
const childProcess = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { test, before } = require('node:test');

const root = path.resolve(__dirname, '..', '..');
const moduleFile = path.resolve(process.env.NXKX_JS || path.join(root, 'examples', 'portal', 'nxkx.js'));
const createNxkx = require(moduleFile);
const huangshiFile = path.join(root, 'examples', 'packs', 'notice-huangshi-2023.json');
const cli = process.env.NXKX_CLI || '';

/** The 黄石 pack with one more declaration, which no rule reads. */
function huangshiWithUnread() {
  const pack = JSON.parse(fs.readFileSync(huangshiFile, 'utf8'));
  pack.declarations.unshift({ name: 'ethics_reviewed', scope: 'application', type: 'yes_no',
    title: { zh: '已通过伦理审查', en: 'ethics review passed' } });
  return pack;
}

/** What `nxkx new` prints for the same arguments, parsed. */
function printed(args) {
  return JSON.parse(childProcess.execFileSync(cli, ['new', ...args], { encoding: 'utf8' }));
}

let nxkx;
before(async () => {
  nxkx = await createNxkx();
});

test('starter: the built-in notice gives what nxkx new prints', { skip: !cli && 'NXKX_CLI not set' }, () => {
  const notice = nxkx.builtinNotice();
  assert.deepEqual(notice.starter('society_capacity'), printed(['--type', 'society_capacity']));
  assert.deepEqual(nxkx.starter('society_capacity', { stage: 'completion' }),
    printed(['--type', 'society_capacity', '--stage', 'completion']));
  assert.deepEqual(notice.starter('returnee_alliance_capacity', { kind: 'alliance_council_member' }),
    printed(['--type', 'returnee_alliance_capacity', '--kind', 'alliance_council_member']));
});

test('starter: the type, the first kind it admits or the one given, nulls to fill in', () => {
  const s = nxkx.starter('society_capacity');
  assert.equal(s.project_type, 'society_capacity');
  assert.equal(s.applicant.kind, 'society');
  assert.equal(s.id, null);
  assert.equal(s.applicant.name, null);
  const council = nxkx.starter('returnee_alliance_capacity', { kind: 'alliance_council_member', stage: 'application' });
  assert.equal(council.applicant.kind, 'alliance_council_member');
  // A stage or kind left out, undefined or null is the default.
  assert.deepEqual(nxkx.starter('society_capacity', { stage: undefined, kind: null }), s);
  assert.deepEqual(nxkx.starter('society_capacity', null), s);
});

test('starter: a declaration no rule reads is in the starter of a loaded pack', () => {
  const pack = huangshiWithUnread();
  const notice = nxkx.loadNotice(pack);
  try {
    for (const stage of ['application', 'completion']) {
      for (const kind of notice.catalog().project_types.find((t) => t.code === 'key_academic').eligible) {
        const s = notice.starter('key_academic', { stage, kind });
        assert.ok('ethics_reviewed' in s, `${stage} ${kind}: ${JSON.stringify(s)}`);
        assert.equal(s.ethics_reviewed, null);
        assert.equal(s.applicant.kind, kind);
      }
    }
    assert.ok(!('ethics_reviewed' in nxkx.starter('society_capacity')));
    if (cli) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nxkx-starter-'));
      try {
        const file = path.join(dir, 'pack.json');
        fs.writeFileSync(file, JSON.stringify(pack));
        assert.deepEqual(notice.starter('key_academic', { stage: 'completion' }),
          printed(['--notice', file, '--type', 'key_academic', '--stage', 'completion']));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    notice.free();
  }
});

test('starter: an unknown type, stage or kind is an input error naming the argument', () => {
  const cases = [
    [['nope'], '/project_type', /^project_type: unknown project type "nope"; expected one of park_sta_capacity, /],
    [['society_capacity', { stage: 'review' }], '/stage', /^stage: unknown stage "review"; expected one of application, completion$/],
    [['society_capacity', { kind: 'university_sta' }], '/kind', /^kind: unknown applicant kind "university_sta"; expected one of society, park_sta, /],
  ];
  for (const [args, where, reason] of cases) {
    assert.throws(() => nxkx.builtinNotice().starter(...args), (e) => {
      assert.equal(e.name, 'NxkxError');
      assert.ok(e instanceof nxkx.NxkxError);
      assert.equal(e.status, 'input_error');
      assert.equal(e.code, 'input.unknown_code');
      assert.equal(e.path, where);
      assert.match(e.reason, reason);
      assert.ok(e.reason_zh.length > 0);
      return true;
    });
  }
});

test('starter: arguments of the wrong type are invalid_argument; a freed notice refuses', () => {
  const refused = (f, code, where) => assert.throws(f, (e) => {
    assert.equal(e.status, 'invalid_argument', e.message);
    assert.equal(e.code, code, e.message);
    assert.equal(e.path, where, e.message);
    return true;
  });
  refused(() => nxkx.starter(), 'argument.type', '');
  refused(() => nxkx.starter(42), 'argument.type', '');
  refused(() => nxkx.starter('society_capacity', 'completion'), 'options.type', '');
  refused(() => nxkx.starter('society_capacity', { stage: 2 }), 'options.type', '/stage');
  refused(() => nxkx.starter('society_capacity', { sage: 'completion' }), 'options.unknown_field', '/sage');
  const notice = nxkx.loadNotice(huangshiWithUnread());
  notice.free();
  refused(() => notice.starter('key_academic'), 'argument.null', '');
});

test('starter: calls again do not grow memory', () => {
  // The first call of a type and stage may grow the module's memory to its peak (WebAssembly
  // memory never shrinks); the same calls again must fit in it.
  const calls = () => {
    nxkx.starter('society_capacity');
    assert.throws(() => nxkx.starter('nope'));
    assert.throws(() => nxkx.starter('society_capacity', { kind: 'nope' }));
  };
  calls();
  const size = nxkx.HEAPU8.length;
  for (let i = 0; i < 10; i++) calls();
  assert.equal(nxkx.HEAPU8.length, size);
});
