// The applicant's page (examples/portal) in Debian's headless Chromium, driven by playwright-core.
// Everything is typed and clicked as an applicant would: one valid application of each of the
// six project types (受理), one broken field per type (its finding at that field), save, reload
// and load back, input mistakes in Chinese, planned dates, the completion records of one type
// (已完成, then 未完成 with the shortfall), print to PDF, phone width, keyboard and labels, the
// embedding API, and packs other than the built-in one (the form follows the pack; a declaration
// no rule reads is asked for, from the type's starter).
// The page is opened from file:// and from a static server on 127.0.0.1; any request that
// leaves the machine fails the test.
//   NXKX_JS=build/wasm/bindings/wasm/nxkx.js node --test tests/browser/
// Options: NXKX_CHROMIUM (default /usr/bin/chromium), NXKX_CLI (an `nxkx` command: the saved
// files are checked with it too), NXKX_SCREENSHOT_DIR (where screenshots and the PDF go; a
// temporary folder otherwise). ctest runs it after building the module (tests/embed.cmake).
// Needs `npm ci` in this folder.
'use strict';

const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { test, before, after } = require('node:test');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..', '..');
const moduleFile = path.resolve(process.env.NXKX_JS || path.join(root, 'examples', 'portal', 'nxkx.js'));
const chromiumPath = process.env.NXKX_CHROMIUM || '/usr/bin/chromium';
const AS_OF = '2025-05-20';
const TYPES = ['park_sta_capacity', 'haizhi_base_capacity', 'returnee_alliance_capacity',
  'society_capacity', 'grassroots_societies_capacity', 'regional_academic_exchange'];

/** Packs whose form is checked by "the form follows the pack". A later notice's pack is one
 *  more line here: {name, file} (a path from the repository root). */
const PACKS = [
  { name: 'the built-in 2025 pack', file: null },
  { name: 'a changed copy of the 2025 pack', build: () => changedPack() },
  { name: 'the 2026 sample pack', file: 'examples/packs/notice-2026-sample.json' },
  { name: 'the 黄石 2023 pack', file: 'examples/packs/notice-huangshi-2023.json' },
];

/** One field broken per project type: typed or chosen, the finding must appear at that field. */
const BREAK = {
  park_sta_capacity: { path: '/submission/paper_copies', value: '1', rule: 'submission.copies', clause: '三(二)' },
  haizhi_base_capacity: { path: '/submission/dispatch_date', value: '2025-05-17', rule: 'submission.deadline', clause: '三(四)' },
  returnee_alliance_capacity: { path: '/plan/targets/salon_events', value: '1', rule: 'target.alliance.salon_events', clause: '三(三)' },
  society_capacity: { path: '/applicant/history/2024/evaluation_grade', value: 'c', rule: 'disqualification.evaluation_grade', clause: '二(三)4' },
  grassroots_societies_capacity: { path: '/joint_applicants/0/division', value: '610102', rule: 'eligibility.grassroots_county', clause: '二(一)' },
  regional_academic_exchange: { path: '/plan/targets/offline_attendance', value: '150', rule: 'target.exchange.offline_attendance', clause: '三(三)' },
};

/** What the form must not ask of a type (another type's rules read it, this one's never do). */
const NOT_ASKED = {
  park_sta_capacity: ['/applicant/history', '/joint_applicants', '/applicant/approved_by_cast', '/plan/targets/experts'],
  haizhi_base_capacity: ['/applicant/history', '/applicant/establishment_approved', '/plan/targets/transfers'],
  returnee_alliance_capacity: ['/recommendation_letter', '/applicant/history', '/plan/targets/events'],
  society_capacity: ['/recommendation_letter', '/joint_applicants', '/plan/targets/transfers', '/applicant/division'],
  grassroots_societies_capacity: ['/recommendation_letter', '/plan/targets/experts'],
  regional_academic_exchange: ['/joint_applicants', '/plan/targets/partners', '/recommendation_letter'],
};

const createNxkx = require(moduleFile);
let nxkx; // the same module in node: what the page shows is compared with what it says
let site; // a copy of examples/portal with the freshly built nxkx.js
let out; // screenshots, the PDF, downloads
let context;
let page; // one page, reused by the tests
let server;
let port;
const outside = []; // requests that were not for the page itself
const pageErrors = [];

function example(type) {
  return JSON.parse(fs.readFileSync(path.join(root, 'examples', 'applications', `${type}.json`), 'utf8'));
}

/** The 2025 pack with a project type removed, another renamed, and the notice a year later:
 *  what a later notice changes. The history's years and the deadline are written once in the
 *  pack (docs/pack-format.md §2, §4.3), so moving the notice moves them. */
function changedPack() {
  const pack = JSON.parse(fs.readFileSync(path.join(root, 'data', 'notice-2025.json'), 'utf8'));
  const gone = 'regional_academic_exchange';
  pack.notice.id = 'nxkx-test-changed';
  pack.notice.issued = '2026-05-06';
  pack.notice.application_deadline = '2026-05-15';
  pack.project_types = pack.project_types.filter((t) => t.code !== gone);
  pack.project_types.find((t) => t.code === 'society_capacity').name.zh = '全区学会能力提升项目（改）';
  pack.rules = pack.rules.filter((r) => {
    const only = r.applies_to && r.applies_to.project_types;
    if (!only) return true;
    r.applies_to.project_types = only.filter((t) => t !== gone);
    return r.applies_to.project_types.length > 0;
  });
  return pack;
}

