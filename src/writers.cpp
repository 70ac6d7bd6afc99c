// The desk's formats (writers.hpp): the tables of the spreadsheet and the CSV, the printable
// HTML page and the brief text. Every cell and every piece of page text that comes from an input
// goes through visible_text: a control character shows as \u001b, never acts.
#include "nxkx/writers.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "html_escape.hpp"
#include "nxkx/text.hpp"

namespace nxkx {
namespace {

struct words {
  std::string_view file, id, applicant, credit_code, project_type, decision, findings, main_finding,
      contact, clause, severity, rule, field, message, expected, found, reading, unreadable,
      not_given, title, as_of, stage, notice, summary, applications, errors_heading, no_findings,
      where, reason, code, application_stage, completion_stage, report_title, quote, pack;
};

constexpr words zh_words{"文件",         "编号",           "申报单位",   "统一社会信用代码",
                         "项目类型",     "结论",           "问题数",     "主要问题",
                         "联系人",       "条款",           "严重程度",   "规则",
                         "字段",         "说明",           "应为",       "实为",
                         "解读",         "无法读取",       "未填写",     "项目名称",
                         "核验日期",     "阶段",           "通知",       "汇总",
                         "份申报",       "无法读取的文件", "未发现问题", "位置",
                         "原因",         "代码",           "申报",       "结项",
                         "申报审核结果", "条款原文",       "依据"};
constexpr words en_words{"File",          "ID",
                         "Applicant",     "Credit code",
                         "Project type",  "Decision",
                         "Findings",      "Main finding",
                         "Contact",       "Clause",
                         "Severity",      "Rule",
                         "Field",         "Message",
                         "Expected",      "Found",
                         "Reading",       "unreadable",
                         "not given",     "Title",
                         "As of",         "Stage",
                         "Notice",        "Summary",
                         "applications",  "Inputs that could not be read",
                         "no findings",   "Where",
                         "Reason",        "Code",
                         "application",   "completion",
                         "Check results", "Clause text",
                         "Pack"};

const words& words_in(lang l) noexcept { return l == lang::zh ? zh_words : en_words; }

std::string v(std::string_view s) { return visible_text(s); }

std::string clauses_of(const finding& f) {
  std::string out;
  for (const auto& c : f.clauses()) {
    if (!out.empty()) out += "、";
    out += c.ref;
  }
  return out;
}

std::string project_name(const notice& n, const std::string& code, lang l) {
  if (const project_type_info* p = n.find_project_type(code);
      p != nullptr && !p->name.in(l).empty())
    return p->name.in(l);
  return code;
}

std::string contact_of(const notice& n, const report& r) {
  const contact* c = nullptr;
  if (const project_type_info* p = n.find_project_type(r.project_type))
    c = n.find_contact(p->contact);
  std::string name = c != nullptr ? c->name : std::string();
  std::string phone = c != nullptr ? c->phone : std::string();
  if (c == nullptr)
    for (const auto& f : r.findings)
      if (!f.whom_to_call().name.empty()) {
        name = f.whom_to_call().name;
        phone = f.whom_to_call().phone;
        break;
      }
  if (phone.empty()) return name;
  return name.empty() ? phone : name + " " + phone;
}

std::string found_of(const finding& f, lang l) {
  const std::string& found = f.found.in(l);
  if (found.empty() && f.unknown) return std::string(words_in(l).not_given);
  return found;
}

std::string severity_text(const finding& f, stage st, lang l) {
  return std::string(severity_label(f.level, st, l));
}

/// "reason [code]", with the path first when there is one.
std::string error_text(const unreadable& e, lang l) {
  std::string out;
  if (!e.path.empty()) out += e.path + ": ";
  out += e.reason.in(l).empty() ? e.reason.en : e.reason.in(l);
  out += " [" + e.code + "]";
  return v(out);
}

// ---- HTML ----

/// Page text from any source: control characters made visible, then HTML-escaped.
std::string h(std::string_view s) {
  std::string out;
  detail::html_escape_into(out, visible_text(s));
  return out;
}

std::string_view decision_class(decision d) {
  switch (d) {
    case decision::accepted:
    case decision::complete:
      return "ok";
    case decision::needs_review:
      return "review";
    case decision::incomplete:
      return "incomplete";
    case decision::rejected:
      return "rejected";
  }
  return "";
}

std::string_view severity_class(severity s) {
  switch (s) {
    case severity::needs_review:
      return "review";
    case severity::incomplete:
      return "incomplete";
    case severity::rejected:
      return "rejected";
  }
  return "";
}

constexpr std::string_view page_style = R"(
:root { --ok: #1e7b34; --ok-bg: #dff3e3; --review: #8a5a00; --review-bg: #fff1c7;
        --incomplete: #9a4a00; --incomplete-bg: #fde3cf; --rejected: #a1111c;
        --rejected-bg: #fbd5d8; --line: #c9ced6; --muted: #5b6270; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
       "WenQuanYi Micro Hei", sans-serif; font-size: 10.5pt; line-height: 1.5; color: #1b1f24;
       margin: 24px; }
h1 { font-size: 18pt; margin: 0 0 4px; }
h2 { font-size: 14pt; margin: 0 0 8px; }
h3 { font-size: 11pt; margin: 14px 0 6px; }
.meta { color: var(--muted); margin: 0 0 12px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
th { background: #eef1f5; font-weight: 600; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; }
.nowrap { white-space: nowrap; }
table.summary td.file, table.findings td.clause { overflow-wrap: anywhere; }
table.summary td.file { width: 22%; }
table.summary td.applicant { width: 17%; }
table.summary td.type { width: 13%; }
table.findings td.clause { width: 9%; }
table.findings td.expected, table.findings td.found { width: 15%; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-weight: 600;
         white-space: nowrap; }
.ok { color: var(--ok); background: var(--ok-bg); }
.review { color: var(--review); background: var(--review-bg); }
.incomplete { color: var(--incomplete); background: var(--incomplete-bg); }
.rejected, .unreadable { color: var(--rejected); background: var(--rejected-bg); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 8px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.quote { color: var(--muted); font-size: 9pt; margin: 2px 0 0; }
.reading { font-size: 9pt; margin: 2px 0 0; }
.path { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; color: var(--muted); }
section.application { margin-top: 28px; border-top: 2px solid #1b1f24; padding-top: 12px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { margin: 0; font-size: 9.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.application, section.errors { break-before: page; page-break-before: always;
                                        border-top: none; margin-top: 0; padding-top: 0; }
}
)";

}  // namespace

unreadable unreadable_of(const input_error& e, nxkx::origin where) {
  return {std::move(where), e.code(), e.path(), localized{e.reason_zh(), e.reason()}};
}

std::string origin_text(const origin& o) {
  std::string out = o.file;
  if (o.index) out += (out.empty() ? "#" : " #") + std::to_string(*o.index);
  if (o.line) out += (out.empty() ? "line " : ":") + std::to_string(*o.line);
  return v(out);
}

std::string decision_text(decision d, stage st, lang l) {
  if (d == decision::incomplete) return std::string(severity_label(severity::incomplete, st, l));
  return std::string(decision_label(d, l));
}

std::string interpretation_text(const finding& f, lang l) { return f.interpretation().in(l); }

table summary_table(const desk_batch& b, const notice& n, lang l) {
  const words& w = words_in(l);
  table t;
  t.header = {std::string(w.file),        std::string(w.id),           std::string(w.applicant),
              std::string(w.credit_code), std::string(w.project_type), std::string(w.decision),
              std::string(w.findings),    std::string(w.main_finding), std::string(w.contact),
              std::string(w.pack)};
  for (const report& r : b.reports) {
    std::string main;
    if (!r.findings.empty()) main = r.findings.front().message(l);
    t.rows.push_back({origin_text(r.origin), v(r.application_id), v(r.applicant_name),
                      v(r.credit_code), v(project_name(n, r.project_type, l)),
                      decision_text(r.decision, r.stage, l), std::to_string(r.findings.size()),
                      v(main), v(contact_of(n, r)), pack_text(r.pack)});
  }
  for (const unreadable& e : b.errors)
    t.rows.push_back({origin_text(e.origin), "", "", "", "", std::string(w.unreadable), "",
                      error_text(e, l), "", pack_text(n.identity())});
  return t;
}

table findings_table(const desk_batch& b, const notice& n, lang l) {
  (void)n;
  const words& w = words_in(l);
  table t;
  t.header = {std::string(w.file),     std::string(w.id),       std::string(w.clause),
              std::string(w.severity), std::string(w.rule),     std::string(w.field),
              std::string(w.message),  std::string(w.expected), std::string(w.found),
              std::string(w.reading)};
  for (const report& r : b.reports)
    for (const finding& f : r.findings)
      t.rows.push_back({origin_text(r.origin), v(r.application_id), clauses_of(f),
                        severity_text(f, r.stage, l), f.rule_id, v(f.path), v(f.message(l)),
                        v(f.expected(l)), v(found_of(f, l)), v(interpretation_text(f, l))});
  for (const unreadable& e : b.errors)
    t.rows.push_back({origin_text(e.origin), "", "", std::string(w.unreadable), e.code, v(e.path),
                      v(e.reason.in(l).empty() ? e.reason.en : e.reason.in(l)), "", "", ""});
  return t;
}

table csv_table(const desk_batch& b, const notice& n, lang l) {
  const words& w = words_in(l);
  table t;
  t.header = {std::string(w.file),        std::string(w.id),           std::string(w.applicant),
              std::string(w.credit_code), std::string(w.project_type), std::string(w.decision),
              std::string(w.findings),    std::string(w.clause),       std::string(w.severity),
              std::string(w.rule),        std::string(w.field),        std::string(w.message),
              std::string(w.expected),    std::string(w.found),        std::string(w.reading),
              std::string(w.contact),     std::string(w.pack)};
  for (const report& r : b.reports) {
    const std::vector<std::string> app{origin_text(r.origin),
                                       v(r.application_id),
                                       v(r.applicant_name),
                                       v(r.credit_code),
                                       v(project_name(n, r.project_type, l)),
                                       decision_text(r.decision, r.stage, l),
                                       std::to_string(r.findings.size())};
    const std::string contact = v(contact_of(n, r));
    const std::string pack = pack_text(r.pack);
    auto row = [&](std::vector<std::string> finding_cells) {
      std::vector<std::string> out = app;
      out.insert(out.end(), finding_cells.begin(), finding_cells.end());
      out.push_back(contact);
      out.push_back(pack);
      t.rows.push_back(std::move(out));
    };
    if (r.findings.empty()) row({"", "", "", "", "", "", "", ""});
    for (const finding& f : r.findings)
      row({clauses_of(f), severity_text(f, r.stage, l), f.rule_id, v(f.path), v(f.message(l)),
           v(f.expected(l)), v(found_of(f, l)), v(interpretation_text(f, l))});
  }
  for (const unreadable& e : b.errors)
    t.rows.push_back({origin_text(e.origin), "", "", "", "", std::string(w.unreadable), "", "",
                      std::string(w.unreadable), e.code, v(e.path),
                      v(e.reason.in(l).empty() ? e.reason.en : e.reason.in(l)), "", "", "", "",
                      pack_text(n.identity())});
  return t;
}

std::string to_csv(const table& t) {
  std::string out = "\xEF\xBB\xBF";  // Excel reads a CSV as UTF-8 only with a byte-order mark
  auto line = [&out](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out += ',';
      const std::string& c = cells[i];
      if (c.find_first_of(",\"\r\n") == std::string::npos) {
        out += c;
        continue;
      }
      out += '"';
      for (char ch : c) {
        if (ch == '"') out += '"';
        out += ch;
      }
      out += '"';
    }
    out += "\r\n";
  };
  line(t.header);
  for (const auto& r : t.rows) line(r);
  return out;
}

std::string to_csv(const desk_batch& b, const notice& n, lang l) {
  return to_csv(csv_table(b, n, l));
}

std::string to_html(const desk_batch& b, const notice& n, lang l) {
  const words& w = words_in(l);
  const notice_info& info = n.info();
  const stage st = b.reports.empty() ? stage::application : b.reports.front().stage;
  std::string out;
  out.reserve(4096 + b.reports.size() * 4096);
  out += "<!DOCTYPE html>\n<html lang=\"";
  out += l == lang::zh ? "zh-CN" : "en";
  out +=
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  out += h(std::string(w.report_title) + " — " + info.issuer + info.number);
  out += "</title>\n<style>";
  out += page_style;
  out += "</style>\n</head>\n<body>\n<header>\n<h1>";
  out += h(w.report_title);
  out += "</h1>\n<p class=\"meta\">";
  out += h(info.issuer + info.number);
  if (!info.title.empty())
    out += h(info.title.starts_with("《") ? info.title : "《" + info.title + "》");
  out += "<br>" + h(w.pack) + (l == lang::zh ? "：" : ": ") + h(pack_text(n.identity()));
  out += "<br>";
  if (!b.reports.empty()) {
    out += h(w.as_of) + (l == lang::zh ? "：" : ": ") + h(format_date(b.reports.front().as_of));
    out += " · " + h(w.stage) + (l == lang::zh ? "：" : ": ");
    out += h(st == stage::application ? w.application_stage : w.completion_stage);
    out += " · ";
  }
  out += std::to_string(b.reports.size()) + " " + h(w.applications);
  constexpr std::array all{decision::accepted, decision::needs_review, decision::incomplete,
                           decision::rejected, decision::complete};
  for (decision d : all) {
    // std::count_if, not std::ranges (Emscripten's libc++ has no ranges::count)
    const auto count = std::count_if(b.reports.begin(), b.reports.end(),
                                     [d](const report& r) { return r.decision == d; });
    if (count == 0) continue;
    out += " · " + h(decision_text(d, st, l)) + " " + std::to_string(count);
  }
  if (!b.errors.empty()) out += " · " + h(w.unreadable) + " " + std::to_string(b.errors.size());
  out += "</p>\n</header>\n";

  // The summary: one row per application, linking to its page.
  out += "<section class=\"summary\">\n<h2>" + h(w.summary) +
         "</h2>\n<table class=\"summary\">\n<thead><tr>";
  for (std::string_view c :
       {w.file, w.id, w.applicant, w.project_type, w.decision, w.findings, w.main_finding})
    out += "<th>" + h(c) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < b.reports.size(); ++i) {
    const report& r = b.reports[i];
    out += "<tr><td class=\"file\">" + h(origin_text(r.origin)) +
           "</td><td class=\"nowrap\"><a href=\"#a" + std::to_string(i) + "\">" +
           h(r.application_id.empty() ? std::string("—") : r.application_id) +
           "</a></td><td class=\"applicant\">" + h(r.applicant_name) + "</td><td class=\"type\">" +
           h(project_name(n, r.project_type, l)) + "</td><td><span class=\"badge " +
           std::string(decision_class(r.decision)) + "\">" +
           h(decision_text(r.decision, r.stage, l)) + "</span></td><td class=\"num\">" +
           std::to_string(r.findings.size()) + "</td><td>" +
           (r.findings.empty() ? std::string() : h(r.findings.front().message(l))) + "</td></tr>\n";
  }
  for (const unreadable& e : b.errors)
    out += "<tr><td class=\"file\">" + h(origin_text(e.origin)) +
           "</td><td>—</td><td></td><td></td><td><span class=\"badge unreadable\">" +
           h(w.unreadable) + "</span></td><td></td><td>" + h(error_text(e, l)) + "</td></tr>\n";
  out += "</tbody>\n</table>\n</section>\n";

