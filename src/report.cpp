// Reports for programs (JSON) and for people (text). The JSON shape is documented in README.md
// ("Report JSON"); keys keep their documented order so output diffs stay small.
#include "nxkx/report.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "json_escape.hpp"
#include "nxkx/text.hpp"
#include "nxkx/writers.hpp"

namespace nxkx {

bool finding_context::operator==(const finding_context& o) const noexcept {
  return clauses == o.clauses && interpretation == o.interpretation &&
         whom_to_call == o.whom_to_call;
}

const finding_context& finding::of_context() const noexcept {
  static const finding_context none;
  return context ? *context : none;
}

namespace {

/// Appends `tpl` with its {placeholders} filled: {found} with `found`, a name of `values` with
/// its value, any other name with nothing (the pack loader has checked that every placeholder
/// is one the rule fills).
void render_into(std::string& out, std::string_view tpl,
                 const std::vector<std::pair<std::string, localized>>& values,
                 const localized& found, lang l) {
  std::size_t pos = 0;
  while (pos < tpl.size()) {
    const std::size_t open = tpl.find('{', pos);
    if (open == std::string_view::npos) break;
    const std::size_t close = tpl.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(tpl, pos, open - pos);
    const std::string_view name = tpl.substr(open + 1, close - open - 1);
    if (name == "found") {
      out += found.in(l);
    } else {
      for (const auto& [k, v] : values)
        if (k == name) {
          out += v.in(l);
          break;
        }
    }
    pos = close + 1;
  }
  out.append(tpl, pos, std::string_view::npos);
}

/// The template `t` of a finding filled for `l`, appended to `out`.
void append_text(std::string& out, const finding& f, const message_templates& texts,
                 const localized& t, lang l) {
  if (texts.filled)
    out += t.in(l);
  else
    render_into(out, t.in(l), f.values, f.found, l);
}

}  // namespace

void finding::append_message(std::string& out, lang l) const {
  const message_templates* texts = of_context().texts.get();
  if (texts == nullptr || message_index >= texts->messages.size()) return;
  append_text(out, *this, *texts, texts->messages[message_index], l);
}

void finding::append_expected(std::string& out, lang l) const {
  if (const message_templates* texts = of_context().texts.get())
    append_text(out, *this, *texts, texts->expected, l);
}

std::string finding::message(lang l) const {
  std::string out;
  append_message(out, l);
  return out;
}

localized finding::message() const { return {message(lang::zh), message(lang::en)}; }

std::string finding::expected(lang l) const {
  std::string out;
  append_expected(out, l);
  return out;
}

localized finding::expected() const { return {expected(lang::zh), expected(lang::en)}; }

void finding::set_texts(localized message, localized expected) {
  finding_context fc = context ? *context : finding_context{};
  message_templates t;
  t.expected = std::move(expected);
  t.messages.push_back(std::move(message));
  t.filled = true;
  fc.texts = std::make_shared<const message_templates>(std::move(t));
  context = std::make_shared<const finding_context>(std::move(fc));
  message_index = 0;
}

bool finding::operator==(const finding& o) const {
  return rule_id == o.rule_id && kind == o.kind && level == o.level && unknown == o.unknown &&
         path == o.path && found == o.found &&
         (context == o.context || of_context() == o.of_context()) &&
         ((context == o.context && message_index == o.message_index && values == o.values) ||
          (message() == o.message() && expected() == o.expected()));
}

namespace {

// Labels are part of the product's wording, not of a notice: they live here, not in the pack.
struct label_pair {
  std::string_view zh;
  std::string_view en;
  std::string_view in(lang l) const noexcept { return l == lang::zh ? zh : en; }
};

label_pair decision_labels(decision d) noexcept {
  switch (d) {
    case decision::accepted:
      return {"受理", "accepted"};
    case decision::needs_review:
      return {"需人工审核", "needs review"};
    case decision::incomplete:
      return {"材料不全", "incomplete"};
    case decision::rejected:
      return {"不予受理", "rejected"};
    case decision::complete:
      return {"已完成", "complete"};
  }
  return {"", ""};
}

label_pair severity_labels(severity s, stage st) noexcept {
  switch (s) {
    case severity::needs_review:
      return {"需人工审核", "needs review"};
    case severity::incomplete:
      // At completion nothing is missing from a file: a deliverable is not (yet) met.
      if (st == stage::completion) return {"未完成", "not complete"};
      return {"材料不全", "incomplete"};
    case severity::rejected:
      return {"不予受理", "rejected"};
  }
  return {"", ""};
}

// A decision as people read it at this stage: an incomplete project is "not complete".
label_pair decision_labels(decision d, stage st) noexcept {
  if (d == decision::incomplete) return severity_labels(severity::incomplete, st);
  return decision_labels(d);
}

std::string_view marker(severity s) noexcept {
  switch (s) {
    case severity::rejected:
      return "✗";
    case severity::incomplete:
      return "!";
    case severity::needs_review:
      return "?";
  }
  return "-";
}

std::string joined_clauses(const std::vector<clause_ref>& clauses) {
  std::string out;
  for (const auto& c : clauses) {
    if (!out.empty()) out += "、";
    out += c.ref;
  }
  return out;
}

// ---- JSON ----
//
// Written directly, as nlohmann's ordered_json dump (ensure_ascii off, invalid UTF-8 replaced)
// wrote the same document before: byte for byte the same text (tests/unit/report_json_test.cpp).

/// `s` as a JSON string (json_escape.hpp: the one escaper).
void append_string(std::string& out, std::string_view s) {
  out += '"';
  detail::json_escape_into(out, s);
  out += '"';
}

/// Objects, arrays, strings and booleans, compact (indent < 0) or indented as nlohmann does.
class json_writer {
 public:
  json_writer(std::string& out, int indent) : out_(out), indent_(indent) {}