/** A copy of the 黄石 pack with declarations no rule reads (of the application, of the
 *  organisation, and of the year before the notice, a history window the pack gains for it):
 *  the page asks for them because the type's starter holds them (NxkxNotice.starter,
 *  docs/pack-format.md §4.2), though no finding ever names them. */
function huangshiWithUnread() {
  const pack = JSON.parse(fs.readFileSync(path.join(root, 'examples', 'packs', 'notice-huangshi-2023.json'), 'utf8'));
  pack.history = { years_before_notice: 1 };
  pack.declarations.push(
    { name: 'ethics_reviewed', scope: 'application', type: 'yes_no',
      title: { zh: '已通过伦理审查', en: 'ethics review passed' } },
    { name: 'contact_person', scope: 'organisation', type: 'text',
      title: { zh: '联系人', en: 'contact person' } },
    { name: 'audited', scope: 'history', type: 'yes_no',
      title: { zh: '财务已审计', en: 'accounts audited' } });
  return pack;
}
const UNREAD = [
  { path: '/ethics_reviewed', kind: 'bool', title: '已通过伦理审查', value: true },
  { path: '/applicant/contact_person', kind: 'text', title: '联系人', value: '张三' },
  // The notice is of 2023: the history is of 2022. No rule reads a history, so only the
  // starter gives the page its year.
  { path: '/applicant/history/2022/audited', kind: 'bool', title: '财务已审计', value: false },
];

function packText(p) {
  if (p.file) return fs.readFileSync(path.join(root, p.file), 'utf8');
  if (p.build) return JSON.stringify(p.build());
  return null;
}

/** A portal's page that passes its own pack, as docs/browser.md tells. */
function embedPage(name, pack) {
  const json = pack ? pack.replace(/</g, '\\u003c') : '';
  fs.writeFileSync(path.join(site, name), `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>portal</title>
<link rel="stylesheet" href="portal.css"></head>
<body><div class="nxkx-app" data-nxkx-portal data-storage="${name}"></div>
<script type="application/json" data-nxkx-pack>${json}</script>
<script src="nxkx.js"></script><script src="portal.js"></script></body></html>
`);
}

before(async () => {
  nxkx = await createNxkx();
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'nxkx-portal-'));
  out = process.env.NXKX_SCREENSHOT_DIR ? path.resolve(process.env.NXKX_SCREENSHOT_DIR) : path.join(site, 'out');
  fs.mkdirSync(out, { recursive: true });
  for (const f of ['index.html', 'portal.js', 'portal.css']) {
    fs.copyFileSync(path.join(root, 'examples', 'portal', f), path.join(site, f));
  }
  fs.copyFileSync(moduleFile, path.join(site, 'nxkx.js'));
  PACKS.forEach((p, i) => embedPage(`pack-${i}.html`, packText(p)));
  embedPage('pack-unread.html', JSON.stringify(huangshiWithUnread()));
  fs.writeFileSync(path.join(site, 'host.html'), `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><link rel="stylesheet" href="portal.css"></head>
<body><h1>某门户</h1><div id="embedded"></div>
<script src="nxkx.js"></script><script src="portal.js"></script></body></html>
`);

  server = http.createServer((req, res) => {
    const name = path.basename(new URL(req.url, 'http://127.0.0.1').pathname) || 'index.html';
    const file = path.join(site, name);
    if (!fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = name.endsWith('.html') ? 'text/html; charset=utf-8'
      : name.endsWith('.css') ? 'text/css' : 'text/javascript';
    res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = server.address().port;

  context = await chromium.launchPersistentContext(path.join(site, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    acceptDownloads: true,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://') || url.startsWith(`http://127.0.0.1:${port}/`) ||
        url.startsWith('data:') || url.startsWith('blob:')) {
      return route.continue();
    }
    outside.push(url);
    return route.abort();
  });
  page = context.pages()[0] || (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(String(e.stack || e)));
});

after(async () => {
  if (context) await context.close();
  if (server) server.close();
  fs.rmSync(site, { recursive: true, force: true });
});

// ---------------------------------------------------------------- helpers

const fileUrl = (name, query) => `file://${path.join(site, name)}${query ? `?${query}` : ''}`;

/** Opens a page of the site with no draft kept from an earlier test. */
async function open(url, opts) {
  await page.goto(url);
  if (!(opts && opts.keepDraft)) {
    await page.evaluate(() => localStorage.clear());
    await page.goto(url);
  }
  await page.waitForSelector('[data-nxkx-portal][data-ready="true"]', { timeout: 30000 });
}

const wrapper = (p) => page.locator(`[data-kind][data-path="${p}"]`);
const control = (p) => wrapper(p).locator(':scope > input, :scope > select, :scope > textarea');

/** Waits until the check after the last keystroke has run. */
async function settle() {
  await page.waitForFunction(() => {
    const c = document.querySelector('.nxkx-portal');
    return c && c.dataset.pending !== 'true';
  });
}

