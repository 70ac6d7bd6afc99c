// The portal example (examples/portal) in Debian's headless Chromium, driven by playwright-core:
// fill a field wrongly, see the finding at that field with its clause; fix it, see it go.
// The page is opened from file:// and from a static server on 127.0.0.1; any request that
// leaves the machine fails the test.
//   NXKX_JS=build/wasm/bindings/wasm/nxkx.js node --test tests/browser/
// ctest runs it after building the module (tests/embed.cmake). Needs `npm ci` in this folder.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { test, before, after } = require('node:test');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..', '..');
const moduleFile = path.resolve(process.env.NXKX_JS || path.join(root, 'examples', 'portal', 'nxkx.js'));
const chromiumPath = process.env.NXKX_CHROMIUM || '/usr/bin/chromium';

let site; // a copy of examples/portal with the freshly built nxkx.js
let context;
let server;
let port;
const outside = []; // requests that were not for the page itself

before(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'nxkx-portal-'));
  for (const f of ['index.html', 'portal.js'])
    fs.copyFileSync(path.join(root, 'examples', 'portal', f), path.join(site, f));
  fs.copyFileSync(moduleFile, path.join(site, 'nxkx.js'));

  server = http.createServer((req, res) => {
    const name = path.basename(new URL(req.url, 'http://127.0.0.1').pathname) || 'index.html';
    const file = path.join(site, name);
    if (!fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = name.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript';
    res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = server.address().port;

  context = await chromium.launchPersistentContext(path.join(site, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://') || url.startsWith(`http://127.0.0.1:${port}/`) ||
        url.startsWith('data:')) {
      return route.continue();
    }
    outside.push(url);
    return route.abort();
  });
});

after(async () => {
  if (context) await context.close();
  if (server) server.close();
  fs.rmSync(site, { recursive: true, force: true });
});

/** The findings shown at the form field of `selector`. */
function findingsAt(page, selector) {
  return page.locator('.field', { has: page.locator(selector) }).locator('li.finding');
}

async function open(url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  return { page, errors };
}

async function fillExample(page) {
  await page.click('#fill-example');
  await page.waitForFunction(() => document.getElementById('decision-text').textContent === '受理');
  assert.equal(await page.locator('li.finding').count(), 0);
}

async function wrongGradeThenRight(page) {
  const grade = '#f-2024-evaluation_grade';
  const at = findingsAt(page, grade);
  // Labels and choices come from the schema, in Chinese.
  assert.match(await page.locator(`label[for="f-2024-evaluation_grade"]`).textContent(),
    /学会评价等级 \(二\(三\)4\)/);

  await page.selectOption(grade, 'c'); // wrong: grade C is disqualifying, 二(三)4
  const finding = at.and(page.locator('[data-rule="disqualification.evaluation_grade"]'));
  await finding.waitFor();
  const text = await finding.textContent();
  assert.match(text, /不予受理/);
  assert.match(text, /二\(三\)4/);
  assert.match(text, /联系人: 周莉/);
  assert.equal(await page.textContent('#decision-text'), '不予受理');

  await page.selectOption(grade, 'b'); // fixed
  await finding.waitFor({ state: 'detached' });
  assert.equal(await at.count(), 0);
  await page.waitForFunction(() => document.getElementById('decision-text').textContent === '受理');
}

test('from file://: a wrong field shows its finding and clause, a fixed one clears it', async () => {
  const { page, errors } = await open(`file://${path.join(site, 'index.html')}?as_of=2025-05-20`);
  assert.match(await page.textContent('h1'), /全区学会能力提升项目/);
  await fillExample(page);
  await wrongGradeThenRight(page);

  // Typed: one paper copy where the notice asks for two (三(二)), then two.
  const copies = findingsAt(page, '#f-copies');
  await page.fill('#f-copies', '1');
  await copies.and(page.locator('[data-rule="submission.copies"]')).waitFor();
  assert.match(await copies.first().textContent(), /三\(二\)/);
  assert.match(await copies.first().textContent(), /材料不全/);
  await page.fill('#f-copies', '2');
  await copies.first().waitFor({ state: 'detached' });

  // What the reader cannot read is shown at its field too.
  await page.fill('#f-copies', '1.5');
  await copies.and(page.locator('[data-code="input.type"]')).waitFor();
  await page.fill('#f-copies', '2');
  await copies.first().waitFor({ state: 'detached' });

  // A date after the deadline, 三(四).
  const handed = findingsAt(page, '#f-handed');
  await page.fill('#f-handed', '2025-05-17');
  await handed.and(page.locator('[data-rule="submission.deadline"]')).waitFor();
  await page.fill('#f-handed', '2025-05-16');
  await handed.first().waitFor({ state: 'detached' });

  if (process.env.NXKX_SCREENSHOT) {
    await page.selectOption('#f-2024-evaluation_grade', 'c');
    await page.fill('#f-copies', '1');
    await page.waitForSelector('li.finding[data-rule="submission.copies"]');
    await page.screenshot({ path: process.env.NXKX_SCREENSHOT, fullPage: true });
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('from a static server on 127.0.0.1', async () => {
  const { page, errors } = await open(`http://127.0.0.1:${port}/index.html?as_of=2025-05-20`);
  await fillExample(page);
  await wrongGradeThenRight(page);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an empty form lists what is missing, at the fields', async () => {
  // Before the deadline: after it, nothing dated sent is late (三(四)), not missing material.
  const { page } = await open(`file://${path.join(site, 'index.html')}?as_of=2025-05-15`);
  await page.click('#clear');
  await page.waitForFunction(() => document.getElementById('decision-text').textContent !== '受理');
  assert.equal(await page.textContent('#decision-text'), '材料不全');
  assert.ok(await page.locator('.field li.finding').count() > 3);
  await page.close();
});

test('nothing was fetched from outside', () => {
  assert.deepEqual(outside, []);
});