  void begin(char bracket) {
    separate();
    out_ += bracket;
    ++depth_;
    first_ = true;
  }
  void end(char bracket) {
    --depth_;
    if (!first_) newline();  // an empty object or array stays "{}" or "[]"
    out_ += bracket;
    first_ = false;
  }
  void key(std::string_view k) {
    separate();
    append_string(out_, k);
    out_ += indent_ < 0 ? ":" : ": ";
    after_key_ = true;
  }
  void value(std::string_view s) {
    separate();
    append_string(out_, s);
  }
  void value(bool b) {
    separate();
    out_ += b ? "true" : "false";
  }
  void value(std::uint64_t n) {
    separate();
    out_ += std::to_string(n);
  }
  void member(std::string_view k, std::string_view v) {
    key(k);
    value(v);
  }
  void member_number(std::string_view k, std::uint64_t n) {
    key(k);
    value(n);
  }
  void localized_member(std::string_view k, std::string_view zh, std::string_view en) {
    key(k);
    begin('{');
    member("zh", zh);
    member("en", en);
    end('}');
  }
  /// {"zh": …, "en": …} of a finding's text, written by `text` (finding::append_message …)
  /// into a buffer the writer keeps, so that no string is made per finding.
  void text_member(std::string_view k, const finding& f,
                   void (finding::*text)(std::string&, lang) const) {
    key(k);
    begin('{');
    for (lang l : {lang::zh, lang::en}) {
      scratch_.clear();
      (f.*text)(scratch_, l);
      member(l == lang::zh ? "zh" : "en", scratch_);
    }
    end('}');
  }

 private:
  /// Before a key or a value: a comma after the one before, a new line and the indent.
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ == 0) return;
    if (!first_) out_ += ',';
    first_ = false;
    newline();
  }
  void newline() {
    if (indent_ < 0) return;
    out_ += '\n';
    out_.append(static_cast<std::size_t>(depth_) * static_cast<std::size_t>(indent_), ' ');
  }

  std::string& out_;
  int indent_;
  int depth_ = 0;
  bool first_ = true;  ///< nothing written yet in the innermost object or array
  bool after_key_ = false;
  std::string scratch_;  ///< a finding's text, filled before it is escaped into out_
};