async function decision() {
  await settle();
  return page.evaluate(() => {
    const s = document.querySelector('.nxkx-status');
    const t = s.querySelector('.nxkx-decision-text');
    return { code: s.dataset.decision, zh: t ? t.textContent : '' };
  });
}

async function waitDecision(code) {
  await page.waitForFunction((c) => {
    const box = document.querySelector('.nxkx-portal');
    return box.dataset.pending !== 'true' && document.querySelector('.nxkx-status').dataset.decision === c;
  }, code, { timeout: 10000 }).catch(async () => {
    const d = await decision();
    const open = await page.locator('.nxkx-open-points li').allTextContents();
    assert.fail(`decision ${d.code} (${d.zh}), expected ${code}; open points: ${open.join(' | ')}`);
  });
}

/** The leaves of an application in its own order; lists of objects come as {rows: n} first. */
function leaves(doc, base = '') {
  const list = [];
  for (const [k, v] of Object.entries(doc)) {
    const p = `${base}/${k}`;
    if (v === null || v === undefined) continue;
    if (Array.isArray(v) && v.length && typeof v[0] === 'object') {
      list.push({ path: p, rows: v.length });
      v.forEach((row, i) => list.push(...leaves(row, `${p}/${i}`)));
    } else if (!Array.isArray(v) && typeof v === 'object') {
      list.push(...leaves(v, p));
    } else {
      list.push({ path: p, value: v });
    }
  }
  return list;
}

/**
 * Sets a radio button or a check box and makes sure the page took it. A click is a pointer event
 * at a place on the screen: when the check of an earlier keystroke re-renders the form between
 * Playwright finding that place and clicking it (a slow, loaded machine), the click can land
 * beside the control. setChecked() clicks and then verifies the state; it is tried again on the
 * control as the page has rendered it since.
 */
async function setChecked(box, want) {
  for (let attempt = 0; ; attempt++) {
    try {
      await box.setChecked(want, { timeout: 10000 });
      return;
    } catch (e) {
      if (attempt === 2) throw e;
      await settle();
    }
  }
}

/** Types or clicks one value into its field. */
async function enter(leaf) {
  const w = wrapper(leaf.path);
  const kind = await w.getAttribute('data-kind');
  const v = leaf.value;
  if (kind === 'bool') {
    await setChecked(w.locator(`input[type=radio][value="${v}"]`), true);
  } else if (kind === 'codes') {
    const boxes = w.locator('input[type=checkbox]');
    for (let i = 0; i < (await boxes.count()); i++) {
      const box = boxes.nth(i);
      const want = v.includes(await box.getAttribute('value'));
      if ((await box.isChecked()) !== want) await setChecked(box, want);
    }
  } else if (kind === 'code') {
    await control(leaf.path).selectOption(String(v));
  } else if (kind === 'lines') {
    const area = control(leaf.path);
    await area.click();
    await area.fill('');
    for (const [i, line] of v.entries()) {
      if (i) await area.press('Enter');
      await area.pressSequentially(line);
    }
  } else if (kind === 'longtext') {
    await control(leaf.path).fill(String(v)); // 1500 字 and more: pasted rather than typed
  } else {
    const input = control(leaf.path);
    await input.click();
    await input.fill('');
    await input.pressSequentially(String(v));
  }
}

/**
 * Fills an application in as a user would: the project type first, then every field the form
 * shows, in the document's order; fields that appear on the way (the form asks for what the
 * rules need) are filled in the next pass. Returns the leaves the form never asked for.
 */
async function typeApplication(doc) {
  await control('/project_type').selectOption(doc.project_type);
  await settle();
  let pending = leaves(doc).filter((l) => l.path !== '/project_type');
  for (let pass = 0; pass < 4 && pending.length; pass++) {
    const next = [];
    for (const leaf of pending) {
      const w = wrapper(leaf.path);
      if (leaf.rows !== undefined) {
        if ((await wrapper(leaf.path).count()) === 0 || !(await wrapper(leaf.path).isVisible())) {
          next.push(leaf);
          continue;
        }
        while ((await page.locator(`[data-kind="row"][data-path^="${leaf.path}/"]`).count()) < leaf.rows) {
          await page.locator(`button[data-add="${leaf.path}"]`).click();
        }
        continue;
      }
      if ((await w.count()) === 0 || !(await w.isVisible())) {
        next.push(leaf);
        continue;
      }
      await enter(leaf);
    }
    await settle();
    if (next.length === pending.length) break;
    pending = next;
  }
  await settle();
  return pending;
}

/** A document without the given leaves, and without the objects that leaves empty. */
function without(doc, gone) {
  const copy = JSON.parse(JSON.stringify(doc));
  for (const { path: p } of gone) {
    const parts = p.split('/').slice(1);
    let node = copy;
    for (const k of parts.slice(0, -1)) node = node[k];
    delete node[parts[parts.length - 1]];
  }
  const prune = (v) => {
    if (Array.isArray(v)) return v.map(prune);
    if (v && typeof v === 'object') {
      const o = {};
      for (const [k, x] of Object.entries(v)) {
        const y = prune(x);
        if (y !== undefined && !(y && typeof y === 'object' && !Array.isArray(y) && !Object.keys(y).length)) o[k] = y;
      }
      return o;
    }
    return v;
  };
  return prune(copy);
}

