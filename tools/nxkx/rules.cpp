// nxkx rules: every rule of the pack with its clause, quote, outcome and reading.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli.hpp"

namespace nxkx::cli {

namespace {

using ojson = nlohmann::ordered_json;

ojson severity_json(severity s, stage st) {
  return ojson{{"code", std::string(to_code(s))},
               {"zh", std::string(severity_label(s, st, lang::zh))},
               {"en", std::string(severity_label(s, st, lang::en))}};
}

bool selected(const rule_info& r, const common_options& o) {
  return o.stage.empty() || to_code(r.stage) == o.stage;
}

std::string rules_json(const notice& n, const common_options& o) {
  ojson list = ojson::array();
  for (const auto& r : n.rules()) {
    if (!selected(r, o)) continue;
    ojson j;
    j["id"] = r.id;
    j["kind"] = r.kind;
    j["stage"] = std::string(to_code(r.stage));
    j["title"] = ojson{{"zh", r.title.zh}, {"en", r.title.en}};
    j["clause"] = r.clause_text();
    ojson clauses = ojson::array();
    for (const auto& c : r.clauses) clauses.push_back(ojson{{"ref", c.ref}, {"quote", c.quote}});
    j["clauses"] = std::move(clauses);
    if (!r.interpretation.empty())
      j["interpretation"] = ojson{{"zh", r.interpretation.zh}, {"en", r.interpretation.en}};
    j["outcome"] = severity_json(r.outcome, r.stage);
    j["when_unknown"] = severity_json(r.when_unknown, r.stage);
    j["project_types"] = r.project_types;
    j["applicant_kinds"] = r.applicant_kinds;
    j["params"] =
        r.params_json.empty() ? ojson(nullptr) : ojson::parse(r.params_json, nullptr, false);
    list.push_back(std::move(j));
  }
  ojson doc;
  doc["notice"] = n.info().id;
  doc["rules"] = std::move(list);
  return doc.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

std::string rules_text(const notice& n, const common_options& o) {
  const lang l = o.language();
  const bool zh = l == lang::zh;
  std::string out;
  // The quotes below are the pack's summary's words, not the notice's (/notice/text_is_summary).
  if (n.info().text_is_summary)
    out += zh ? "条款摘自通知摘要 " + n.info().text_file + "，非通知原文\n"
              : "Clauses are quoted from " + n.info().text_file +
                    ", a summary of the notice, not its own words\n";
  std::size_t count = 0;
  for (const auto& r : n.rules()) {
    if (!selected(r, o)) continue;
    ++count;
    out += r.clause_text() + " " + r.id + " (" + r.kind + ", " +
           (r.stage == stage::application ? (zh ? "申报" : "application")
                                          : (zh ? "结项" : "completion")) +
           ")\n";
    if (!r.title.in(l).empty()) out += "    " + r.title.in(l) + "\n";
    for (const auto& c : r.clauses) {
      if (c.quote.empty()) continue;
      out += std::string(zh ? "    条款" : "    Clause") +
             (r.clauses.size() > 1 ? " " + c.ref : "") + ": \"" + c.quote + "\"\n";
    }
    out += std::string(zh ? "    不符合时: " : "    When broken: ") +
           std::string(severity_label(r.outcome, r.stage, l)) +
           (zh ? "  未填写时: " : "  when not stated: ") +
           std::string(severity_label(r.when_unknown, r.stage, l)) + "\n";
    if (!r.project_types.empty()) {
      std::string types;
      // Labels as the notice gives them, each with its code (T2 of pack-format-trial.md).
      for (const auto& t : r.project_types) {
        const project_type_info* p = n.find_project_type(t);
        types += (types.empty() ? "" : ", ") +
                 (p != nullptr && !p->name.in(l).empty() ? p->name.in(l) + " (" + t + ")" : t);
      }
      out += std::string(zh ? "    适用项目: " : "    Project types: ") + types + "\n";
    }
    if (!r.applicant_kinds.empty()) {
      std::string kinds;
      for (const std::string& k : r.applicant_kinds) {
        const applicant_kind_info* a = n.find_applicant_kind(k);
        kinds += (kinds.empty() ? "" : ", ") +
                 (a != nullptr && !a->name.in(l).empty() ? a->name.in(l) + " (" + k + ")" : k);
      }
      out += std::string(zh ? "    申报主体: " : "    Applicant kinds: ") + kinds + "\n";
    }
    if (!r.interpretation.in(l).empty())
      out += std::string(zh ? "    解读: " : "    Reading: ") + r.interpretation.in(l) + "\n";
  }
  out += zh ? "共 " + std::to_string(count) + " 条规则\n"
            : std::to_string(count) + (count == 1 ? " rule\n" : " rules\n");
  return out;
}

}  // namespace

runner add_rules(CLI::App& app) {
  auto o = std::make_shared<common_options>();
  CLI::App* sub = app.add_subcommand(
      "rules",
      "List every rule of the notice pack: id, requirement kind, clause, quoted clause text, "
      "outcome when broken, and the reading chosen where the notice is ambiguous.");
  add_lang_option(*sub, *o);
  add_format_option(*sub, *o);
  add_notice_option(*sub, *o);
  add_stage_option(*sub, *o, "Only the rules of this stage: application or completion");
  return [o] {
    const auto n = load_notice(*o);
    if (!n) return int{exit_bad_input};
    write_out(o->json() ? rules_json(*n, *o) : rules_text(*n, *o));
    return int{exit_ok};
  };
}

}  // namespace nxkx::cli