void write_finding(json_writer& w, const finding& f, stage st, report_detail detail) {
  const bool full = detail == report_detail::full;
  w.begin('{');
  w.member("rule_id", f.rule_id);
  w.member("kind", f.kind);
  const label_pair sev = severity_labels(f.level, st);
  w.key("severity");
  w.begin('{');
  w.member("code", to_code(f.level));
  w.member("zh", sev.zh);
  w.member("en", sev.en);
  w.end('}');
  w.key("unknown");
  w.value(f.unknown);
  w.member("clause", joined_clauses(f.clauses()));
  w.key("clauses");
  w.begin('[');
  for (const auto& c : f.clauses()) {
    w.begin('{');
    w.member("ref", c.ref);
    if (full) w.member("quote", c.quote);
    w.end('}');
  }
  w.end(']');
  if (full && !f.interpretation().empty())
    w.localized_member("interpretation", f.interpretation().zh, f.interpretation().en);
  w.member("path", f.path);
  w.text_member("message", f, &finding::append_message);
  w.text_member("expected", f, &finding::append_expected);
  w.localized_member("found", f.found.zh, f.found.en);
  if (full) {
    w.key("contact");
    w.begin('{');
    w.member("name", f.whom_to_call().name);
    w.member("phone", f.whom_to_call().phone);
    w.end('}');
  }
  w.end('}');
}

// ---- text ----

struct words {
  std::string_view file, application, project, as_of, title, decision, expected, found, not_given,
      clause, reading, contact, trace, passed, failed, not_applicable, no_findings, pack;
};

constexpr words zh_words{"文件",     "申报", "项目",   "核验日期", "名称",       "结论",
                         "应为",     "实为", "未填写", "条款",     "解读",       "联系人",
                         "核验规则", "通过", "未通过", "不适用",   "未发现问题", "依据"};
constexpr words en_words{
    "File",   "Application",    "Project",     "as of",   "Title",   "Decision",        "expected",
    "found",  "not given",      "Clause",      "Reading", "Contact", "Rules evaluated", "passed",
    "failed", "not applicable", "no findings", "Pack"};

const words& words_in(lang l) noexcept { return l == lang::zh ? zh_words : en_words; }

/// One finding as the text report shows it, indented under its application.
void append_finding_text(std::string& out, const finding& f, stage st, lang l,
                         report_detail detail) {
  const words& w = words_in(l);
  auto line = [&out](std::string_view indent, std::string_view text) {
    out += indent;
    out += text;
    out += '\n';
  };
  std::string h{marker(f.level)};
  h += " [";
  h += severity_labels(f.level, st).in(l);
  h += "] ";
  const std::string clause = joined_clauses(f.clauses());
  if (!clause.empty()) h += clause + " ";
  h += f.rule_id;
  if (!f.path.empty()) h += " — " + visible_text(f.path);
  line("  ", h);

  const std::string message = f.message(l);
  if (!message.empty()) line("      ", visible_text(message));
  const std::string expected = visible_text(f.expected(l));
  std::string found = visible_text(f.found.in(l));
  if (found.empty() && f.unknown) found = w.not_given;
  if (!expected.empty() || !found.empty()) {
    std::string ef;
    if (!expected.empty()) ef += std::string(w.expected) + ": " + expected;
    if (!found.empty()) {
      if (!ef.empty()) ef += "  ";
      ef += std::string(w.found) + ": " + found;
    }
    line("      ", ef);
  }
  if (detail == report_detail::compact) return;  // quotes, reading, contact: `nxkx rules`
  for (const auto& c : f.clauses()) {
    if (c.quote.empty()) continue;
    std::string q{w.clause};
    if (f.clauses().size() > 1) q += " " + c.ref;
    q += ": \"" + c.quote + "\"";
    line("      ", q);
  }
  if (!f.interpretation().in(l).empty())
    line("      ", std::string(w.reading) + ": " + f.interpretation().in(l));
  if (!f.whom_to_call().name.empty() || !f.whom_to_call().phone.empty()) {
    std::string c{w.contact};
    c += ": " + f.whom_to_call().name;
    if (!f.whom_to_call().phone.empty()) c += " " + f.whom_to_call().phone;
    line("      ", c);
  }
}