/** Clicks 保存为文件 and returns the downloaded text. */
async function saveFile() {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.nxkx-save')]);
  const file = path.join(out, download.suggestedFilename());
  await download.saveAs(file);
  return { file, text: fs.readFileSync(file, 'utf8'), name: download.suggestedFilename() };
}

/** Opens a file through 打开申报文件…, as the file chooser would. */
async function openFile(file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('.nxkx-open')]);
  await chooser.setFiles(file);
  await page.waitForFunction(() => document.querySelector('.nxkx-note'));
  await settle();
}

/** The findings shown at a field (its own list), by rule id. */
function findingAt(p, rule) {
  return wrapper(p).locator(`.nxkx-finding[data-rule="${rule}"]`);
}

function cliCheck(file, asOf, stage) {
  if (!process.env.NXKX_CLI) return null;
  try {
    execFileSync(process.env.NXKX_CLI, ['check', '--as-of', asOf, '--stage', stage || 'application', file],
      { stdio: 'pipe' });
    return 0;
  } catch (e) {
    return e.status;
  }
}

// ---------------------------------------------------------------- the tests

for (const type of TYPES) {
  test(`${type}: typed in, 受理; a broken field shows its finding there`, async () => {
    await open(fileUrl('index.html', `as_of=${AS_OF}`));
    // The type's form: what its rules read, not what another type's read.
    await control('/project_type').selectOption(type);
    await settle();
    for (const p of NOT_ASKED[type]) assert.equal(await wrapper(p).isVisible(), false, `${type} does not ask for ${p}`);
    assert.ok(await page.locator('.nxkx-form .nxkx-finding').count() > 5);
    const doc = example(type);
    const skipped = await typeApplication(doc);
    await waitDecision('accepted');
    assert.equal((await decision()).zh, '受理');
    assert.equal(await page.locator('.nxkx-form .nxkx-finding').count(), 0);
    assert.match(await page.textContent('.nxkx-title'), new RegExp(nxkx.catalog().project_types.find((t) => t.code === type).name.zh));

    // What the form never asked for is what this type's rules do not read.
    const rest = without(doc, skipped);
    assert.equal(nxkx.check(rest, { asOf: AS_OF }).decision.code, 'accepted');
    // Saved, it is exactly what was typed, in the format the command reads.
    const saved = await saveFile();
    assert.deepEqual(JSON.parse(saved.text), rest);
    assert.equal(nxkx.check(saved.text, { asOf: AS_OF }).decision.code, 'accepted');
    const cli = cliCheck(saved.file, AS_OF);
    if (cli !== null) assert.equal(cli, 0, `nxkx check ${saved.file}`);

    // One field broken: its finding, with clause, at that field, and in the open points.
    const b = BREAK[type];
    const original = leaves(doc).find((l) => l.path === b.path).value;
    await enter({ path: b.path, value: b.value });
    const finding = findingAt(b.path, b.rule);
    await finding.waitFor({ timeout: 10000 });
    const text = await finding.textContent();
    assert.ok(text.includes(b.clause), `${text} cites ${b.clause}`);
    const d = await decision();
    assert.notEqual(d.code, 'accepted');
    assert.ok(text.includes(d.zh) || (await page.locator(`.nxkx-form .nxkx-finding`).count()) > 0);
    assert.equal(await page.locator(`.nxkx-open-points li[data-rule="${b.rule}"]`).count(), 1);
    if (type === 'society_capacity') {
      await wrapper(b.path).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(out, 'portal.png') });
      await page.screenshot({ path: path.join(out, 'portal-full.png'), fullPage: true });
    }
    await enter({ path: b.path, value: original });
    await finding.waitFor({ state: 'detached' });
    await waitDecision('accepted');
  });
}

test('screenshots show Chinese in a CJK font', async () => {
  const fonts = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  assert.match(fonts, /CJK|Han|Hei|Song|Ming/i, 'a CJK font is installed (scripts/deps.sh: fonts-noto-cjk)');
  await open(fileUrl('index.html', `as_of=${AS_OF}`));
  await control('/project_type').selectOption('society_capacity');
  await settle();
  const cdp = await context.newCDPSession(page);
  const { root: doc } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: doc.nodeId, selector: '.nxkx-title' });
  await cdp.send('CSS.enable');
  const { fonts: used } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  assert.ok(used.some((f) => /CJK|Han|Hei|Song|Ming/i.test(f.familyName) && f.glyphCount > 0),
    `the title is drawn with ${JSON.stringify(used)}`);
  assert.ok(fs.statSync(path.join(out, 'portal.png')).size > 20000);
});

