// The portal page's logic: labels and choices come from the JSON Schema (nxkx.schema()), the
// application is checked by nxkx.check() as it is typed, and each finding is shown at its field
// with its clause. Plain browser JavaScript, no framework, no network.
'use strict';

(function () {
  const PROJECT_TYPE = 'society_capacity';
  const YEARS = ['2023', '2024'];
  const SEVERITY_MARK = { rejected: '✗', incomplete: '!', needs_review: '?' };

  // One complete application that is accepted as of 2025-05-20
  // (examples/applications/society_capacity.json).
  const EXAMPLE = {
    title: '宁夏机械工程学会内部治理与服务能力提升项目',
    applicant: {
      name: '宁夏回族自治区机械工程学会', credit_code: '51640000MJX000018H', kind: 'society',
      division: '640104', legal_person: true, own_account: true, has_capacity: true,
      supervised_by_association: true,
      history: {
        2023: { annual_inspection: 'qualified', penalized: false, projects: 'completed',
          evaluation_grade: 'b' },
        2024: { annual_inspection: 'qualified', penalized: false, projects: 'completed',
          evaluation_grade: 'a' },
      },
    },
    submission: {
      paper_copies: 2, sealed: true, delivery: 'in_person', handed_in_date: '2025-05-15',
      word_version: { emailed: true, sent_to: 'nxkxxhb@163.com', sent_on: '2025-05-15' },
    },
    form: { parts: ['basic_info', 'project_content', 'work_measures', 'targets', 'schedule',
      'budget', 'applicant_opinion'] },
    plan: {
      work_measures: ['修订理事会议事规则、会员管理办法和财务管理制度',
        '举办智能制造技术培训交流活动和产学研对接活动各1场'],
      targets: { events: 2, texts: 1 },
    },
  };

  const $ = (id) => document.getElementById(id);
  let nxkx = null;
  let schema = null;

  // ---- the schema ----

  function deref(s) {
    while (s && s.$ref) s = schema.$defs[s.$ref.split('/').pop()];
    if (s && s.anyOf) return deref(s.anyOf.find((x) => x.type !== 'null'));
    return s;
  }

  /** The schema of the value at a JSON pointer, with its own title and clause. */
  function schemaAt(pointer) {
    let s = schema;
    let own = schema;
    for (const key of pointer.split('/').slice(1)) {
      s = deref(s);
      if (s.properties && s.properties[key]) own = s.properties[key];
      else if (s.propertyNames) own = s.additionalProperties; // a history year
      else return null;
      s = own;
    }
    return own;
  }

  function choicesOf(s) {
    const list = s.oneOf || (s.items && s.items.oneOf) || [];
    return list.filter((c) => c.const !== undefined);
  }

  // ---- the form, from the schema ----

  function addOption(select, value, text) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    select.appendChild(o);
  }

  function labelFor(el, s) {
    const field = el.closest('.field');
    const label = field && field.querySelector('label');
    if (!label || !s) return;
    label.textContent = s.title + (s['x-clause'] ? ` (${s['x-clause']})` : '');
    label.title = s.description || '';
  }

  function historyFields() {
    const box = $('history');
    const year = schema.$defs.year_record.properties;
    for (const y of YEARS) {
      for (const [name, s] of Object.entries(year)) {
        const field = document.createElement('div');
        field.className = 'field';
        const label = document.createElement('label');
        const select = document.createElement('select');
        select.id = `f-${y}-${name}`;
        select.dataset.path = `/applicant/history/${y}/${name}`;
        select.dataset.type = s.oneOf ? 'code' : 'tristate';
        label.htmlFor = select.id;
        field.append(label, select);
        box.appendChild(field);
      }
    }
  }

  function buildForm() {
    historyFields();
    for (const el of document.querySelectorAll('[data-path]')) {
      const s = schemaAt(el.dataset.path);
      labelFor(el, s);
      if (el.dataset.type === 'tristate') {
        addOption(el, '', '未填写');
        addOption(el, 'true', '是');
        addOption(el, 'false', '否');
      } else if (el.dataset.type === 'code') {
        addOption(el, '', '未填写');
        for (const c of choicesOf(s)) addOption(el, c.const, c.title);
      } else if (el.dataset.type === 'parts') {
        for (const c of choicesOf(s)) {
          const label = document.createElement('label');
          const box = document.createElement('input');
          box.type = 'checkbox';
          box.value = c.const;
          label.append(box, ' ' + c.title);
          el.appendChild(label);
        }
      }
    }
    const first = (schemaAt('/project_type').oneOf || []).find((c) => c.const === PROJECT_TYPE);
    if (first) document.querySelector('h1').textContent = `${first.title} · 申报自查`;
    $('notice-title').textContent = schema.title.replace(/^申报 — /, '');
  }

  // ---- form ⇄ application ----

  function setAt(doc, pointer, value) {
    const keys = pointer.split('/').slice(1);
    let node = doc;
    for (const key of keys.slice(0, -1)) node = node[key] = node[key] || {};
    node[keys[keys.length - 1]] = value;
  }

  function getAt(doc, pointer) {
    let node = doc;
    for (const key of pointer.split('/').slice(1)) {
      if (node === undefined || node === null) return undefined;
      node = node[key];
    }
    return node;
  }

  /** The application the form says. A field left empty is unknown: it is left out. */
  function application() {
    const doc = { project_type: PROJECT_TYPE, applicant: { kind: 'society' } };
    for (const el of document.querySelectorAll('[data-path]')) {
      const type = el.dataset.type;
      if (type === 'parts') {
        setAt(doc, el.dataset.path,
          [...el.querySelectorAll('input:checked')].map((box) => box.value));
        continue;
      }
      const raw = el.value.trim();
      if (raw === '') continue;
      if (type === 'tristate') setAt(doc, el.dataset.path, raw === 'true');
      else if (type === 'count') setAt(doc, el.dataset.path, /^-?\d+$/.test(raw) ? Number(raw) : raw);
      else if (type === 'lines') {
        const lines = raw.split('\n').map((l) => l.trim()).filter((l) => l !== '');
        if (lines.length) setAt(doc, el.dataset.path, lines);
      } else setAt(doc, el.dataset.path, raw);
    }
    return doc;
  }

  function fill(doc) {
    for (const el of document.querySelectorAll('[data-path]')) {
      const v = getAt(doc, el.dataset.path);
      if (el.dataset.type === 'parts') {
        for (const box of el.querySelectorAll('input')) box.checked = (v || []).includes(box.value);
      } else if (el.dataset.type === 'lines') {
        el.value = (v || []).join('\n');
      } else {
        el.value = v === undefined || v === null ? '' : String(v);
      }
    }
    check();
  }

  // ---- findings at their fields ----

  /** The form field a JSON pointer belongs to: itself, its nearest enclosing field, or the
   *  first field inside it. */
  function fieldFor(pointer) {
    const all = [...document.querySelectorAll('[data-path]')];
    const exact = all.find((el) => el.dataset.path === pointer);
    if (exact) return exact;
    const enclosing = all.filter((el) => pointer.startsWith(el.dataset.path + '/'))
      .sort((a, b) => b.dataset.path.length - a.dataset.path.length)[0];
    if (enclosing) return enclosing;
    return all.find((el) => pointer !== '' && el.dataset.path.startsWith(pointer + '/')) || null;
  }

  function listAt(el) {
    if (!el) return $('general-findings');
    const field = el.closest('.field');
    let list = field.querySelector(':scope > .findings');
    if (!list) {
      list = document.createElement('ul');
      list.className = 'findings';
      field.appendChild(list);
    }
    field.classList.add('has-finding');
    return list;
  }

  function clearFindings() {
    for (const list of document.querySelectorAll('.field > .findings')) list.remove();
    for (const f of document.querySelectorAll('.has-finding')) f.classList.remove('has-finding');
    $('general-findings').textContent = '';
  }

  function showFinding(f) {
    const li = document.createElement('li');
    li.className = `finding ${f.severity.code}`;
    li.dataset.rule = f.rule_id;
    li.dataset.path = f.path;
    const head = document.createElement('div');
    const clause = document.createElement('span');
    clause.className = 'clause';
    clause.textContent = `${SEVERITY_MARK[f.severity.code] || ''} [${f.severity.zh}] ${f.clause}`;
    head.append(clause, f.message.zh);
    li.appendChild(head);
    const parts = [];
    if (f.expected.zh) parts.push(`应为: ${f.expected.zh}`);
    if (f.found.zh || f.unknown) parts.push(`实为: ${f.found.zh || '未填写'}`);
    if (f.contact.name) parts.push(`联系人: ${f.contact.name} ${f.contact.phone}`);
    if (parts.length) {
      const detail = document.createElement('div');
      detail.className = 'detail';
      detail.textContent = parts.join('　');
      li.appendChild(detail);
    }
    const quote = f.clauses.filter((c) => c.quote).map((c) => `${c.ref}: ${c.quote}`).join('\n');
    if (quote) li.title = quote;
    listAt(fieldFor(f.path)).appendChild(li);
  }

  function showInputError(e) {
    const li = document.createElement('li');
    li.className = 'finding input';
    li.dataset.code = e.code;
    li.dataset.path = e.path;
    li.textContent = `无法读取: ${e.reason} [${e.code}]`;
    listAt(fieldFor(e.path)).appendChild(li);
  }

  function showDecision(code, text, counts) {
    $('decision').className = code;
    $('decision-text').textContent = text;
    $('decision-counts').textContent = counts;
  }

  function check() {
    clearFindings();
    const asOf = $('as-of').value;
    let report;
    try {
      report = nxkx.check(application(), { asOf, lang: 'zh' });
    } catch (e) {
      if (e.name !== 'NxkxError') throw e;
      if (e.code.startsWith('options.')) showDecision('input', '请填写核验日期', '');
      else {
        showInputError(e);
        showDecision('input', '无法读取', '');
      }
      return;
    }
    for (const f of report.findings) showFinding(f);
    const n = report.findings.length;
    showDecision(report.decision.code, report.decision.zh, n ? `（${n} 个问题）` : '（未发现问题）');
  }

  let timer = 0;
  function soon() {
    clearTimeout(timer);
    timer = setTimeout(check, 120);
  }

  function chinaToday() {
    return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  }

  async function start() {
    if (typeof createNxkx !== 'function') {
      $('missing').hidden = false;
      showDecision('input', '未加载 nxkx.js', '');
      return;
    }
    nxkx = await createNxkx();
    schema = nxkx.schema('application');
    buildForm();
    $('as-of').value = new URLSearchParams(location.search).get('as_of') || chinaToday();
    $('application').addEventListener('input', soon);
    $('application').addEventListener('change', soon);
    $('as-of').addEventListener('input', soon);
    $('fill-example').addEventListener('click', () => fill(EXAMPLE));
    $('clear').addEventListener('click', () => fill({}));
    document.body.dataset.ready = 'true';
    check();
  }

  start();
})();