// One ASCII colon in both languages (not "："), so scripts can grep either alike.
std::string render_text(const report& r, lang l, std::string_view project_name,
                        report_detail detail) {
  const words& w = words_in(l);
  std::string out;
  auto line = [&out](std::string_view indent, std::string_view text) {
    out += indent;
    out += text;
    out += '\n';
  };

  // Text from the input is shown with its control characters made visible (visible_text).
  std::string head{w.application};
  head += ' ';
  head += r.application_id.empty() ? std::string("—") : visible_text(r.application_id);
  if (!r.applicant_name.empty()) head += " · " + visible_text(r.applicant_name);
  if (!r.credit_code.empty()) head += " (" + visible_text(r.credit_code) + ")";
  line("", head);
  // Where it came from: the file, the element of an array, the line of JSON lines.
  if (r.origin.known()) line("  ", std::string(w.file) + ": " + origin_text(r.origin));

  std::string project{w.project};
  project += ": ";
  if (!project_name.empty()) {
    project += project_name;
    project += " (" + r.project_type + ")";
  } else {
    project += r.project_type.empty() ? std::string("—") : visible_text(r.project_type);
  }
  project += " · ";
  project += w.as_of;
  project += ' ';
  project += format_date(r.as_of);
  line("  ", project);

  if (!r.title.empty()) line("  ", std::string(w.title) + ": " + visible_text(r.title));
  // The pack it was judged by: "依据: nxkx-2025-61 2025.2 sha256:1f0c…" (one line).
  if (!r.pack.id.empty()) line("  ", std::string(w.pack) + ": " + pack_text(r.pack));
  line("  ",
       std::string(w.decision) + ": " + std::string(decision_labels(r.decision, r.stage).in(l)));

  for (const auto& f : r.findings) append_finding_text(out, f, r.stage, l, detail);

  if (!r.trace.empty()) {
    line("  ", std::string(w.trace) + ":");
    for (const auto& t : r.trace) {
      std::string_view status = t.status == rule_status::passed   ? w.passed
                                : t.status == rule_status::failed ? w.failed
                                                                  : w.not_applicable;
      line("    ", std::string(status) + "  " + t.rule_id);
    }
  }
  return out;
}

}  // namespace

std::string pack_text(const pack_identity& p) {
  std::string out = visible_text(p.id);
  if (!p.version.empty()) out += " " + visible_text(p.version);
  if (!p.sha256.empty()) out += " sha256:" + visible_text(p.sha256);
  return out;
}

std::string_view decision_label(decision d, lang l) noexcept { return decision_labels(d).in(l); }

std::string_view severity_label(severity s, nxkx::stage st, lang l) noexcept {
  return severity_labels(s, st).in(l);
}

void append_json(std::string& out, const report& r, int indent, report_detail detail) {
  json_writer w(out, indent);
  w.begin('{');
  w.member("notice_id", r.notice_id);
  w.key("pack");
  w.begin('{');
  w.member("id", r.pack.id);
  w.member("version", r.pack.version);
  w.member("sha256", r.pack.sha256);
  w.end('}');
  // Only a compact report says so: a full one is the format as it was before the option.
  if (detail == report_detail::compact) w.member("detail", to_code(detail));
  w.member("stage", to_code(r.stage));
  w.member("as_of", format_date(r.as_of));
  w.key("application");
  w.begin('{');
  w.member("id", r.application_id);
  w.member("title", r.title);
  w.member("project_type", r.project_type);
  w.member("applicant_name", r.applicant_name);
  w.member("credit_code", r.credit_code);
  w.end('}');
  if (r.origin.known()) {
    w.key("origin");
    w.begin('{');
    if (!r.origin.file.empty()) w.member("file", r.origin.file);
    if (r.origin.index) w.member_number("index", *r.origin.index);
    if (r.origin.line) w.member_number("line", *r.origin.line);
    w.end('}');
  }
  const label_pair dec = decision_labels(r.decision, r.stage);
  w.key("decision");
  w.begin('{');
  w.member("code", to_code(r.decision));
  w.member("zh", dec.zh);
  w.member("en", dec.en);
  w.end('}');
  w.key("findings");
  w.begin('[');
  for (const auto& f : r.findings) write_finding(w, f, r.stage, detail);
  w.end(']');
  if (!r.trace.empty()) {
    w.key("trace");
    w.begin('[');
    for (const auto& t : r.trace) {
      w.begin('{');
      w.member("rule_id", t.rule_id);
      w.member("status", to_code(t.status));
      w.end('}');
    }
    w.end(']');
  }
  w.end('}');
}