test('save, reload, load back: the same JSON; a file sent back loads whole', async () => {
  await open(fileUrl('index.html', `as_of=${AS_OF}`));
  await typeApplication(example('grassroots_societies_capacity'));
  await waitDecision('accepted');
  const first = await saveFile();
  assert.match(first.name, /^申报-.*\.json$/);

  // Reload: the draft comes back, with a visible way to clear it.
  await page.reload();
  await page.waitForSelector('[data-nxkx-portal][data-ready="true"]');
  assert.match(await page.textContent('.nxkx-notes'), /已恢复上次的草稿/);
  await waitDecision('accepted');
  assert.equal(await control('/applicant/name').inputValue(), '宁夏回族自治区农学会');
  await page.click('.nxkx-toolbar .nxkx-clear');
  await settle();
  assert.equal(await control('/project_type').inputValue(), '');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':draft:')).length), 0);
  await page.reload();
  await page.waitForSelector('[data-nxkx-portal][data-ready="true"]');
  assert.doesNotMatch(await page.textContent('.nxkx-notes'), /已恢复/);

  await openFile(first.file);
  await waitDecision('accepted');
  const second = await saveFile();
  assert.equal(second.text, first.text);

  // One the association sent back, with facts this type's rules do not read and an RFC 3339
  // timestamp: everything in it is shown and saved again.
  const sent = path.join(root, 'examples', 'applications', 'returnee_alliance_capacity.json');
  await openFile(sent);
  await waitDecision('accepted');
  assert.ok(await wrapper('/applicant/history/2023/penalized').isVisible());
  const third = await saveFile();
  assert.deepEqual(JSON.parse(third.text), JSON.parse(fs.readFileSync(sent, 'utf8')));
  const cli = cliCheck(third.file, AS_OF);
  if (cli !== null) assert.equal(cli, 0);
});

test('a file with mistakes: each is shown at its field, in Chinese', async () => {
  await open(fileUrl('index.html', `as_of=${AS_OF}`));
  const doc = example('society_capacity');
  doc.submission.paper_copies = '2';
  doc.submission.handed_in_date = '2025-02-30';
  doc.applicant.nmae = 'x';
  doc.submission.delivery = '快递'; // a label where the code is expected: the reader's error
  const file = path.join(out, 'mistakes.json');
  fs.writeFileSync(file, JSON.stringify(doc));
  await openFile(file);
  assert.match(await page.textContent('.nxkx-notes'), /未载入：\/applicant\/nmae/);
  const copies = wrapper('/submission/paper_copies').locator('.nxkx-input-error');
  await copies.waitFor();
  assert.match(await copies.textContent(), /类型不对/);
  assert.match(await wrapper('/submission/handed_in_date').locator('.nxkx-input-error').textContent(), /没有这一天：2025-02-30/);
  assert.equal(await control('/submission/paper_copies').getAttribute('aria-invalid'), 'true');
  const delivery = wrapper('/submission/delivery').locator('.nxkx-input-error');
  // The engine's own Chinese reason: a label where a code belongs, with the code to write.
  assert.match(await delivery.textContent(), /应为 "courier"（快递寄送）/);
  assert.match(await control('/submission/delivery').inputValue(), /^快递$/);
  // Chosen from the list, it is read, and the rest of the file still counts.
  await control('/submission/delivery').selectOption('in_person');
  await settle();
  assert.equal(await wrapper('/submission/delivery').locator('.nxkx-input-error').count(), 0);
  const bad = path.join(out, 'not-json.json');
  fs.writeFileSync(bad, '{"project_type": "society_capacity",}');
  await openFile(bad);
  assert.match(await page.locator('.nxkx-note-error').last().textContent(), /不是有效的 JSON/);
});

test('input mistakes are caught at the field as they are typed, in Chinese', async () => {
  await open(fileUrl('index.html', `as_of=${AS_OF}`));
  await typeApplication(example('park_sta_capacity'));
  await waitDecision('accepted');
  const cases = [
    ['/submission/paper_copies', '1.5', /请填写不小于 0 的整数/],
    ['/submission/paper_copies', '两份', /请填写不小于 0 的整数/],
    ['/plan/targets/events', '-3', /不能小于 0/],
    ['/submission/handed_in_date', '2025-02-30', /没有这一天/],
    ['/submission/handed_in_date', '五月十五', /日期应写成 年-月-日/],
  ];
  for (const [p, typed, message] of cases) {
    const input = control(p);
    await input.fill('');
    await input.pressSequentially(typed);
    await settle();
    const err = wrapper(p).locator('.nxkx-input-error');
    await err.waitFor();
    assert.match(await err.textContent(), message);
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    assert.ok(await page.locator(`.nxkx-open-points li[data-path="${p}"]`).count() >= 1);
  }
  // 2025/5/14 and 2025年5月14日 are read as 2025-05-14; full-width digits as digits.
  await control('/submission/handed_in_date').fill('');
  await control('/submission/handed_in_date').pressSequentially('2025年5月14日');
  await control('/submission/paper_copies').fill('');
  await control('/submission/paper_copies').pressSequentially('２');
  await control('/plan/targets/events').fill('');
  await control('/plan/targets/events').pressSequentially('5');
  await waitDecision('accepted');
  assert.equal(await page.locator('.nxkx-input-error').count(), 0);
  const saved = JSON.parse((await saveFile()).text);
  assert.equal(saved.submission.handed_in_date, '2025-05-14');
  assert.equal(saved.submission.paper_copies, 2);
});

