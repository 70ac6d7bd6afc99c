// Reports for programs (JSON) and for people (text). The JSON shape is documented in README.md
// ("Report JSON"); keys keep their documented order (ordered_json) so output diffs stay small.
#include "nxkx/report.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace nxkx {

namespace {

using ojson = nlohmann::ordered_json;

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

ojson localized_json(const localized& t) { return ojson{{"zh", t.zh}, {"en", t.en}}; }

ojson localized_json(label_pair t) {
  return ojson{{"zh", std::string(t.zh)}, {"en", std::string(t.en)}};
}

std::string joined_clauses(const std::vector<clause_ref>& clauses) {
  std::string out;
  for (const auto& c : clauses) {
    if (!out.empty()) out += "、";
    out += c.ref;
  }
  return out;
}

ojson finding_json(const finding& f, stage st) {
  ojson clauses = ojson::array();
  for (const auto& c : f.clauses) clauses.push_back(ojson{{"ref", c.ref}, {"quote", c.quote}});
  ojson j;
  j["rule_id"] = f.rule_id;
  j["kind"] = f.kind;
  ojson sev = localized_json(severity_labels(f.level, st));
  j["severity"] =
      ojson{{"code", std::string(to_code(f.level))}, {"zh", sev["zh"]}, {"en", sev["en"]}};
  j["unknown"] = f.unknown;
  j["clause"] = joined_clauses(f.clauses);
  j["clauses"] = std::move(clauses);
  if (!f.interpretation.empty()) j["interpretation"] = f.interpretation;
  j["path"] = f.path;
  j["message"] = localized_json(f.message);
  j["expected"] = localized_json(f.expected);
  j["found"] = localized_json(f.found);
  j["contact"] = ojson{{"name", f.whom_to_call.name}, {"phone", f.whom_to_call.phone}};
  return j;
}

// ---- text ----

struct words {
  std::string_view application, project, as_of, title, decision, expected, found, not_given, clause,
      reading, contact, trace, passed, failed, not_applicable, no_findings;
};

constexpr words zh_words{"申报", "项目",   "核验日期", "名称",      "结论",   "应为",
                         "实为", "未填写", "条款",     "解读",      "联系人", "核验规则",
                         "通过", "未通过", "不适用",   "未发现问题"};
constexpr words en_words{"Application", "Project",  "as of",          "Title",
                         "Decision",    "expected", "found",          "not given",
                         "Clause",      "Reading",  "Contact",        "Rules evaluated",
                         "passed",      "failed",   "not applicable", "no findings"};

const words& words_in(lang l) noexcept { return l == lang::zh ? zh_words : en_words; }

// One ASCII colon in both languages (not "："), so scripts can grep either alike.
std::string render_text(const report& r, lang l, std::string_view project_name) {
  const words& w = words_in(l);
  std::string out;
  auto line = [&out](std::string_view indent, std::string_view text) {
    out += indent;
    out += text;
    out += '\n';
  };

  std::string head{w.application};
  head += ' ';
  head += r.application_id.empty() ? std::string("—") : r.application_id;
  if (!r.applicant_name.empty()) head += " · " + r.applicant_name;
  if (!r.credit_code.empty()) head += " (" + r.credit_code + ")";
  line("", head);

  std::string project{w.project};
  project += ": ";
  if (!project_name.empty()) {
    project += project_name;
    project += " (" + r.project_type + ")";
  } else {
    project += r.project_type.empty() ? std::string("—") : r.project_type;
  }
  project += " · ";
  project += w.as_of;
  project += ' ';
  project += format_date(r.as_of);
  line("  ", project);

  if (!r.title.empty()) line("  ", std::string(w.title) + ": " + r.title);
  line("  ",
       std::string(w.decision) + ": " + std::string(decision_labels(r.decision, r.stage).in(l)));

  for (const auto& f : r.findings) {
    std::string h{marker(f.level)};
    h += " [";
    h += severity_labels(f.level, r.stage).in(l);
    h += "] ";
    const std::string clause = joined_clauses(f.clauses);
    if (!clause.empty()) h += clause + " ";
    h += f.rule_id;
    if (!f.path.empty()) h += " — " + f.path;
    line("  ", h);

    if (!f.message.in(l).empty()) line("      ", f.message.in(l));
    const std::string& expected = f.expected.in(l);
    std::string found = f.found.in(l);
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
    for (const auto& c : f.clauses) {
      if (c.quote.empty()) continue;
      std::string q{w.clause};
      if (f.clauses.size() > 1) q += " " + c.ref;
      q += ": \"" + c.quote + "\"";
      line("      ", q);
    }
    if (!f.interpretation.empty()) line("      ", std::string(w.reading) + ": " + f.interpretation);
    if (!f.whom_to_call.name.empty() || !f.whom_to_call.phone.empty()) {
      std::string c{w.contact};
      c += ": " + f.whom_to_call.name;
      if (!f.whom_to_call.phone.empty()) c += " " + f.whom_to_call.phone;
      line("      ", c);
    }
  }

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

std::string_view to_code(rule_status s) noexcept {
  switch (s) {
    case rule_status::passed:
      return "passed";
    case rule_status::failed:
      return "failed";
    case rule_status::not_applicable:
      return "not_applicable";
  }
  return "";
}

std::string_view decision_label(decision d, lang l) noexcept { return decision_labels(d).in(l); }

std::string_view severity_label(severity s, nxkx::stage st, lang l) noexcept {
  return severity_labels(s, st).in(l);
}

std::string to_json(const report& r, int indent) {
  ojson j;
  j["notice_id"] = r.notice_id;
  j["stage"] = std::string(to_code(r.stage));
  j["as_of"] = format_date(r.as_of);
  j["application"] = ojson{{"id", r.application_id},
                           {"title", r.title},
                           {"project_type", r.project_type},
                           {"applicant_name", r.applicant_name},
                           {"credit_code", r.credit_code}};
  ojson dec = localized_json(decision_labels(r.decision, r.stage));
  j["decision"] =
      ojson{{"code", std::string(to_code(r.decision))}, {"zh", dec["zh"]}, {"en", dec["en"]}};
  ojson findings = ojson::array();
  for (const auto& f : r.findings) findings.push_back(finding_json(f, r.stage));
  j["findings"] = std::move(findings);
  if (!r.trace.empty()) {
    ojson trace = ojson::array();
    for (const auto& t : r.trace)
      trace.push_back(ojson{{"rule_id", t.rule_id}, {"status", std::string(to_code(t.status))}});
    j["trace"] = std::move(trace);
  }
  // Replace rather than throw: a report must always print, even of odd bytes in an input.
  return j.dump(indent < 0 ? -1 : indent, ' ', false, ojson::error_handler_t::replace);
}

std::string to_text(const report& r, lang l) { return render_text(r, l, {}); }

std::string to_text(const report& r, lang l, const notice& n) {
  const project_type_info* p = n.find_project_type(r.project_type);
  return render_text(r, l, p != nullptr ? std::string_view(p->name.in(l)) : std::string_view{});
}

}  // namespace nxkx
