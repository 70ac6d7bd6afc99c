// The applicant's page (docs/browser.md, "The applicant's page"): a form generated from the
// notice pack and the application's JSON Schema, checked by nxkx.js as it is typed.
//
// Nothing here is written per project type or per field. What the page knows comes from:
//   - nxkx.schema('application'): the sections, fields, types, Chinese titles (English in
//     `description`), clause references (`x-clause`) and code lists with their Chinese labels;
//   - nxkx.catalog(): the notice, its categories and project types, who may apply, contacts;
//   - the engine itself: an empty application of each project type (and a few variants) is
//     checked once, and the paths its findings name are the fields that type's rules read, with
//     what the notice asks of each ("要求", the clause, the reading). So the history years, the
//     targets of a type and the records it needs are the pack's, never the page's;
//   - notice.starter(type, {stage, kind}): the starter application of a type (`nxkx new`),
//     asked the first time the type is chosen, whose fields are shown too, so that a declaration
//     no rule reads is asked for.
// A pack passed by the embedding portal gives its own form with no change here.
//
//   NxkxPortal.mount(element, {pack, asOf, stage, application, storageKey, onChange})
//
// Plain browser JavaScript, no framework, no network.
'use strict';

(function (global) {
  const VERSION = 1;

  // ---------------------------------------------------------------- small helpers

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k === 'dataset') Object.assign(e.dataset, v);
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (v === true) e.setAttribute(k, '');
      else e.setAttribute(k, v);
    }
    for (const c of children.flat(Infinity)) {
      if (c === undefined || c === null || c === false) continue;
      e.append(c instanceof Node ? c : String(c));
    }
    return e;
  }

  function chinaToday() {
    return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  }

  const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

  /** A real calendar day written YYYY-MM-DD. */
  function isDay(text) {
    const m = DATE_RE.exec(text);
    if (!m) return false;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  }

  function splitPointer(p) {
    if (p === '') return [];
    return p.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  }

  function joinPointer(parts) {
    return parts.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
  }

  function getAt(doc, p) {
    let node = doc;
    for (const key of splitPointer(p)) {
      if (node === undefined || node === null || typeof node !== 'object') return undefined;
      node = node[key];
    }
    return node;
  }

  function isEmpty(v) {
    if (v === undefined || v === null) return true;
    if (Array.isArray(v)) return false; // [] is a fact (e.g. no part of the form filled in)
    if (typeof v === 'object') return Object.keys(v).length === 0;
    return false;
  }

  function clone(v) {
    return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
  }

  // ---------------------------------------------------------------- the schema as fields

  /**
   * One field of the application, from the schema: `pattern` is its JSON pointer with `*` for
   * an element of a list; `kind` says how it is edited:
   *   object (properties), map (keys such as years → one object each), rows (a list of objects),
   *   codes (a list of codes: check boxes), lines (a list of strings: one a line), bool, code,
   *   int, num, date, text, longtext (a text whose 字 are counted).
   */
  function buildTree(schema) {
    const defs = schema.$defs || {};

    function resolve(s) {
      const seen = new Set();
      for (;;) {
        if (!s || typeof s !== 'object') return {};
        if (s.$ref) {
          const name = s.$ref.split('/').pop();
          if (seen.has(name)) return {};
          seen.add(name);
          s = Object.assign({}, defs[name] || {}, stripRef(s));
          continue;
        }
        if (s.anyOf) {
          const real = s.anyOf.filter((x) => !(x && x.type === 'null'));
          if (real.length === 1) {
            s = Object.assign({}, real[0], stripAnyOf(s));
            continue;
          }
        }
        return s;
      }
    }
    function stripRef(s) {
      const o = Object.assign({}, s);
      delete o.$ref;
      return o;
    }
    function stripAnyOf(s) {
      const o = Object.assign({}, s);
      delete o.anyOf;
      return o;
    }
    function types(s) {
      const t = s.type;
      return (Array.isArray(t) ? t : t ? [t] : []).filter((x) => x !== 'null');
    }
    function choicesOf(s) {
      const list = s.oneOf || s.anyOf || [];
      const out = list.filter((c) => c && c.const !== undefined && c.const !== null)
        .map((c) => ({ value: c.const, title: c.title || String(c.const), en: c.description || '' }));
      if (!out.length && Array.isArray(s.enum)) {
        for (const v of s.enum) if (v !== null) out.push({ value: v, title: String(v), en: '' });
      }
      return out;
    }
    function isDatePattern(p) {
      return typeof p === 'string' && /\[0-9\]\{4\}-/.test(p);
    }

    function make(own, key, pattern, required) {
      const s = resolve(own);
      const node = {
        key,
        pattern,
        title: own.title || s.title || key,
        en: own.description || s.description || '',
        clause: own['x-clause'] || s['x-clause'] || '',
        required: !!required,
        schema: s,
      };
      const t = types(s);
      const choices = choicesOf(s);
      if (choices.length) {
        node.kind = 'code';
        node.choices = choices;
      } else if (t.includes('object') && s.properties) {
        node.kind = 'object';
        const req = new Set(s.required || []);
        node.children = Object.entries(s.properties)
          .map(([k, v]) => make(v, k, pattern + joinPointer([k]), req.has(k)));
      } else if (t.includes('object') && s.additionalProperties && typeof s.additionalProperties === 'object') {
        node.kind = 'map';
        node.keyPattern = s.propertyNames && s.propertyNames.pattern ? s.propertyNames.pattern : '';
        node.item = make(s.additionalProperties, '*', pattern + '/{key}', false);
      } else if (t.includes('array')) {
        const items = resolve(s.items || {});
        const ic = choicesOf(items);
        if (ic.length) {
          node.kind = 'codes';
          node.choices = ic;
        } else if (types(items).includes('object')) {
          node.kind = 'rows';
          node.item = make(s.items, '*', pattern + '/*', false);
        } else {
          node.kind = 'lines';
        }
      } else if (t.includes('boolean')) {
        node.kind = 'bool';
      } else if (t.includes('integer')) {
        node.kind = 'int';
        node.min = typeof s.minimum === 'number' ? s.minimum : null;
      } else if (t.includes('number')) {
        node.kind = 'num';
      } else if (t.includes('string') && isDatePattern(s.pattern)) {
        node.kind = 'date';
        try {
          node.re = new RegExp(s.pattern);
        } catch (e) {
          node.re = null;
        }
      } else if (/字/.test(node.en + ' ' + node.title) && t.includes('string')) {
        node.kind = 'longtext'; // the schema says the 字 of this text are counted
      } else {
        node.kind = 'text';
      }
      return node;
    }

    const root = make(schema, '', '', true);
    root.title = schema.title || '';
    return root;
  }

  /** The field of a concrete pointer, and its pattern (`*` for list elements, keys kept). */
  function locate(root, pointer) {
    let node = root;
    const parts = [];
    for (const seg of splitPointer(pointer)) {
      if (!node) return null;
      if (node.kind === 'object') {
        node = node.children.find((c) => c.key === seg);
        parts.push(seg);
      } else if (node.kind === 'map') {
        node = node.item;
        parts.push(seg);
      } else if (node.kind === 'rows') {
        if (!/^(\d+|\*)$/.test(seg)) return null;
        node = node.item;
        parts.push('*');
      } else if (node.kind === 'codes' || node.kind === 'lines') {
        if (!/^(\d+|\*)$/.test(seg)) return null;
        return { node, norm: joinPointer(parts), element: true };
      } else {
        return null;
      }
    }
    return node ? { node, norm: joinPointer(parts) } : null;
  }

  function identity(node) {
    return `${node.key}|${node.title}|${node.clause}`;
  }

  function* walk(node) {
    yield node;
    if (node.children) for (const c of node.children) yield* walk(c);
    if (node.item) yield* walk(node.item);
  }

  // ---------------------------------------------------------------- what the rules read

  /** The JSON pointer of every member and element in `doc` (a starter application), not ''. */
  function starterPointers(doc) {
    const out = [];
    (function walkValue(v, pointer) {
      if (pointer !== '') out.push(pointer);
      if (v === null || typeof v !== 'object') return;
      if (Array.isArray(v)) v.forEach((x, i) => walkValue(x, `${pointer}/${i}`));
      else for (const [k, x] of Object.entries(v)) walkValue(x, pointer + joinPointer([k]));
    })(doc, '');
    return out;
  }

  /**
   * Checks an empty application of every project type (and, at the application stage, one with
   * each yes/no and code answered each way, and each optional object present), and keeps the
   * paths the findings name: the fields each type's rules read, per stage. `addStarter(type)`
   * adds every field of the type's starter (notice.starter, per stage and admitted kind), which
   * holds the declarations no rule reads too. `help` keeps, per field, what the notice asks there
   * (expected text, clause, reading), from the same findings.
   */
  function probe(notice, catalog, tree, asOf) {
    const byType = {};
    const allIds = new Set();
    const help = new Map(); // `${type}|${norm}` → [{rule, clause, expected, interpretation}]
    const kindChoices = (locate(tree, '/applicant/kind') || {}).node;
    const firstKind = kindChoices && kindChoices.choices ? kindChoices.choices[0].value : undefined;

    const variantFields = [];
    (function collect(node, concrete, underRows) {
      if (node.kind === 'object') {
        for (const c of node.children) collect(c, concrete + joinPointer([c.key]), underRows);
        if (!node.required && concrete !== '') variantFields.push({ path: concrete, values: [{}] });
        return;
      }
      if (node.kind === 'rows') {
        collect(node.item, concrete + '/0', true);
        return;
      }
      if (node.kind === 'map') return;
      if (concrete === '/project_type' || /\/kind$/.test(concrete)) return;
      if (node.kind === 'bool') variantFields.push({ path: concrete, values: [true, false], underRows });
      else if (node.kind === 'code') {
        variantFields.push({ path: concrete, values: node.choices.map((c) => c.value), underRows });
      } else if (node.kind === 'int') variantFields.push({ path: concrete, values: [0], underRows });
    })(tree, '', false);

    function setIn(doc, pointer, value) {
      const parts = splitPointer(pointer);
      let node = doc;
      for (let i = 0; i < parts.length - 1; i++) {
        const k = parts[i];
        if (node[k] === undefined || node[k] === null) node[k] = /^\d+$/.test(parts[i + 1]) ? [] : {};
        node = node[k];
        if (Array.isArray(node) && /^\d+$/.test(parts[i + 1]) && node[+parts[i + 1]] === undefined) {
          return false; // no such element in this application
        }
      }
      node[parts[parts.length - 1]] = value;
      return true;
    }

    for (const type of catalog.project_types) {
      const ev = { application: new Set(), completion: new Set() };
      const kinds = type.eligible && type.eligible.length ? type.eligible : [firstKind];
      for (const stage of ['application', 'completion']) {
        for (const kind of kinds) {
          const base = { project_type: type.code, applicant: { kind } };
          if (type.joint_eligible && type.joint_eligible.length) {
            base.joint_applicants = type.joint_eligible.map((k) => ({ kind: k }));
          }
          const apps = [{ app: base }];
          if (stage === 'application') {
            for (const v of variantFields) {
              for (const value of v.values) {
                const a = clone(base);
                if (setIn(a, v.path, clone(value))) apps.push({ app: a, varied: v.path });
              }
            }
          }
          let baseline = null;
          for (const { app: a, varied } of apps) {
            let report;
            try {
              report = notice.check(a, { asOf, stage });
            } catch (e) {
              continue; // a variant the reader refuses tells nothing
            }
            const said = JSON.stringify(report.findings);
            if (baseline === null) baseline = said;
            else if (said !== baseline) {
              // The answer changed with this field alone: the rules read it.
              const at = locate(tree, varied);
              if (at) ev[stage].add(at.norm);
            }
            for (const f of report.findings) {
              const at = locate(tree, f.path);
              if (!at) continue;
              ev[stage].add(at.norm);
              const key = `${type.code}|${at.norm}`;
              const list = help.get(key) || [];
              if (!list.some((x) => x.rule === f.rule_id) && f.expected && f.expected.zh) {
                list.push({ rule: f.rule_id, clause: f.clause, expected: f.expected.zh,
                  interpretation: f.interpretation });
                help.set(key, list);
              }
            }
          }
        }
      }
      byType[type.code] = ev;
      for (const set of [ev.application, ev.completion]) {
        for (const norm of set) {
          // The field and every field it lies in are read by some type's rules.
          let p = norm;
          for (;;) {
            const at = locate(tree, p);
            if (at && at.node.kind !== 'map' && p !== '') allIds.add(identity(at.node));
            if (p === '') break;
            p = p.slice(0, p.lastIndexOf('/'));
          }
        }
      }
    }
    // What a type's starter holds (nxkx new): every field its rules read and every declaration
    // of the type, read by a rule or not, so that the page asks for a declaration no rule reads,
    // which no finding names (docs/pack-format.md §4.2). Added to the type's fields the first
    // time the type is shown, not here: a starter asks the engine some thousand times (0.4–2.5 s
    // in nxkx.js for a type and stage of the 2025 pack, 14 calls for its six types), where the
    // probes above take half a second for every type. Not added to allIds, so that what a field
    // shows for one type never depends on which types were shown before: a field only a
    // starter names is shown for the types whose starter names it, and where its section is for
    // the others, as a field no rule reads is.
    const withStarter = new Set();
    function addStarter(code) {
      if (withStarter.has(code) || !byType[code] || typeof notice.starter !== 'function') return;
      withStarter.add(code);
      const type = catalog.project_types.find((t) => t.code === code);
      const kinds = type.eligible && type.eligible.length ? type.eligible : [firstKind];
      for (const stage of ['application', 'completion']) {
        for (const kind of kinds) {
          let starter;
          try {
            starter = notice.starter(code, { stage, kind });
          } catch (e) {
            continue; // a kind the notice does not know tells nothing
          }
          for (const pointer of starterPointers(starter)) {
            const at = locate(tree, pointer);
            if (at) byType[code][stage].add(at.norm);
          }
        }
      }
    }
    return { byType, allIds, help, addStarter };
  }

  // ---------------------------------------------------------------- Chinese for input mistakes

  const INPUT_ERROR_ZH = {
    'input.syntax': '不是有效的 JSON',
    'input.utf8': '不是 UTF-8 编码的文本',
    'input.limit': '超出允许的大小',
    'input.duplicate_key': '同一项出现了两次',
    'input.type': '类型不对',
    'input.missing': '必须填写',
    'input.unknown_field': '本表没有这一项',
    'input.unknown_code': '不是可选的值',
    'input.date': '日期无法识别',
    'input.range': '超出允许的范围',
  };

  /** The Chinese reason of an error of nxkx.js: its own when it carries one, else ours. */
  function zhReason(e) {
    const own = e.reason_zh || e.zh || (e.reason && typeof e.reason === 'object' && e.reason.zh) ||
      (e.message_zh) || '';
    if (own) return { zh: own, en: '' };
    const en = typeof e.reason === 'object' && e.reason ? e.reason.en || '' : e.reason || '';
    return { zh: INPUT_ERROR_ZH[e.code] || '无法读取', en };
  }

  // ---------------------------------------------------------------- the page

  const SEVERITY_ORDER = { rejected: 0, incomplete: 1, needs_review: 2 };
  let instances = 0;

  class Portal {
    constructor(container, nxkx, notice, options) {
      this.container = container;
      this.nxkx = nxkx;
      this.notice = notice;
      this.options = options;
      this.uid = `nxkx${++instances}`;
      this.schema = notice.schema('application');
      this.catalog = notice.catalog();
      this.tree = buildTree(this.schema);
      this.types = new Map(this.catalog.project_types.map((t) => [t.code, t]));
      this.noticeId = this.catalog.notice.id || 'notice';
      const probeDate = this.catalog.notice.application_deadline || chinaToday();
      this.probed = probe(notice, this.catalog, this.tree, probeDate);
      this.state = {};
      this.raw = {}; // pointer → text the page could not read (kept in the field, not in the JSON)
      this.pageErrors = {}; // pointer → {zh, en}
      this.planned = new Set();
      this.revealed = new Set();
      this.collapsed = new Map(); // top-level section key → collapsed?
      this.report = null;
      this.fields = new Map(); // concrete pointer → wrapper element
      this.stage = options.stage === 'completion' ? 'completion' : 'application';
      this.asOf = options.asOf && isDay(options.asOf) ? options.asOf : chinaToday();
      this.storage = options.storageKey === false ? null : this.storageKey(options.storageKey);
      this.timer = 0;
      this.dirty = false;
      this.build();
      let restored = null;
      if (options.application) this.setApplication(options.application, { quiet: true });
      else restored = this.restoreDraft();
      this.render();
      this.check();
      if (restored) this.note(`已恢复上次的草稿（保存于 ${restored}）。`, 'info', true);
      container.dataset.ready = 'true';
    }

    storageKey(prefix) {
      return `${prefix || 'nxkx-portal'}:draft:${this.noticeId}`;
    }

    // ---- the frame: header, toolbar, form, status panel

    build() {
      const c = this.container;
      c.textContent = '';
      c.classList.add('nxkx-portal');
      const n = this.catalog.notice;
      const facts = [];
      facts.push(['申报截止', n.application_deadline || '未载明']);  // null: the notice states none
      if (n.submit_to || n.address) facts.push(['纸质版报送', [n.submit_to, n.address].filter(Boolean).join('，')]);
      if (n.email) facts.push(['电子版发送至', n.email]);
      this.head = el('header', { class: 'nxkx-head' },
        el('h1', { class: 'nxkx-title' }, '申报自查'),
        el('p', { class: 'nxkx-notice' }, [n.issuer, n.number].filter(Boolean).join(''),
          n.title ? `《${n.title}》` : ''),
        facts.length ? el('dl', { class: 'nxkx-facts' },
          facts.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])) : null);

      const stageName = `${this.uid}-stage`;
      this.stageInputs = {};
      const stageBox = el('fieldset', { class: 'nxkx-stage' }, el('legend', {}, '阶段'),
        [['application', '申报'], ['completion', '结项（项目完成情况）']].map(([code, label]) => {
          const input = el('input', { type: 'radio', name: stageName, value: code,
            id: `${this.uid}-stage-${code}`, checked: this.stage === code,
            onchange: () => this.setStage(code) });
          this.stageInputs[code] = input;
          return el('label', { for: input.id }, input, ' ', label);
        }));
      this.asOfInput = el('input', { type: 'text', id: `${this.uid}-as-of`, inputmode: 'numeric',
        value: this.asOf, size: 10, autocomplete: 'off', 'aria-describedby': `${this.uid}-as-of-help`,
        oninput: () => this.onAsOf() });
      const asOfBox = el('div', { class: 'nxkx-asof' },
        el('label', { for: this.asOfInput.id }, '核验日期'), ' ', this.asOfInput,
        el('small', { id: `${this.uid}-as-of-help` }, '按这一天核验（默认今天）'));
      this.fileInput = el('input', { type: 'file', accept: '.json,application/json', hidden: true,
        id: `${this.uid}-file`, onchange: () => this.onFile() });
      const buttons = el('div', { class: 'nxkx-buttons' },
        el('button', { type: 'button', class: 'nxkx-open', onclick: () => this.fileInput.click() },
          '打开申报文件…'),
        this.fileInput,
        el('button', { type: 'button', class: 'nxkx-save', onclick: () => this.save() }, '保存为文件'),
        el('button', { type: 'button', class: 'nxkx-print', onclick: () => this.print() }, '打印'),
        el('button', { type: 'button', class: 'nxkx-clear', onclick: () => this.clearDraft() },
          '清除草稿'));
      this.draftNote = el('small', { class: 'nxkx-draft', 'aria-live': 'polite' });
      this.toolbar = el('div', { class: 'nxkx-toolbar', role: 'group', 'aria-label': '操作' },
        stageBox, asOfBox, buttons, this.draftNote);
      this.notes = el('div', { class: 'nxkx-notes' });
      this.form = el('form', { class: 'nxkx-form', autocomplete: 'off', novalidate: true,
        onsubmit: (e) => e.preventDefault() });
      this.form.addEventListener('input', (e) => this.onInput(e));
      this.form.addEventListener('change', (e) => this.onInput(e));

      this.status = el('aside', { class: 'nxkx-status', 'aria-label': '核验结论' });
      this.decision = el('p', { class: 'nxkx-decision', role: 'status', 'aria-live': 'polite' });
      this.asOfLine = el('p', { class: 'nxkx-asof-line' });
      this.caveat = el('p', { class: 'nxkx-caveat', hidden: true });
      this.counts = el('p', { class: 'nxkx-counts' });
      this.openList = el('ul', { class: 'nxkx-open-points' });
      this.status.append(el('h2', { class: 'nxkx-status-title' }, '核验结论'), this.decision,
        this.asOfLine, this.caveat, this.counts,
        el('h3', { class: 'nxkx-open-title' }, '待处理事项'), this.openList);

      const main = el('main', { class: 'nxkx-main' }, this.toolbar, this.notes, this.form);
      c.append(this.head, el('div', { class: 'nxkx-layout' }, main, this.status));
      window.addEventListener('beforeprint', () => this.beforePrint());
      // Leaving the page with a keystroke not yet checked: check it now, which keeps the draft.
      window.addEventListener('pagehide', () => {
        if (this.container.dataset.pending === 'true') this.check();
      });
    }

    note(text, kind, withClear) {
      const box = el('div', { class: `nxkx-note nxkx-note-${kind || 'info'}`, role: kind === 'error' ? 'alert' : 'status' },
        el('span', {}, text),
        withClear ? el('button', { type: 'button', onclick: () => this.clearDraft() }, '清除草稿') : null,
        el('button', { type: 'button', class: 'nxkx-note-close', 'aria-label': '关闭提示',
          onclick: () => box.remove() }, '×'));
      this.notes.append(box);
      return box;
    }

    // ---- the form, from the schema

    idFor(pointer) {
      return `${this.uid}-f${pointer.replace(/[^A-Za-z0-9_]/g, (ch) => (ch === '/' ? '-' : '_'))}`;
    }

    typeInfo() {
      return this.types.get(this.state.project_type) || null;
    }

    render() {
      const active = document.activeElement && this.form.contains(document.activeElement)
        ? document.activeElement : null;
      const focusId = active ? active.id : null;
      let selection = null;
      try {
        if (active && typeof active.selectionStart === 'number') selection = [active.selectionStart, active.selectionEnd];
      } catch (e) {
        selection = null;
      }
      this.fields = new Map();
      this.form.textContent = '';
      const type = this.typeInfo();
      this.head.querySelector('.nxkx-title').textContent =
        type ? `${type.name.zh} · ${this.stage === 'completion' ? '结项自查' : '申报自查'}` : '申报自查';
      // The project itself: the scalar fields of the root, with the project type first.
      const rootFields = this.tree.children.filter((c) => !['object', 'map', 'rows'].includes(c.kind));
      const project = this.section('', '基本情况', '', rootFields.map((c) => this.field(c, joinPointer([c.key]))));
      this.form.append(project);
      if (type) {
        for (const c of this.tree.children) {
          if (!['object', 'map', 'rows'].includes(c.kind)) continue;
          const p = joinPointer([c.key]);
          const body = this.field(c, p, { top: true });
          this.form.append(body);
        }
      } else {
        this.form.append(el('p', { class: 'nxkx-choose' }, '请先选择项目类型，本页会列出该类型需要填写的内容。'));
      }
      this.applyVisibility();
      if (focusId) {
        const f = document.getElementById(focusId);
        if (f) {
          f.focus();
          if (selection && typeof f.setSelectionRange === 'function') {
            try {
              f.setSelectionRange(selection[0], selection[1]);
            } catch (e) {
              // not a text control
            }
          }
        }
      }
    }

    section(key, title, clause, children, extra) {
      const id = `${this.uid}-s-${key || 'project'}`;
      return el('section', Object.assign({ class: 'nxkx-section', 'aria-labelledby': id, dataset: { section: key } }, extra || {}),
        el('h2', { id, class: 'nxkx-section-title' }, title, clause ? el('span', { class: 'nxkx-clause' }, clause) : null),
        children);
    }

    labelParts(node, extra) {
      return [el('span', { class: 'nxkx-zh' }, extra ? `${extra}${node.title}` : node.title),
        node.clause ? el('span', { class: 'nxkx-clause', title: '通知条款' }, node.clause) : null,
        node.en ? el('span', { class: 'nxkx-en', lang: 'en' }, node.en) : null];
    }

    helpFor(pointer) {
      const at = locate(this.tree, pointer);
      if (!at || !this.state.project_type) return null;
      const list = this.probed.help.get(`${this.state.project_type}|${at.norm}`);
      if (!list || !list.length) return null;
      return el('ul', { class: 'nxkx-help', id: this.idFor(pointer) + '-help' },
        list.map((h) => el('li', {}, el('span', { class: 'nxkx-help-label' }, '要求'), h.expected,
          h.clause ? el('span', { class: 'nxkx-clause' }, h.clause) : null)));
    }

    /** The wrapper of one field (any kind) at a concrete pointer. */
    field(node, pointer, opts) {
      opts = opts || {};
      const kind = node.kind;
      if (kind === 'object') return this.objectField(node, pointer, opts);
      if (kind === 'map') return this.mapField(node, pointer, opts);
      if (kind === 'rows') return this.rowsField(node, pointer, opts);
      const id = this.idFor(pointer);
      const wrap = el('div', { class: `nxkx-field nxkx-${kind}`, dataset: { path: pointer, kind } });
      this.fields.set(pointer, wrap);
      const help = this.helpFor(pointer);
      const describedBy = [help ? help.id : null, `${id}-findings`].filter(Boolean).join(' ');
      const value = getAt(this.state, pointer);
      const raw = this.raw[pointer];
      if (kind === 'bool' || kind === 'codes') {
        const box = el('fieldset', { class: 'nxkx-choices', 'aria-describedby': describedBy },
          el('legend', {}, this.labelParts(node)));
        if (kind === 'bool') {
          for (const [v, label] of [['true', '是'], ['false', '否'], ['', '未填写']]) {
            const input = el('input', { type: 'radio', name: id, id: `${id}-${v || 'unknown'}`, value: v,
              checked: (value === undefined || value === null ? '' : String(value)) === v,
              dataset: { path: pointer } });
            box.append(el('label', { for: input.id }, input, ' ', label));
          }
        } else {
          const chosen = new Set(Array.isArray(value) ? value : []);
          node.choices.forEach((c, i) => {
            const input = el('input', { type: 'checkbox', id: `${id}-${i}`, value: c.value,
              checked: chosen.has(c.value), dataset: { path: pointer } });
            box.append(el('label', { for: input.id, title: c.en }, input, ' ', c.title));
          });
        }
        wrap.append(box);
      } else {
        const label = el('label', { for: id }, this.labelParts(node));
        let control;
        if (kind === 'code' || pointer === '/project_type') {
          control = this.selectFor(node, pointer, value, id);
        } else if (kind === 'lines' || kind === 'longtext') {
          const text = kind === 'lines' ? (Array.isArray(value) ? value.join('\n') : '') : value || '';
          control = el('textarea', { id, rows: kind === 'longtext' ? 6 : 3, dataset: { path: pointer },
            placeholder: kind === 'lines' ? '每行一条' : '' });
          control.value = raw !== undefined ? raw : text;
        } else {
          control = el('input', { type: 'text', id, dataset: { path: pointer },
            inputmode: kind === 'int' ? 'numeric' : kind === 'num' ? 'decimal' : null,
            placeholder: kind === 'date' ? '年-月-日，如 2025-05-15' : null,
            spellcheck: 'false' });
          control.value = raw !== undefined ? raw : value === undefined || value === null ? '' : String(value);
        }
        control.setAttribute('aria-describedby', describedBy);
        wrap.append(label, control);
        if (kind === 'longtext') {
          wrap.append(el('output', { class: 'nxkx-zi', for: id, id: `${id}-zi`, 'aria-live': 'polite' }));
        }
        const inRow = (locate(this.tree, pointer) || { norm: '*' }).norm.includes('*');
        if (kind === 'date' && node.clause && !inRow) {
          const box = el('input', { type: 'checkbox', id: `${id}-planned`, class: 'nxkx-planned-box',
            checked: this.planned.has(pointer), dataset: { planned: pointer } });
          wrap.append(el('label', { class: 'nxkx-planned', for: box.id }, box, ' 尚未发生，这是计划日期'));
        }
      }
      if (help) wrap.append(help);
      wrap.append(el('ul', { class: 'nxkx-findings', id: `${id}-findings` }));
      wrap.classList.toggle('nxkx-empty', isEmpty(value) && raw === undefined);
      if (kind === 'longtext') this.updateZi(wrap);
      return wrap;
    }

    selectFor(node, pointer, value, id) {
      const select = el('select', { id, dataset: { path: pointer } });
      const cur = value === undefined || value === null ? '' : String(value);
      if (pointer === '/project_type') {
        select.append(el('option', { value: '' }, '请选择项目类型'));
        const cats = this.catalog.categories || [];
        const byCat = new Map();
        for (const t of this.catalog.project_types) {
          if (!byCat.has(t.category)) byCat.set(t.category, []);
          byCat.get(t.category).push(t);
        }
        for (const [code, list] of byCat) {
          const cat = cats.find((c) => c.code === code);
          const group = cat ? el('optgroup', { label: `${cat.name.zh}（${cat.clause}）` }) : select;
          for (const t of list) group.append(el('option', { value: t.code, selected: t.code === cur }, `${t.name.zh}（${t.clause}）`));
          if (group !== select) select.append(group);
        }
        if (cur && !this.types.has(cur)) select.append(el('option', { value: cur, selected: true }, cur));
        return select;
      }
      let choices = node.choices || [];
      const allowed = this.allowedKinds(pointer);
      if (allowed) choices = choices.filter((c) => allowed.includes(c.value) || String(c.value) === cur);
      if (!node.required || !cur) select.append(el('option', { value: '' }, '未填写'));
      for (const c of choices) {
        select.append(el('option', { value: String(c.value), selected: String(c.value) === cur, title: c.en }, c.title));
      }
      // A value from a file that is not one of the codes stays visible (and is reported).
      if (cur && !(node.choices || []).some((c) => String(c.value) === cur)) {
        select.append(el('option', { value: cur, selected: true }, `${cur}（不是可选的值）`));
      }
      return select;
    }

    /** Who may be the lead or a joint applicant of the chosen type (the catalogue). */
    allowedKinds(pointer) {
      const t = this.typeInfo();
      if (!t) return null;
      if (pointer === '/applicant/kind') return t.eligible && t.eligible.length ? t.eligible : null;
      if (/^\/joint_applicants\/\d+\/kind$/.test(pointer)) {
        return t.joint_eligible && t.joint_eligible.length ? t.joint_eligible : null;
      }
      return null;
    }

    objectField(node, pointer, opts) {
      const children = node.children.map((c) => this.field(c, pointer + joinPointer([c.key])));
      if (opts.top) {
        const s = this.collapsible(node, pointer, children);
        this.fields.set(pointer, s);
        return s;
      }
      const box = el('fieldset', { class: 'nxkx-group', dataset: { path: pointer, kind: 'object' } },
        el('legend', {}, this.labelParts(node, opts.prefix)), children,
        el('ul', { class: 'nxkx-findings', id: this.idFor(pointer) + '-findings' }));
      this.fields.set(pointer, box);
      return box;
    }

    collapsible(node, pointer, children) {
      const id = this.idFor(pointer);
      const toggle = el('button', { type: 'button', class: 'nxkx-toggle', 'aria-expanded': 'true',
        'aria-controls': `${id}-body`, id: `${id}-title` }, this.labelParts(node));
      toggle.addEventListener('click', () => {
        const open = toggle.getAttribute('aria-expanded') !== 'true';
        this.collapsed.set(pointer, !open);
        this.setCollapsed(section, !open);
      });
      const section = el('section', { class: 'nxkx-section', 'aria-labelledby': `${id}-title`,
        dataset: { path: pointer, kind: node.kind, section: node.key } },
      el('h2', { class: 'nxkx-section-title' }, toggle),
      el('div', { class: 'nxkx-section-body', id: `${id}-body` }, children,
        node.kind !== 'rows' ? el('ul', { class: 'nxkx-findings', id: `${id}-findings` }) : null));
      return section;
    }

    setCollapsed(section, collapsed) {
      section.classList.toggle('nxkx-collapsed', collapsed);
      const t = section.querySelector('.nxkx-toggle');
      if (t) t.setAttribute('aria-expanded', collapsed ? 'false' : 'true');
    }

    /** The fields a project type needs, per stage (probe()), its starter's included; null for
     *  no type or one the notice does not have. */
    typeFields(type) {
      if (!type || !this.probed.byType[type]) return null;
      this.probed.addStarter(type);
      return this.probed.byType[type];
    }

    mapKeys(node, pointer) {
      const at = locate(this.tree, pointer);
      const keys = new Set();
      const type = this.state.project_type;
      const ev = this.typeFields(type);
      if (ev && at) {
        for (const set of [ev.application, ev.completion]) {
          for (const e of set) {
            if (e.startsWith(at.norm + '/')) keys.add(splitPointer(e.slice(at.norm.length))[0]);
          }
        }
      }
      const v = getAt(this.state, pointer);
      if (v && typeof v === 'object') for (const k of Object.keys(v)) keys.add(k);
      for (const r of this.revealed) {
        if (r.startsWith(pointer + '/')) keys.add(splitPointer(r.slice(pointer.length))[0]);
      }
      for (const r of Object.keys(this.raw)) {
        if (r.startsWith(pointer + '/')) keys.add(splitPointer(r.slice(pointer.length))[0]);
      }
      return [...keys].sort();
    }

    mapField(node, pointer, opts) {
      const yearly = /\{4\}/.test(node.keyPattern) && /0-9|\\d/.test(node.keyPattern);
      const entries = this.mapKeys(node, pointer).map((k) => {
        const p = pointer + joinPointer([k]);
        const item = node.item;
        const prefix = yearly ? `${k}年 · ` : `${k} · `;
        if (item.kind === 'object') return this.objectField(item, p, { prefix });
        return this.field(Object.assign({}, item, { title: `${prefix}${item.title}` }), p);
      });
      const body = [el('div', { class: 'nxkx-map' }, entries)];
      if (opts.top) {
        const s = this.collapsible(node, pointer, body);
        this.fields.set(pointer, s);
        return s;
      }
      const box = el('fieldset', { class: 'nxkx-group nxkx-map-group', dataset: { path: pointer, kind: 'map' } },
        el('legend', {}, this.labelParts(node)), body,
        el('ul', { class: 'nxkx-findings', id: this.idFor(pointer) + '-findings' }));
      this.fields.set(pointer, box);
      return box;
    }

    rowsField(node, pointer, opts) {
      const rows = getAt(this.state, pointer);
      const n = Array.isArray(rows) ? rows.length : 0;
      const list = el('ol', { class: 'nxkx-rows' });
      for (let i = 0; i < n; i++) {
        const p = `${pointer}/${i}`;
        const item = node.item;
        const cells = item.kind === 'object'
          ? item.children.map((c) => this.field(c, p + joinPointer([c.key])))
          : [this.field(item, p)];
        const remove = el('button', { type: 'button', class: 'nxkx-remove',
          'aria-label': `删除第 ${i + 1} 条${node.title}`, onclick: () => this.removeRow(pointer, i) }, '删除');
        const row = el('li', { class: 'nxkx-row', dataset: { path: p, kind: 'row' } },
          el('fieldset', {}, el('legend', {}, `${node.title} 第 ${i + 1} 条`, remove), cells,
            el('ul', { class: 'nxkx-findings', id: this.idFor(p) + '-findings' })));
        this.fields.set(p, row);
        list.append(row);
      }
      const add = el('button', { type: 'button', class: 'nxkx-add', dataset: { add: pointer },
        onclick: () => this.addRow(pointer) }, `添加一条${node.title}`);
      const count = el('p', { class: 'nxkx-row-count' }, `共 ${n} 条`);
      const body = [count, list, add, el('ul', { class: 'nxkx-findings', id: this.idFor(pointer) + '-findings' })];
      let box;
      if (opts.top) box = this.collapsible(node, pointer, body);
      else {
        box = el('fieldset', { class: 'nxkx-group nxkx-rows-group', dataset: { path: pointer, kind: 'rows' } },
          el('legend', {}, this.labelParts(node)), body);
      }
      box.dataset.kind = 'rows';
      this.fields.set(pointer, box);
      return box;
    }

    addRow(pointer) {
      const list = Array.isArray(getAt(this.state, pointer)) ? getAt(this.state, pointer) : [];
      const at = locate(this.tree, pointer);
      const item = {};
      if (at && at.node.item && at.node.item.kind === 'object') {
        for (const c of at.node.item.children) {
          if (!c.required || c.kind !== 'code') continue;
          const allowed = this.allowedKinds(`${pointer}/${list.length}/${c.key}`);
          item[c.key] = allowed ? allowed[0] : c.choices[0].value;
        }
      }
      list.push(item);
      this.setValue(pointer, list);
      this.render();
      const row = this.fields.get(`${pointer}/${list.length - 1}`);
      const first = row && row.querySelector('input:not([type=checkbox]):not([type=radio]), select, textarea');
      if (first) first.focus();
      this.changed();
    }

    removeRow(pointer, index) {
      const list = getAt(this.state, pointer);
      if (!Array.isArray(list)) return;
      list.splice(index, 1);
      // Shift what the page keeps per field (text it could not read, planned dates) with the rows.
      const shift = (obj) => {
        const out = {};
        for (const [k, v] of Object.entries(obj)) {
          if (!k.startsWith(pointer + '/')) {
            out[k] = v;
            continue;
          }
          const rest = k.slice(pointer.length + 1);
          const i = parseInt(rest, 10);
          if (i === index) continue;
          out[i > index ? `${pointer}/${i - 1}${rest.slice(String(i).length)}` : k] = v;
        }
        return out;
      };
      this.raw = shift(this.raw);
      this.pageErrors = shift(this.pageErrors);
      this.revealed = new Set([...this.revealed].filter((r) => !r.startsWith(pointer + '/')));
      this.render();
      const add = this.form.querySelector(`[data-add="${CSS.escape(pointer)}"]`);
      if (add) add.focus();
      this.changed();
    }

    // ---- which fields this project type needs

    /** Visibility of every wrapper, from the probes, the values and the findings. */
    applyVisibility() {
      const type = this.state.project_type;
      const ev = this.typeFields(type);
      const evAll = ev ? new Set([...ev.application, ...ev.completion]) : new Set();
      const evStage = ev ? ev[this.stage] : new Set();
      const has = (p) => !isEmpty(getAt(this.state, p)) || Object.keys(this.raw).some((r) => r === p || r.startsWith(p + '/'));
      const below = (set, norm) => {
        for (const e of set) if (e.startsWith(norm + '/')) return true;
        return false;
      };
      const visible = (pointer, node, inherited) => {
        const at = locate(this.tree, pointer);
        const norm = at ? at.norm : pointer;
        let own;
        let pass = inherited;
        if (pointer === '/project_type') own = true;
        else if (has(pointer) || this.revealed.has(pointer)) own = true;
        else if (inherited) own = true;
        else if (evAll.has(norm)) {
          own = true;
          if (!below(evAll, norm)) pass = true; // the rules name the whole: show all of it
        } else if (below(evAll, norm)) own = true;
        else if (this.probed.allIds.has(identity(node))) own = false;
        else own = null; // no word either way: shown if anything in it is, or if it is a leaf
        let any = false;
        const kids = this.childrenOf(node, pointer);
        for (const [cp, cn] of kids) if (visible(cp, cn, pass)) any = true;
        let show;
        if (own === true) show = true;
        else if (own === false) show = any && kids.some(([cp]) => has(cp) || this.revealed.has(cp));
        else show = ['object', 'map'].includes(node.kind) ? any : true;
        if (node.kind === 'map' && !kids.length) show = false;
        const w = this.fields.get(pointer);
        if (w) w.hidden = !show;
        return show;
      };
      for (const c of this.tree.children) {
        const p = joinPointer([c.key]);
        const show = visible(p, c, false);
        const w = this.fields.get(p);
        if (!w || !show || !['object', 'map', 'rows'].includes(c.kind)) continue;
        // A section the rules of this stage do not read: in the application stage it is left out
        // unless it holds something; either way it is folded (a click opens it).
        const at = locate(this.tree, p);
        const forStage = !ev || evStage.has(at.norm) || below(evStage, at.norm);
        const forOther = ev && !forStage && below(ev[this.stage === 'application' ? 'completion' : 'application'], at.norm);
        if (!forStage && forOther && this.stage === 'application' && !has(p) && !this.revealed.has(p)) {
          w.hidden = true;
          continue;
        }
        const user = this.collapsed.get(p);
        this.setCollapsed(w, user !== undefined ? user : !forStage);
      }
    }

    childrenOf(node, pointer) {
      if (node.kind === 'object') return node.children.map((c) => [pointer + joinPointer([c.key]), c]);
      if (node.kind === 'map') {
        return this.mapKeys(node, pointer).map((k) => {
          const p = pointer + joinPointer([k]);
          return [p, node.item];
        });
      }
      if (node.kind === 'rows') {
        const rows = getAt(this.state, pointer);
        const out = [];
        if (Array.isArray(rows)) {
          rows.forEach((_, i) => {
            if (node.item.kind === 'object') {
              for (const c of node.item.children) out.push([`${pointer}/${i}${joinPointer([c.key])}`, c]);
            }
          });
        }
        return out;
      }
      return [];
    }

    // ---- form → state

    setValue(pointer, value) {
      const parts = splitPointer(pointer);
      if (value === undefined) {
        // Remove, and remove the objects left empty (never the lists: [] is a fact).
        const chain = [this.state];
        let node = this.state;
        for (const k of parts.slice(0, -1)) {
          if (!node || typeof node !== 'object') return;
          node = node[k];
          chain.push(node);
        }
        if (!node || typeof node !== 'object') return;
        if (Array.isArray(node)) return; // a list element is removed with its row
        delete node[parts[parts.length - 1]];
        for (let i = chain.length - 1; i > 0; i--) {
          const c = chain[i];
          if (c && typeof c === 'object' && !Array.isArray(c) && Object.keys(c).length === 0) {
            const parent = chain[i - 1];
            if (Array.isArray(parent)) break;
            delete parent[parts[i - 1]];
          } else break;
        }
        return;
      }
      let node = this.state;
      for (let i = 0; i < parts.length - 1; i++) {
        const k = parts[i];
        if (node[k] === undefined || node[k] === null || typeof node[k] !== 'object') {
          // A list where the schema has one (rows, codes, lines); an object otherwise (a map's
          // keys may be digits, e.g. years).
          const at = locate(this.tree, joinPointer(parts.slice(0, i + 1)));
          node[k] = at && ['rows', 'codes', 'lines'].includes(at.node.kind) ? [] : {};
        }
        node = node[k];
      }
      node[parts[parts.length - 1]] = value;
    }

    /** Reads a typed text as the field's type; {value} or {error: {zh}}. */
    parse(node, text) {
      const t = text.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xFF10 + 48)).trim();
      if (t === '') return { value: undefined };
      switch (node.kind) {
        case 'int': {
          const min = node.min;
          if (!/^[+-]?\d+$/.test(t)) {
            return { error: min === 0 ? '请填写不小于 0 的整数，如 2（不带小数点和单位）' : '请填写整数，如 2' };
          }
          const v = Number(t);
          if (!Number.isSafeInteger(v)) return { error: '数字太大' };
          if (min !== null && v < min) return { error: `不能小于 ${min}` };
          return { value: v };
        }
        case 'num': {
          if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { error: '请填写数字，如 120000 或 1.5（不带单位）' };
          const v = Number(t);
          if (!Number.isFinite(v)) return { error: '数字太大' };
          return { value: v };
        }
        case 'date': {
          let d = t;
          const m = /^(\d{4})\s*[./年-]\s*(\d{1,2})\s*[./月-]\s*(\d{1,2})\s*日?$/.exec(t);
          if (m) d = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
          if (node.re && !node.re.test(d)) return { error: '日期应写成 年-月-日，如 2025-05-15' };
          const day = d.slice(0, 10);
          if (!isDay(day)) return { error: `没有这一天：${day}` };
          return { value: d };
        }
        case 'lines': {
          const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
          return { value: lines.length ? lines : undefined };
        }
        default:
          return { value: node.kind === 'longtext' ? text : t };
      }
    }

    onInput(e) {
      const target = e.target;
      if (target.dataset.planned) {
        if (target.checked) this.planned.add(target.dataset.planned);
        else this.planned.delete(target.dataset.planned);
        this.changed();
        return;
      }
      const pointer = target.dataset.path;
      if (pointer === undefined) return;
      const at = locate(this.tree, pointer);
      if (!at) return;
      const node = at.node;
      delete this.raw[pointer];
      delete this.pageErrors[pointer];
      const wrap = this.fields.get(pointer);
      if (node.kind === 'bool') {
        this.setValue(pointer, target.value === '' ? undefined : target.value === 'true');
      } else if (node.kind === 'codes') {
        const boxes = this.fields.get(pointer).querySelectorAll('input[type=checkbox]');
        const values = [...boxes].filter((b) => b.checked).map((b) => b.value);
        const codes = node.choices.map((c) => c.value).filter((v) => values.includes(String(v)));
        this.setValue(pointer, codes.length ? codes : undefined);
      } else if (node.kind === 'code') {
        const c = node.choices.find((x) => String(x.value) === target.value);
        this.setValue(pointer, target.value === '' ? undefined : c ? c.value : target.value);
        if (pointer === '/project_type') {
          this.onType();
          return;
        }
      } else if (pointer === '/project_type') {
        this.setValue(pointer, target.value || undefined);
        this.onType();
        return;
      } else {
        const r = this.parse(node, target.value);
        if (r.error) {
          this.raw[pointer] = target.value;
          this.pageErrors[pointer] = { zh: r.error, en: '' };
          this.setValue(pointer, undefined);
        } else {
          this.setValue(pointer, r.value);
        }
        if (node.kind === 'longtext') this.updateZi(this.fields.get(pointer));
        if (target.tagName === 'TEXTAREA') this.grow(target);
      }
      if (wrap) wrap.classList.toggle('nxkx-empty', isEmpty(getAt(this.state, pointer)) && this.raw[pointer] === undefined);
      this.changed();
    }

    onType() {
      const t = this.typeInfo();
      if (t) {
        // The lead's kind is required by the format: one the type admits, unless already so.
        const kind = getAt(this.state, '/applicant/kind');
        if (t.eligible && t.eligible.length && !t.eligible.includes(kind)) this.setValue('/applicant/kind', t.eligible[0]);
      }
      this.revealed.clear();
      this.render();
      this.changed();
    }

    grow(textarea) {
      textarea.style.height = 'auto';
      textarea.style.height = `${textarea.scrollHeight + 2}px`;
    }

    updateZi(wrap) {
      if (!wrap) return;
      const area = wrap.querySelector('textarea');
      const out = wrap.querySelector('.nxkx-zi');
      if (!area || !out) return;
      try {
        const n = this.nxkx.countZi(area.value);
        out.textContent = `字数 ${n.word_processor}（Word 字数统计口径）· 不计空格字符 ${n.non_space}`;
        out.dataset.zi = String(n.word_processor);
      } catch (e) {
        out.textContent = '字数无法统计';
      }
    }

    setStage(stage) {
      this.stage = stage;
      this.stageInputs[stage].checked = true;
      this.collapsed.clear();
      this.render();
      this.changed();
    }

    onAsOf() {
      const v = this.asOfInput.value.trim();
      const help = this.container.querySelector('.nxkx-asof small');
      if (isDay(v)) {
        this.asOf = v;
        this.asOfInput.removeAttribute('aria-invalid');
        help.textContent = '按这一天核验（默认今天）';
      } else {
        // The last good date stays in force until this one reads as a date.
        this.asOfInput.setAttribute('aria-invalid', 'true');
        help.textContent = `日期应写成 年-月-日，如 2025-05-20；仍按 ${this.asOf} 核验`;
      }
      this.changed();
    }

    changed() {
      clearTimeout(this.timer);
      this.container.dataset.pending = 'true'; // a check is coming (for portals and tests)
      this.timer = setTimeout(() => this.check(), 120);
      this.dirty = true;
    }

    // ---- state → the application JSON

    /** The application as the form says it, in the schema's order; unreadable fields left out. */
    application() {
      const order = (node, v) => {
        if (v === undefined || v === null) return undefined;
        if (node.kind === 'object' && typeof v === 'object' && !Array.isArray(v)) {
          const out = {};
          for (const c of node.children) {
            const x = order(c, v[c.key]);
            if (x !== undefined) out[c.key] = x;
          }
          return Object.keys(out).length || node === this.tree ? out : undefined;
        }
        if (node.kind === 'map' && typeof v === 'object' && !Array.isArray(v)) {
          const out = {};
          for (const k of Object.keys(v).sort()) {
            const x = order(node.item, v[k]);
            if (x !== undefined) out[k] = x;
          }
          return Object.keys(out).length ? out : undefined;
        }
        if (node.kind === 'rows' && Array.isArray(v)) {
          return v.map((r) => order(node.item, r) || {});
        }
        return clone(v);
      };
      return order(this.tree, this.state) || {};
    }

    /** The check date: the one shown, or the latest planned date if that is later. */
    effectiveAsOf() {
      let asOf = this.asOf;
      const planned = [];
      if (this.stage === 'application') {
        for (const p of this.planned) {
          const v = getAt(this.state, p);
          if (typeof v !== 'string' || !isDay(v.slice(0, 10))) continue;
          const at = locate(this.tree, p);
          planned.push({ pointer: p, date: v.slice(0, 10), title: at ? at.node.title : p });
          if (v.slice(0, 10) > asOf) asOf = v.slice(0, 10);
        }
      }
      return { asOf, planned };
    }

    check() {
      clearTimeout(this.timer);
      delete this.container.dataset.pending;
      const app = this.application();
      const engineErrors = {};
      let report = null;
      let fatal = null;
      const { asOf, planned } = this.effectiveAsOf();
      if (!app.project_type) {
        if (this.dirty) {
          this.dirty = false;
          this.saveDraft();
        }
        this.report = null;
        this.showStatus(null, { asOf, planned }, {});
        this.showFindings([], {});
        return null;
      }
      for (let tries = 0; tries < 50 && !report && !fatal; tries++) {
        try {
          report = this.notice.check(app, { asOf, stage: this.stage });
        } catch (e) {
          if (!e || e.name !== 'NxkxError') throw e;
          if (e.status !== 'input_error' || !e.path) {
            fatal = e;
            break;
          }
          engineErrors[e.path] = zhReason(e);
          const parts = splitPointer(e.path);
          // Leave the unreadable value out and check the rest.
          if (!removeAt(app, parts)) {
            fatal = e;
            break;
          }
        }
      }
      this.report = report;
      const errors = Object.assign({}, engineErrors, this.pageErrors);
      this.showFindings(report ? report.findings : [], errors);
      this.showStatus(report, { asOf, planned }, errors, fatal);
      if (this.dirty) {
        this.dirty = false;
        this.saveDraft();
      }
      const detail = { application: this.application(), report, asOf, stage: this.stage };
      this.container.dispatchEvent(new CustomEvent('nxkx-change', { detail }));
      if (typeof this.options.onChange === 'function') this.options.onChange(detail.application, report);
      return report;
    }

    // ---- findings at their fields

    /** The wrapper a pointer belongs to: its own, else the nearest enclosing one that is shown,
     *  else the first shown one inside it. */
    fieldFor(pointer) {
      let p = pointer;
      for (;;) {
        const w = this.fields.get(p);
        if (w && !w.hidden) return w;
        if (p === '') break;
        p = p.slice(0, p.lastIndexOf('/'));
      }
      for (const [k, w] of this.fields) if (k.startsWith(pointer + '/') && !w.hidden) return w;
      return null;
    }

    showFindings(findings, errors) {
      for (const list of this.form.querySelectorAll('.nxkx-findings')) list.textContent = '';
      for (const w of this.form.querySelectorAll('.nxkx-has-finding')) w.classList.remove('nxkx-has-finding');
      for (const c of this.form.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
      // A finding or an error at a field this type's form left out brings the field in.
      let reveal = false;
      for (const p of [...findings.map((f) => f.path), ...Object.keys(errors)]) {
        if (p === '' || this.revealed.has(p)) continue;
        const w = this.fields.get(p);
        if (!w || w.hidden) {
          this.revealed.add(p);
          reveal = true;
        }
      }
      if (reveal) this.render();
      const place = (pointer, item, invalid) => {
        const w = this.fieldFor(pointer);
        if (!w) return false;
        const list = w.querySelector(':scope > .nxkx-findings, :scope > .nxkx-section-body > .nxkx-findings, :scope > fieldset > .nxkx-findings, :scope > .nxkx-findings');
        if (!list) return false;
        list.append(item);
        w.classList.add('nxkx-has-finding');
        if (invalid) {
          for (const c of w.querySelectorAll(':scope > input, :scope > select, :scope > textarea, :scope > fieldset')) {
            c.setAttribute('aria-invalid', 'true');
          }
        }
        // A folded section with something to fix inside opens.
        const section = w.closest('.nxkx-section.nxkx-collapsed');
        if (section) this.setCollapsed(section, false);
        return true;
      };
      this.placed = [];
      for (const [pointer, reason] of Object.entries(errors)) {
        const li = el('li', { class: 'nxkx-finding nxkx-input-error', dataset: { path: pointer, code: 'input' } },
          el('span', { class: 'nxkx-sev' }, '填写有误'), ' ', reason.zh,
          reason.en ? el('span', { class: 'nxkx-en', lang: 'en' }, reason.en) : null);
        const ok = place(pointer, li, true);
        this.placed.push({ pointer, zh: `填写有误：${reason.zh}`, severity: 'input', ok });
      }
      const sorted = findings.slice().sort((a, b) => (SEVERITY_ORDER[a.severity.code] ?? 9) - (SEVERITY_ORDER[b.severity.code] ?? 9));
      for (const f of sorted) {
        const li = this.findingItem(f);
        const ok = place(f.path, li, true);
        this.mentions(f);
        this.placed.push({ pointer: f.path, zh: this.humanize(f.message.zh), severity: f.severity.code, sevZh: f.severity.zh, clause: f.clause, rule: f.rule_id, ok });
      }
    }

    /** JSON pointers the engine names in a message (records it did not count …), as the
     *  form's own words: "/records/events/1" → "活动 第 2 条". */
    humanize(text) {
      return String(text).replace(/\/[A-Za-z_]+(?:\/[A-Za-z0-9_]+)*/g, (p) => this.pointerLabel(p) || p);
    }

    pointerLabel(pointer) {
      const at = locate(this.tree, pointer);
      if (!at) return null;
      const parts = splitPointer(pointer);
      const words = [];
      let node = this.tree;
      for (const seg of parts) {
        if (node.kind === 'object') {
          node = node.children.find((c) => c.key === seg);
          if (!node) return null;
          if (node.kind !== 'rows') words.push(node.title);
        } else if (node.kind === 'rows') {
          words.push(`${node.title} 第 ${+seg + 1} 条`);
          node = node.item;
        } else if (node.kind === 'map') {
          words.push(seg);
          node = node.item;
        } else return null;
      }
      if (node.kind === 'rows') words.push(node.title);
      // Only the last two words: enough to find it, short enough to read.
      return words.slice(-2).join('·');
    }

    /** Marks each record a finding names (e.g. an event not counted) at that record. */
    mentions(f) {
      const seen = new Set();
      const text = [f.message && f.message.zh, f.found && f.found.zh].filter(Boolean).join(' ');
      for (const m of text.matchAll(/\/[A-Za-z_]+(?:\/[A-Za-z0-9_]+)*/g)) {
        const p = m[0];
        if (p === f.path || seen.has(p)) continue;
        seen.add(p);
        const w = this.fields.get(p);
        if (!w || w.hidden) continue;
        const list = w.querySelector(':scope > fieldset > .nxkx-findings, :scope > .nxkx-findings');
        if (!list) continue;
        const where = this.pointerLabel(f.path) || '';
        list.append(el('li', { class: `nxkx-finding nxkx-${f.severity.code} nxkx-mention`, dataset: { rule: f.rule_id, mention: p } },
          el('span', { class: 'nxkx-sev' }, f.severity.zh), f.clause ? el('span', { class: 'nxkx-clause' }, f.clause) : null,
          ` 本条在${where ? `“${where}”` : '上方'}的核验中被点名，见那里的说明`));
        w.classList.add('nxkx-has-finding');
      }
    }

    findingItem(f) {
      const li = el('li', { class: `nxkx-finding nxkx-${f.severity.code}${f.unknown ? ' nxkx-unknown' : ''}`,
        dataset: { rule: f.rule_id, path: f.path } });
      li.append(el('span', { class: 'nxkx-sev' }, f.severity.zh),
        f.clause ? el('span', { class: 'nxkx-clause' }, f.clause) : null, ' ', this.humanize(f.message.zh));
      // Something not yet filled in: one line (what the notice asks is in the field's help).
      if (f.unknown && this.probed.help.has(`${this.state.project_type}|${(locate(this.tree, f.path) || {}).norm}`)) return li;
      const parts = [];
      if (f.expected && f.expected.zh) parts.push(`应为：${this.humanize(f.expected.zh)}`);
      if (f.found && (f.found.zh || f.unknown)) parts.push(`实为：${this.humanize(f.found.zh || '未填写')}`);
      if (f.contact && f.contact.name) parts.push(`联系人：${f.contact.name} ${f.contact.phone || ''}`);
      if (parts.length) li.append(el('div', { class: 'nxkx-detail' }, parts.join('　')));
      const reading = f.interpretation && (typeof f.interpretation === 'string' ? f.interpretation : f.interpretation.zh);
      if (reading) li.append(el('div', { class: 'nxkx-reading' }, el('span', { class: 'nxkx-reading-label' }, '解读'), reading));
      const quotes = (f.clauses || []).filter((c) => c.quote);
      if (quotes.length) {
        li.append(el('details', { class: 'nxkx-quote' }, el('summary', {}, '通知原文'),
          quotes.map((c) => el('p', {}, el('strong', {}, c.ref), ' ', c.quote))));
      }
      return li;
    }

    showStatus(report, dates, errors, fatal) {
      const d = this.decision;
      d.textContent = '';
      let code = 'none';
      if (fatal) {
        code = 'error';
        const r = zhReason(fatal);
        d.append('无法核验：', el('strong', {}, r.zh));
      } else if (!report) {
        d.append(el('strong', {}, '请选择项目类型'));
      } else {
        code = report.decision.code;
        d.append('结论：', el('strong', { class: 'nxkx-decision-text' }, report.decision.zh));
      }
      this.status.dataset.decision = code;
      // The pack the result was judged by (every report names it): id and version, the sha256 on hover.
      const pack = report && report.pack ? ` · 依据 ${report.pack.id} ${report.pack.version}` : '';
      this.asOfLine.textContent = `${this.stage === 'completion' ? '结项' : '申报'}阶段 · 核验日期 ${dates.asOf}${pack}`;
      this.asOfLine.title = report && report.pack ? `sha256:${report.pack.sha256}` : '';
      if (dates.planned.length) {
        this.caveat.hidden = false;
        const late = dates.planned.filter((x) => x.date < this.asOf);
        this.caveat.textContent = `按计划日期核验：${dates.planned.map((x) => `${x.title} ${x.date}`).join('、')}。` +
          `本结论只在您按计划于这些日期（含当天）之前完成时成立；晚于计划则须重新核验。` +
          (late.length ? ` 注意：${late.map((x) => x.title).join('、')}的计划日期已早于核验日期，如已完成请取消“计划日期”并填写实际日期。` : '');
      } else {
        this.caveat.hidden = true;
        this.caveat.textContent = '';
      }
      const n = report ? report.findings.length : 0;
      const e = Object.keys(errors).length;
      this.counts.textContent = report ? (n || e ? `${n} 个问题${e ? `，${e} 处填写有误` : ''}` : '未发现问题') : '';
      this.openList.textContent = '';
      for (const item of this.placed || []) {
        const li = el('li', { class: `nxkx-open nxkx-${item.severity}`, dataset: { path: item.pointer, rule: item.rule || '' } });
        const text = [el('span', { class: 'nxkx-sev' }, item.sevZh || '填写有误'),
          item.clause ? el('span', { class: 'nxkx-clause' }, item.clause) : null, ' ',
          item.zh.replace(/^填写有误：/, '')];
        const target = this.fieldFor(item.pointer);
        if (target) {
          // The point itself is the way to its field (keyboard: Tab, Enter).
          li.append(el('button', { type: 'button', class: 'nxkx-goto', title: `转到“${this.labelOf(target)}”`,
            onclick: () => this.goTo(item.pointer) }, text));
        } else li.append(...text.filter(Boolean));
        this.openList.append(li);
      }
      this.openList.previousElementSibling.hidden = !this.openList.children.length;
    }

    labelOf(w) {
      const l = w.querySelector('.nxkx-zh');
      return l ? l.textContent : '';
    }

    goTo(pointer) {
      const w = this.fieldFor(pointer);
      if (!w) return;
      const section = w.closest('.nxkx-section.nxkx-collapsed');
      if (section) this.setCollapsed(section, false);
      w.scrollIntoView({ block: 'center' });
      const c = w.querySelector('input:not([type=hidden]), select, textarea, button');
      if (c) c.focus({ preventScroll: true });
    }

    // ---- load, save, draft, print

    /** Puts an application into the form. Values of the wrong type stay in their field, with an
     *  error; fields the form does not know are listed. */
    setApplication(doc, opts) {
      opts = opts || {};
      this.state = {};
      this.raw = {};
      this.pageErrors = {};
      this.planned = new Set(opts.planned || []);
      this.revealed.clear();
      this.collapsed.clear();
      const unknown = [];
      const put = (node, pointer, v) => {
        if (v === undefined || v === null) return;
        const k = node.kind;
        if (k === 'object' || k === 'map') {
          if (typeof v !== 'object' || Array.isArray(v)) return this.bad(pointer, v);
          if (k === 'object') {
            for (const key of Object.keys(v)) {
              const c = node.children.find((x) => x.key === key);
              if (!c) unknown.push(pointer + joinPointer([key]));
              else put(c, pointer + joinPointer([key]), v[key]);
            }
            if (Object.keys(v).length === 0 && pointer !== '') this.setValue(pointer, {});
          } else {
            for (const key of Object.keys(v)) put(node.item, pointer + joinPointer([key]), v[key]);
          }
          return;
        }
        if (k === 'rows') {
          if (!Array.isArray(v)) return this.bad(pointer, v);
          this.setValue(pointer, v.map(() => ({})));
          v.forEach((r, i) => put(node.item, `${pointer}/${i}`, r));
          return;
        }
        if (k === 'codes' || k === 'lines') {
          if (!Array.isArray(v)) return this.bad(pointer, v);
          this.setValue(pointer, v.slice());
          return;
        }
        const ok = (k === 'bool' && typeof v === 'boolean') || (k === 'int' && Number.isInteger(v)) ||
          (k === 'num' && typeof v === 'number') || (k === 'code') ||
          (['date', 'text', 'longtext'].includes(k) && typeof v === 'string');
        if (!ok) return this.bad(pointer, v);
        if (k === 'date') {
          const r = this.parse(node, v);
          if (r.error) {
            this.raw[pointer] = v;
            this.pageErrors[pointer] = { zh: r.error, en: '' };
            return;
          }
        }
        this.setValue(pointer, v);
      };
      if (doc && typeof doc === 'object' && !Array.isArray(doc)) put(this.tree, '', doc);
      if (!opts.quiet && unknown.length) {
        this.note(`文件中有本表没有的项，未载入：${unknown.join('、')}`, 'error');
      }
      return unknown;
    }

    bad(pointer, v) {
      this.raw[pointer] = typeof v === 'string' ? v : JSON.stringify(v);
      this.pageErrors[pointer] = { zh: '类型不对，请重新填写', en: '' };
    }

    async onFile() {
      const file = this.fileInput.files && this.fileInput.files[0];
      this.fileInput.value = '';
      if (!file) return;
      let text = await file.text();
      if (text.charCodeAt(0) === 0xFEFF) text = text.slice(1);
      let doc;
      try {
        doc = JSON.parse(text);
      } catch (e) {
        let why = '';
        try {
          this.notice.check(text, { asOf: this.asOf });
        } catch (err) {
          if (err && err.name === 'NxkxError') why = `（${err.reason && err.reason.zh ? err.reason.zh : zhReason(err).zh}：${typeof err.reason === 'string' ? err.reason : ''}）`;
        }
        this.note(`无法打开 ${file.name}：文件不是有效的 JSON${why}。`, 'error');
        return;
      }
      if (Array.isArray(doc)) {
        if (doc.length === 1) doc = doc[0];
        else {
          this.chooseFromArray(file.name, doc);
          return;
        }
      }
      if (!doc || typeof doc !== 'object') {
        this.note(`无法打开 ${file.name}：文件里不是一份申报（应为一个 JSON 对象）。`, 'error');
        return;
      }
      if (doc.findings && doc.decision) {
        this.note(`${file.name} 是一份核验结果，不是申报文件；请打开申报文件本身。`, 'error');
        return;
      }
      this.loadDoc(doc, file.name);
    }

    loadDoc(doc, name) {
      this.setApplication(doc);
      if (doc.project_type && !this.types.has(doc.project_type)) {
        this.note(`“${doc.project_type}”不是本通知的项目类型，请重新选择。`, 'error');
      }
      this.render();
      this.check();
      this.saveDraft();
      this.note(`已打开 ${name}。`, 'info');
    }

    chooseFromArray(name, list) {
      const id = `${this.uid}-pick`;
      const select = el('select', { id },
        list.map((a, i) => el('option', { value: String(i) },
          `${i + 1}. ${(a && (a.title || (a.applicant && a.applicant.name) || a.id)) || '（无名称）'}`)));
      const box = this.note(`${name} 里有 ${list.length} 份申报，请选择一份：`, 'info');
      box.insertBefore(el('span', { class: 'nxkx-pick' }, el('label', { for: id }, '申报'), ' ', select,
        el('button', { type: 'button', onclick: () => {
          box.remove();
          this.loadDoc(list[+select.value] || {}, `${name} 第 ${+select.value + 1} 份`);
        } }, '打开')), box.lastChild);
      select.focus();
    }

    fileName() {
      const a = this.state;
      const base = (a.applicant && a.applicant.name) || a.title || (this.typeInfo() && this.typeInfo().name.zh) || '申报';
      return `申报-${String(base).replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60)}.json`;
    }

    /** The application as a file, exactly as `nxkx check` reads it. */
    save() {
      const text = JSON.stringify(this.application(), null, 2) + '\n';
      const bad = Object.keys(this.pageErrors);
      if (bad.length) {
        this.note(`有 ${bad.length} 处填写有误，未写入文件：${bad.map((p) => this.titleOf(p)).join('、')}。`, 'error');
      }
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const a = el('a', { href: url, download: this.fileName(), hidden: true });
      this.container.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      return text;
    }

    titleOf(pointer) {
      const at = locate(this.tree, pointer);
      return at ? at.node.title : pointer;
    }

    draft() {
      return { version: VERSION, notice: this.noticeId, saved: new Date().toISOString(),
        application: this.state, raw: this.raw, planned: [...this.planned], stage: this.stage,
        asOf: this.asOf };
    }

    saveDraft() {
      if (!this.storage) return;
      try {
        if (isEmpty(this.state) && !Object.keys(this.raw).length) {
          localStorage.removeItem(this.storage); // nothing typed: no draft
          this.draftNote.textContent = '';
          return;
        }
        localStorage.setItem(this.storage, JSON.stringify(this.draft()));
        const t = new Date();
        this.draftNote.textContent = `草稿已保存在本浏览器（${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}）`;
      } catch (e) {
        this.draftNote.textContent = '本浏览器不能保存草稿';
      }
    }

    restoreDraft() {
      if (!this.storage) return null;
      let d;
      try {
        d = JSON.parse(localStorage.getItem(this.storage) || 'null');
      } catch (e) {
        d = null;
      }
      if (!d || d.version !== VERSION || d.notice !== this.noticeId || !d.application) return null;
      this.setApplication(d.application, { quiet: true, planned: d.planned });
      for (const [p, v] of Object.entries(d.raw || {})) {
        const at = locate(this.tree, p);
        if (!at) continue;
        this.raw[p] = v;
        const r = this.parse(at.node, v);
        this.pageErrors[p] = { zh: r.error || '类型不对，请重新填写', en: '' };
      }
      if (d.stage === 'completion' || d.stage === 'application') {
        this.stage = d.stage;
        this.stageInputs[this.stage].checked = true;
      }
      const t = new Date(d.saved);
      return Number.isNaN(t.getTime()) ? '之前' : `${t.toLocaleDateString('zh-CN')} ${t.toLocaleTimeString('zh-CN')}`;
    }

    clearDraft() {
      const before = this.storage ? localStorage.getItem(this.storage) : null;
      const snapshot = this.draft();
      if (this.storage) localStorage.removeItem(this.storage);
      this.setApplication({}, { quiet: true });
      this.render();
      this.check();
      if (this.storage) localStorage.removeItem(this.storage);
      this.draftNote.textContent = '';
      for (const n of this.notes.querySelectorAll('.nxkx-note')) n.remove();
      const box = this.note('草稿已清除，表单已清空。', 'info');
      box.insertBefore(el('button', { type: 'button', class: 'nxkx-undo', onclick: () => {
        box.remove();
        this.setApplication(snapshot.application, { quiet: true, planned: snapshot.planned });
        Object.assign(this.raw, snapshot.raw);
        if (this.storage && before) localStorage.setItem(this.storage, before);
        this.render();
        this.check();
      } }, '撤销'), box.lastChild);
    }

    beforePrint() {
      for (const s of this.form.querySelectorAll('.nxkx-section')) s.classList.remove('nxkx-collapsed');
      for (const t of this.form.querySelectorAll('textarea')) this.grow(t);
    }

    print() {
      this.beforePrint();
      window.print();
    }
  }

  function removeAt(doc, parts) {
    if (!parts.length) return false;
    let node = doc;
    for (const k of parts.slice(0, -1)) {
      if (!node || typeof node !== 'object') return false;
      node = node[k];
    }
    if (!node || typeof node !== 'object') return false;
    const last = parts[parts.length - 1];
    if (!(last in node)) return false;
    if (Array.isArray(node)) node.splice(+last, 1);
    else delete node[last];
    return true;
  }

  // ---------------------------------------------------------------- mounting

  /**
   * Puts the page into `element`. Options (all optional):
   *   nxkx         the module (from createNxkx()); made here when left out
   *   pack         a notice pack (object or JSON text) instead of the built-in notice
   *   asOf         the check date shown first ('YYYY-MM-DD'; default today in China)
   *   stage        'application' (default) or 'completion'
   *   application  an application to start with (else the draft, if any)
   *   storageKey   prefix of the draft's localStorage key; false keeps no draft
   *   onChange     called with (application, report) after every check
   * Resolves to {application(), report(), load(app), setStage(s), setAsOf(d), save(), element}.
   */
  async function mount(element, options) {
    options = Object.assign({}, options || {});
    const nxkx = options.nxkx || (await global.createNxkx());
    const notice = options.pack ? nxkx.loadNotice(options.pack) : nxkx.builtinNotice();
    const portal = new Portal(element, nxkx, notice, options);
    return {
      element,
      application: () => portal.application(),
      report: () => portal.report,
      load: (app) => portal.loadDoc(app, '申报'),
      setStage: (s) => portal.setStage(s),
      setAsOf: (d) => {
        portal.asOfInput.value = d;
        portal.onAsOf();
        portal.check();
      },
      check: () => portal.check(),
      save: () => portal.save(),
      portal,
    };
  }

  /** The page of index.html: mounts into [data-nxkx-portal], with options from its data
   *  attributes and the address (?as_of=, ?stage=), and the pack of a
   *  <script type="application/json" data-nxkx-pack> when the page holds one. */
  async function auto() {
    const element = document.querySelector('[data-nxkx-portal]');
    if (!element) return;
    if (typeof global.createNxkx !== 'function') {
      element.textContent = '';
      element.append(el('p', { class: 'nxkx-missing', role: 'alert' },
        '没有找到 nxkx.js。请先运行 bash bindings/wasm/build.sh，它会把 nxkx.js 复制到本页所在的文件夹。'));
      element.dataset.ready = 'missing';
      return;
    }
    const q = new URLSearchParams(location.search);
    const options = {
      asOf: q.get('as_of') || element.dataset.asOf || undefined,
      stage: q.get('stage') || element.dataset.stage || undefined,
      storageKey: element.dataset.storage === 'off' ? false : element.dataset.storage || undefined,
    };
    const packScript = document.querySelector('script[data-nxkx-pack]');
    if (packScript && packScript.textContent.trim()) options.pack = packScript.textContent;
    try {
      global.nxkxPortal = await mount(element, options);
    } catch (e) {
      element.textContent = '';
      const r = e && e.name === 'NxkxError' ? `${zhReason(e).zh}：${e.path || ''} ${typeof e.reason === 'string' ? e.reason : ''}` : String(e);
      element.append(el('p', { class: 'nxkx-missing', role: 'alert' }, `本页无法启动：${r}`));
      element.dataset.ready = 'error';
      throw e;
    }
  }

  global.NxkxPortal = { mount, buildTree, locate, version: VERSION };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', auto);
  else auto();
})(typeof window !== 'undefined' ? window : globalThis);