test('planned dates: checked as if sent then, and said so', async () => {
  const asOf = '2025-05-10';
  await open(fileUrl('index.html', `as_of=${asOf}`));
  const doc = example('haizhi_base_capacity'); // courier, dispatched 2025-05-15, e-mailed then
  await typeApplication(doc);
  // Dates after the check date: the page cannot say 受理 for what has not happened.
  assert.equal((await decision()).code, 'needs_review');
  assert.equal(await wrapper('/submission/dispatch_date').locator('.nxkx-finding').count(), 1);
  for (const p of ['/submission/dispatch_date', '/submission/word_version/sent_on']) {
    await setChecked(wrapper(p).locator('.nxkx-planned input'), true);
  }
  await waitDecision('accepted');
  const caveat = await page.textContent('.nxkx-caveat');
  assert.match(caveat, /按计划日期核验/);
  assert.match(caveat, /快递发出日期 2025-05-15/);
  assert.match(caveat, /只在您按计划/);
  assert.match(await page.textContent('.nxkx-asof-line'), /核验日期 2025-05-15 · 依据 nxkx-2025-61 2025\.3/);
  assert.match(await page.getAttribute('.nxkx-asof-line', 'title'), /^sha256:[0-9a-f]{64}$/);
  // A plan after the deadline is judged as such.
  await enter({ path: '/submission/dispatch_date', value: '2025-05-17' });
  await findingAt('/submission/dispatch_date', 'submission.deadline').waitFor();
  assert.equal((await decision()).code, 'rejected');
  await enter({ path: '/submission/dispatch_date', value: '2025-05-15' });
  await waitDecision('accepted');
  // The shown check date itself is an input: a later one makes the plan moot, a bad one is said.
  assert.equal(await page.inputValue('.nxkx-asof input'), asOf);
  await page.fill('.nxkx-asof input', '2025-13-01');
  await settle();
  assert.match(await page.textContent('.nxkx-asof small'), /日期应写成 年-月-日.*仍按 2025-05-10 核验/);
  await page.fill('.nxkx-asof input', '2025-05-18');
  await settle();
  assert.match(await page.textContent('.nxkx-asof-line'), /核验日期 2025-05-18/);
  assert.match(await page.textContent('.nxkx-caveat'), /计划日期已早于核验日期/);
  await page.fill('.nxkx-asof input', asOf);
  await waitDecision('accepted');
  // The saved file is the application alone (what is planned is the page's, not the format's).
  const saved = JSON.parse((await saveFile()).text);
  assert.equal(saved.submission.dispatch_date, '2025-05-15');
});