  // One application per printed page.
  for (std::size_t i = 0; i < b.reports.size(); ++i) {
    const report& r = b.reports[i];
    out += "<section class=\"application\" id=\"a" + std::to_string(i) + "\">\n<h2>";
    out += h(r.application_id.empty() ? std::string("—") : r.application_id);
    if (!r.applicant_name.empty()) out += " · " + h(r.applicant_name);
    out += " <span class=\"badge " + std::string(decision_class(r.decision)) + "\">" +
           h(decision_text(r.decision, r.stage, l)) + "</span></h2>\n<dl class=\"facts\">\n";
    auto fact = [&](std::string_view term, const std::string& value) {
      if (value.empty()) return;
      out += "<dt>" + h(term) + "</dt><dd>" + h(value) + "</dd>\n";
    };
    fact(w.file, origin_text(r.origin));
    fact(w.title, r.title);
    fact(w.project_type, project_name(n, r.project_type, l) +
                             (r.project_type.empty() ? "" : " (" + r.project_type + ")"));
    fact(w.credit_code, r.credit_code);
    fact(w.as_of, format_date(r.as_of));
    fact(w.contact, contact_of(n, r));
    out += "</dl>\n";
    if (r.findings.empty()) {
      out += "<p>" + h(w.no_findings) + "</p>\n";
    } else {
      out += "<table class=\"findings\">\n<thead><tr><th>" + h(w.severity) + "</th><th>" +
             h(w.clause) + "</th><th>" + h(w.message) + "</th><th>" + h(w.expected) + "</th><th>" +
             h(w.found) + "</th></tr></thead>\n<tbody>\n";
      for (const finding& f : r.findings) {
        out += "<tr><td><span class=\"badge " + std::string(severity_class(f.level)) + "\">" +
               h(severity_text(f, r.stage, l)) + "</span></td><td class=\"clause\">" +
               h(clauses_of(f)) + "</td><td>" + h(f.message(l)) + "<div class=\"path\">" +
               h(f.rule_id) + (f.path.empty() ? std::string() : " · " + h(f.path)) + "</div>";
        for (const auto& c : f.clauses()) {
          if (c.quote.empty()) continue;
          out += "<div class=\"quote\">" + h(c.ref) + " " + h(c.quote) + "</div>";
        }
        const std::string reading = interpretation_text(f, l);
        if (!reading.empty())
          out += "<div class=\"reading\">" + h(w.reading) + (l == lang::zh ? "：" : ": ") +
                 h(reading) + "</div>";
        out += "</td><td class=\"expected\">" + h(f.expected(l)) + "</td><td class=\"found\">" +
               h(found_of(f, l)) + "</td></tr>\n";
      }
      out += "</tbody>\n</table>\n";
    }
    out += "</section>\n";
  }