std::string to_json(const report& r, int indent, report_detail detail) {
  std::string out;
  out.reserve(2048);
  append_json(out, r, indent, detail);
  return out;
}

std::string to_text(const report& r, lang l, report_detail detail) {
  return render_text(r, l, {}, detail);
}

void apply(report& r, const amendment& m) {
  auto same = std::find_if(r.findings.begin(), r.findings.end(),
                           [&](const finding& f) { return f.rule_id == m.added.rule_id; });
  if (same != r.findings.end())
    *same = m.added;
  else
    r.findings.push_back(m.added);
  std::stable_sort(r.findings.begin(), r.findings.end(),
                   [](const finding& a, const finding& b) { return a.level > b.level; });
  r.decision = m.decision;
  for (auto& t : r.trace)
    if (t.rule_id == m.added.rule_id) t.status = rule_status::failed;
}

void append_json(std::string& out, const amendment& m, int indent, report_detail detail) {
  json_writer w(out, indent);
  w.begin('{');
  if (detail == report_detail::compact) w.member("detail", to_code(detail));
  w.key("amends");
  w.begin('{');
  w.member_number("position", m.position);
  w.member("id", m.application_id);
  if (!m.origin.file.empty()) w.member("file", m.origin.file);
  if (m.origin.index) w.member_number("index", *m.origin.index);
  if (m.origin.line) w.member_number("line", *m.origin.line);
  w.end('}');
  for (const auto& [key, d] : {std::pair<std::string_view, decision>{"decision", m.decision},
                               {"previous_decision", m.previous}}) {
    const label_pair label = decision_labels(d, m.stage);
    w.key(key);
    w.begin('{');
    w.member("code", to_code(d));
    w.member("zh", label.zh);
    w.member("en", label.en);
    w.end('}');
  }
  w.key("finding");
  write_finding(w, m.added, m.stage, detail);
  w.end('}');
}

std::string to_json(const amendment& m, int indent, report_detail detail) {
  std::string out;
  append_json(out, m, indent, detail);
  return out;
}

std::string to_text(const amendment& m, lang l, report_detail detail) {
  // "更正 a.jsonl 第 3 行（申报 2025-0001）：结论改为 需人工审核（原为 受理）"
  const bool zh = l == lang::zh;
  std::string where;
  if (!m.origin.file.empty()) where = m.origin.file;
  if (m.origin.index)
    where += (where.empty() ? "" : (zh ? " " : ", ")) +
             (zh ? "第 " + std::to_string(*m.origin.index + 1) + " 份"
                 : "item " + std::to_string(*m.origin.index + 1));
  if (m.origin.line)
    where += (where.empty() ? "" : (zh ? " " : ", ")) +
             (zh ? "第 " + std::to_string(*m.origin.line) + " 行"
                 : "line " + std::to_string(*m.origin.line));
  if (where.empty())
    where = zh ? "批次中第 " + std::to_string(m.position + 1) + " 份"
               : "item " + std::to_string(m.position + 1) + " of the batch";
  std::string out = zh ? "更正 " + where : "Amendment to " + where;
  if (!m.application_id.empty())
    out += zh ? "（申报 " + m.application_id + "）" : " (application " + m.application_id + ")";
  out += zh ? "：结论改为 " : ": decision now ";
  out += decision_labels(m.decision, m.stage).in(l);
  if (m.previous != m.decision) {
    out += zh ? "（原为 " : " (was ";
    out += decision_labels(m.previous, m.stage).in(l);
    out += zh ? "）" : ")";
  }
  out += '\n';
  append_finding_text(out, m.added, m.stage, l, detail);
  return out;
}

std::string to_text(const report& r, lang l, const notice& n, report_detail detail) {
  const project_type_info* p = n.find_project_type(r.project_type);
  return render_text(r, l, p != nullptr ? std::string_view(p->name.in(l)) : std::string_view{},
                     detail);
}

}  // namespace nxkx