test('completion: records typed in give 已完成; without one event, 未完成 with the shortfall', async () => {
  await open(fileUrl('index.html', 'as_of=2025-12-01&stage=completion'));
  const full = JSON.parse(fs.readFileSync(path.join(root, 'examples', 'completion', 'society_capacity-complete.json'), 'utf8'));
  const doc = {
    project_type: full.project_type,
    approval_date: full.approval_date,
    records: { events: full.records.events.slice(0, 2), governance_systems: full.records.governance_systems, texts: full.records.texts },
  };
  assert.ok(await page.locator('.nxkx-stage input[value=completion]').isChecked());
  const skipped = await typeApplication(doc);
  assert.deepEqual(skipped, []);
  await waitDecision('complete');
  assert.equal((await decision()).zh, '已完成');
  // The live 字 count is the engine's.
  const zi = await wrapper('/records/texts/0/content').locator('.nxkx-zi').getAttribute('data-zi');
  assert.equal(Number(zi), nxkx.countZi(full.records.texts[0].content).word_processor);
  assert.ok(Number(zi) >= 1500);

  // Remove the second event: one left where the notice asks for two.
  await page.locator('[data-kind="row"][data-path="/records/events/1"] .nxkx-remove').click();
  await waitDecision('incomplete');
  assert.equal((await decision()).zh, '未完成');
  const shortfall = page.locator('.nxkx-form .nxkx-finding[data-rule="deliverable.society.events"]');
  await shortfall.waitFor();
  const text = await shortfall.textContent();
  assert.match(text, /1\s*场/);
  assert.match(text, /2\s*场/);
  assert.equal(await page.locator('[data-kind="row"][data-path^="/records/events/"]').count(), 1);
  // Every shortfall is listed beside the form.
  const shown = await page.evaluate(() => nxkxPortal.application());
  assert.deepEqual(shown.records.events, doc.records.events.slice(0, 1));
  const report = nxkx.check(shown, { asOf: '2025-12-01', stage: 'completion' });
  assert.equal(await page.locator('.nxkx-open-points li').count(), report.findings.length);

  // Printed to PDF: the form and its findings, without the buttons.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.nxkx-buttons').isVisible(), false);
  assert.ok(await page.locator('.nxkx-status').isVisible());
  assert.ok(await shortfall.isVisible());
  const pdf = path.join(out, 'portal.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const bytes = fs.readFileSync(pdf);
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  assert.ok(bytes.length > 30000);
  let pdftotext = null;
  try {
    pdftotext = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  } catch (e) {
    pdftotext = null; // poppler-utils not installed: the structure above is what is checked
  }
  if (pdftotext !== null) {
    assert.match(pdftotext, /未完成/);
    assert.match(pdftotext, /智能制造技术培训班/);
    assert.doesNotMatch(pdftotext, /保存为文件/);
  }
});

test('phone width: the decision stays in view and covers no field', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await open(fileUrl('index.html', `as_of=${AS_OF}`));
    await control('/project_type').selectOption('society_capacity');
    await settle();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling (${width}px)`);
    // Scroll the form to its end: the decision is still in view, and the fields scroll in a
    // box of their own below it.
    await page.locator('.nxkx-main').evaluate((m) => m.scrollTo(0, m.scrollHeight));
    const status = await page.locator('.nxkx-status').boundingBox();
    const main = await page.locator('.nxkx-main').boundingBox();
    assert.ok(status.y >= 0 && status.y + status.height <= 844, 'the decision is in view');
    assert.ok(main.y >= status.y + status.height - 1, 'the form begins below the decision');
    const field = control('/plan/targets/events');
    await field.scrollIntoViewIfNeeded();
    const box = await field.boundingBox();
    assert.ok(box.y >= status.y + status.height - 1, 'a field scrolled into view is not under the decision');
    await page.screenshot({ path: path.join(out, 'portal-phone.png') });
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  // At desktop width the decision is a column beside the form and stays in view.
  await open(fileUrl('index.html', `as_of=${AS_OF}`));
  await control('/project_type').selectOption('society_capacity');
  await settle();
  await page.mouse.wheel(0, 3000);
  await page.waitForTimeout(100);
  const status = await page.locator('.nxkx-status').boundingBox();
  const form = await page.locator('.nxkx-form').boundingBox();
  assert.ok(status.x >= form.x + form.width, 'beside the form, not over it');
  assert.ok(status.y >= -1 && status.y < 900, 'still in view after scrolling');
});

test('labels, keyboard, contrast', async () => {
  await open(fileUrl('index.html', `as_of=${AS_OF}`));
  await control('/project_type').selectOption('grassroots_societies_capacity');
  await page.locator('button[data-add="/joint_applicants"]').click();
  await settle();
  // Every control has a label of its own (or is one choice of a labelled group).
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('.nxkx-portal input, .nxkx-portal select, .nxkx-portal textarea')]
    .filter((c) => c.type !== 'file' && !c.closest('[hidden]'))
    .filter((c) => !(c.labels && c.labels.length && c.labels[0].textContent.trim()))
    .map((c) => c.id || c.name || c.outerHTML.slice(0, 60)));
  assert.deepEqual(unlabelled, []);
  // Keyboard: reach the project type with Tab, and an open point takes you to its field.
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  let reached = false;
  for (let i = 0; i < 20 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement && document.activeElement.dataset.path === '/project_type');
  }
  assert.ok(reached, 'the project type is reached with Tab');
  const point = page.locator('.nxkx-open-points li[data-path="/submission/paper_copies"] button');
  await point.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.path), '/submission/paper_copies');
  await page.keyboard.type('2');
  await settle();
  assert.equal(await page.locator('.nxkx-open-points li[data-path="/submission/paper_copies"]').count(), 0);
  // Text against its background: at least 4.5:1 (WCAG AA).
  const ratios = await page.evaluate(() => {
    const rgb = (s) => s.match(/[\d.]+/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => {
      const f = (c) => {
        c /= 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const bg = (e) => {
      for (; e; e = e.parentElement) {
        const c = getComputedStyle(e).backgroundColor;
        if (c && !/rgba\(0, 0, 0, 0\)|transparent/.test(c)) return rgb(c);
      }
      return [255, 255, 255];
    };
    const out = {};
    for (const sel of ['.nxkx-en', '.nxkx-clause', '.nxkx-help', '.nxkx-finding .nxkx-sev', '.nxkx-decision strong',
      '.nxkx-asof small', '.nxkx-zh', '.nxkx-open-points .nxkx-sev']) {
      const e = document.querySelector(sel);
      if (!e) continue;
      const a = lum(rgb(getComputedStyle(e).color));
      const b = lum(bg(e));
      out[sel] = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }
    return out;
  });
  assert.ok(Object.keys(ratios).length >= 6);
  for (const [sel, r] of Object.entries(ratios)) assert.ok(r >= 4.5, `${sel}: contrast ${r.toFixed(2)}`);
});

test('from a static server, embedded by a portal: mount(), options, the JSON read back', async () => {
  await page.goto(`http://127.0.0.1:${port}/host.html`);
  const result = await page.evaluate(async (app) => {
    const seen = [];
    const element = document.getElementById('embedded');
    element.addEventListener('nxkx-change', (e) => seen.push(e.detail.report && e.detail.report.decision.code));
    const portal = await NxkxPortal.mount(element, { asOf: '2025-05-20', application: app, storageKey: false });
    return { decision: portal.report().decision.zh, app: portal.application(), seen, stored: Object.keys(localStorage).length };
  }, example('society_capacity'));
  assert.equal(result.decision, '受理');
  assert.deepEqual(result.app, without(example('society_capacity'), []));
  assert.deepEqual(result.seen, ['accepted']);
  assert.equal(result.stored, 0);
  await enter({ path: '/applicant/history/2024/evaluation_grade', value: 'c' });
  await findingAt('/applicant/history/2024/evaluation_grade', 'disqualification.evaluation_grade').waitFor();
  assert.equal((await decision()).zh, '不予受理');
});