  if (!b.errors.empty()) {
    out += "<section class=\"errors\">\n<h2>" + h(w.errors_heading) +
           "</h2>\n<table>\n<thead><tr><th>" + h(w.file) + "</th><th>" + h(w.where) + "</th><th>" +
           h(w.reason) + "</th><th>" + h(w.code) + "</th></tr></thead>\n<tbody>\n";
    for (const unreadable& e : b.errors)
      out += "<tr><td>" + h(origin_text(e.origin)) + "</td><td class=\"path\">" + h(e.path) +
             "</td><td>" + h(e.reason.in(l).empty() ? e.reason.en : e.reason.in(l)) + "</td><td>" +
             h(e.code) + "</td></tr>\n";
    out += "</tbody>\n</table>\n</section>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

std::string to_brief(const report& r, const notice& n, lang l) {
  const words& w = words_in(l);
  std::string out;
  const std::string where = origin_text(r.origin);
  if (!where.empty()) out += where + " · ";
  out += r.application_id.empty() ? std::string("—") : v(r.application_id);
  if (!r.applicant_name.empty()) out += " · " + v(r.applicant_name);
  out += " · " + v(project_name(n, r.project_type, l));
  out += ": " + decision_text(r.decision, r.stage, l);
  if (!r.findings.empty())
    out += l == lang::zh ? " (" + std::to_string(r.findings.size()) + " 个问题)"
                         : " (" + std::to_string(r.findings.size()) +
                               (r.findings.size() == 1 ? " finding)" : " findings)");
  out += '\n';
  for (const finding& f : r.findings) {
    std::string line = "  [" + severity_text(f, r.stage, l) + "] ";
    const std::string clauses = clauses_of(f);
    if (!clauses.empty()) line += clauses + " ";
    line += f.rule_id;
    if (!f.path.empty()) line += " " + v(f.path);
    line += ": " + v(f.message(l));
    const std::string expected = v(f.expected(l)), found = v(found_of(f, l));
    // ASCII colons and brackets in both languages, as in to_text: scripts grep either alike.
    if (!expected.empty() || !found.empty()) {
      line += " (";
      if (!expected.empty()) line += std::string(w.expected) + ": " + expected;
      if (!expected.empty() && !found.empty()) line += "; ";
      if (!found.empty()) line += std::string(w.found) + ": " + found;
      line += ")";
    }
    out += line + '\n';
  }
  return out;
}

}  // namespace nxkx