for (const [i, pack] of PACKS.entries()) {
  test(`the form follows ${pack.name}`, async () => {
    const text = packText(pack);
    const notice = text ? nxkx.loadNotice(text) : nxkx.builtinNotice();
    const catalog = notice.catalog();
    // A notice may state no application deadline (null, 未载明): check as of its issue date then.
    const asOf = catalog.notice.application_deadline || catalog.notice.issued;
    await open(fileUrl(`pack-${i}.html`, `as_of=${asOf}`));
    // The project types are the pack's, with its names.
    const options = await control('/project_type').locator('option:not([value=""])').evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
    assert.deepEqual(options.map(([v]) => v), catalog.project_types.map((t) => t.code));
    for (const t of catalog.project_types) assert.ok(options.find(([v]) => v === t.code)[1].startsWith(t.name.zh));
    if (catalog.notice.application_deadline) assert.match(await page.textContent('.nxkx-facts'), new RegExp(catalog.notice.application_deadline));
    for (const t of catalog.project_types) {
      await control('/project_type').selectOption(t.code);
      await settle();
      // An empty application: every finding the engine makes is shown at a field of the form.
      const app = { project_type: t.code, applicant: { kind: t.eligible[0] } };
      const report = notice.check(app, { asOf });
      // Each at the field its path names (not merely somewhere on the page).
      const shown = await page.locator('.nxkx-form .nxkx-finding[data-rule]:not(.nxkx-mention)').evaluateAll((ls) =>
        ls.map((l) => `${l.dataset.rule} ${l.dataset.path} @${l.parentElement.closest('[data-kind]').dataset.path}`));
      assert.deepEqual(shown.sort(), report.findings.map((f) => `${f.rule_id} ${f.path} @${f.path}`).sort(), t.code);
      for (const f of report.findings) {
        const exact = wrapper(f.path);
        assert.ok((await exact.count()) === 1 && (await exact.isVisible()), `${t.code}: a field for ${f.path}`);
      }
      // The years of the history are those the pack's rules read.
      const years = [...new Set(report.findings.map((f) => /\/history\/(\d{4})\//.exec(f.path)).filter(Boolean).map((m) => m[1]))].sort();
      const entries = await page.locator('[data-kind="object"][data-path^="/applicant/history/"]').evaluateAll((ls) => ls.filter((l) => !l.hidden).map((l) => l.dataset.path.split('/')[3]));
      assert.deepEqual(entries.sort(), years, `${t.code}: history years`);
    }
    if (pack.build) {
      // The changed pack: a type gone, one renamed, the history a year later.
      assert.ok(!options.some(([v]) => v === 'regional_academic_exchange'));
      assert.match(options.find(([v]) => v === 'society_capacity')[1], /（改）/);
      await control('/project_type').selectOption('society_capacity');
      await settle();
      const legends = await page.locator('[data-path^="/applicant/history/"] > legend').allTextContents();
      assert.ok(legends.some((l) => l.startsWith('2025年')) && legends.some((l) => l.startsWith('2024年')));
      assert.ok(!legends.some((l) => l.startsWith('2023年')));
    }
    if (text) notice.free();
  });
}

test('a declaration no rule reads is asked for: the type\'s starter is on the page', async () => {
  const notice = nxkx.loadNotice(huangshiWithUnread());
  try {
    const catalog = notice.catalog();
    const asOf = catalog.notice.application_deadline || catalog.notice.issued;
    await open(fileUrl('pack-unread.html', `as_of=${asOf}`));
    for (const t of catalog.project_types) {
      for (const stage of ['application', 'completion']) {
        // No finding names them, empty or answered: probing the engine alone never shows them.
        for (const kind of t.eligible) {
          const app = { project_type: t.code, applicant: { kind } };
          const starter = notice.starter(t.code, { stage, kind });
          for (const u of UNREAD) {
            assert.ok(notice.check(app, { asOf, stage }).findings.every((f) => !f.path.startsWith(u.path)));
            assert.ok(u.path.split('/').slice(1).reduce((o, k) => (o && k in o ? o[k] : undefined), starter) === null,
              `${t.code} ${stage} ${kind}: the starter has ${u.path}`);
          }
        }
      }
      await control('/project_type').selectOption(t.code);
      await settle();
      for (const u of UNREAD) {
        const w = wrapper(u.path);
        assert.equal(await w.count(), 1, `${t.code}: a field for ${u.path}`);
        assert.ok(await w.isVisible(), `${t.code}: ${u.path} is shown`);
        assert.equal(await w.getAttribute('data-kind'), u.kind);
        assert.match(await w.textContent(), new RegExp(u.title));
      }
    }
    // Answered, they are in the application the page saves, and change no decision.
    const type = catalog.project_types[0].code;
    await control('/project_type').selectOption(type);
    await settle();
    const before = (await decision()).code;
    for (const u of UNREAD) await enter({ path: u.path, value: u.value });
    await settle();
    const saved = JSON.parse((await saveFile()).text);
    assert.equal(saved.ethics_reviewed, true);
    assert.equal(saved.applicant.contact_person, '张三');
    assert.equal(saved.applicant.history['2022'].audited, false);
    assert.equal((await decision()).code, before);
    assert.equal(notice.check(saved, { asOf }).decision.code, before);
  } finally {
    notice.free();
  }
});

test('no page error, nothing fetched from outside', () => {
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(outside, []);
});
