// `nxkx pack lint` (lint.hpp): what a pack that loads may still get wrong. Every check works on
// the pack's own JSON (for pointers) and the loaded notice (for what it means).
#include "nxkx/lint.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "declarations_read.hpp"
#include "nxkx/date.hpp"
#include "nxkx/error.hpp"
#include "pack_reader.hpp"

namespace nxkx {
namespace {

using ojson = nlohmann::ordered_json;

// A JSON pointer one level down (the loader's, so every tool names a place the same way).
template <class Key>
std::string pointer(const std::string& base, Key key) {
  return detail::child(base, key);
}

/// The text without white space and Markdown emphasis, the PDF extraction's ９ read as ，.
std::string normalised(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '*') continue;
    if (s.compare(i, 3, "\xE3\x80\x80") == 0) {  // U+3000 ideographic space
      i += 2;
      continue;
    }
    if (s.compare(i, 3, "\xEF\xBC\x99") == 0) {  // ９ for ，
      out += "\xEF\xBC\x8C";
      i += 2;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

/// Every integer value of a JSON tree.
void integers_of(const ojson& j, std::set<long long>& out) {
  if (j.is_number_integer()) out.insert(j.get<long long>());
  if (j.is_structured())
    for (const auto& v : j) integers_of(v, out);
}

/// The integers written in a text ("不少于4场" → 4; "50,000" → 50000).
std::vector<long long> numbers_in(std::string_view s) {
  std::vector<long long> out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] < '0' || s[i] > '9') {
      ++i;
      continue;
    }
    long long v = 0;
    while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || (s[i] == ',' && i + 1 < s.size() &&
                                                             s[i + 1] >= '0' && s[i + 1] <= '9'))) {
      if (s[i] != ',') v = v * 10 + (s[i] - '0');
      if (v > 1'000'000'000) break;
      ++i;
    }
    if (s.compare(i, 3, "\xE4\xB8\x87") == 0) v *= 10000;  // 万
    out.push_back(v);
  }
  return out;
}

const char* weekday_zh(unsigned wd) {
  static const std::array<const char*, 7> names{"星期日", "星期一", "星期二", "星期三",
                                                "星期四", "星期五", "星期六"};
  return names[wd % 7];
}

class linter {
 public:
  linter(const notice& n, std::string_view text)
      : n_(n), pack_(ojson::parse(n.source())), text_(text.empty() ? "" : normalised(text)) {}

  std::vector<lint_issue> run() {
    weekdays();
    quotes();
    unused();
    fact_labels();
    unreachable();
    titles();
    thresholds();
    return std::move(out_);
  }

 private:
  void add(bool error, std::string code, std::string path, std::string zh, std::string en) {
    out_.push_back({error, std::move(code), std::move(path), {std::move(zh), std::move(en)}});
  }

  void weekdays() {
    for (const auto& [day, stated] : n_.info().stated_weekdays) {
      const unsigned wd = std::chrono::weekday(std::chrono::sys_days(day)).c_encoding();
      if (stated != weekday_zh(wd))
        add(true, "lint.weekday", pointer("/notice/stated_weekdays", format_date(day)),
            format_date(day) + " 是" + weekday_zh(wd) + "，不是" + stated,
            format_date(day) + " is a " + weekday_zh(wd) + ", not a " + stated);
    }
  }

  void quotes() {
    // A pack whose text is a summary (/notice/text_is_summary) quotes the summary: say so
    // rather than claim the notice's words.
    const bool summary = n_.info().text_is_summary;
    if (text_.empty()) {
      // The pack names its text but the caller gave none (Python's Notice.lint() without it):
      // say that the quotes went unchecked rather than pass them in silence. The command reads
      // the file, and one that cannot be read is an error there (exit 2).
      if (!n_.info().text_file.empty())
        add(false, "lint.text", "/notice/text",
            std::string(summary ? "规则包写明了通知摘要 " : "规则包写明了通知文本 ") +
                n_.info().text_file + "，但未提供其内容：条款原文未核对",
            std::string(summary ? "the pack names its summary of the notice, "
                                : "the pack names its notice's text, ") +
                n_.info().text_file + ", but it was not given: the quotes are not checked");
      return;
    }
    for (const auto& [ref, quote] : pack_["clauses"].items()) {
      std::string q = quote.get<std::string>();
      std::size_t start = 0;
      while (start <= q.size()) {
        const std::size_t space = q.find(' ', start);
        const std::string part = normalised(
            q.substr(start, space == std::string::npos ? std::string::npos : space - start));
        if (!part.empty() && text_.find(part) == std::string::npos)
          add(true, "lint.quote", pointer("/clauses", ref),
              summary ? "条款 " + ref + " 的摘录“" + part + "”不在通知摘要中"
                      : "条款 " + ref + " 的原文“" + part + "”不在通知文本中",
              summary ? "the quote of " + ref + " (\"" + part +
                            "\") is not in the summary of the notice"
                      : "the quote of " + ref + " (\"" + part + "\") is not in the notice's text");
        if (space == std::string::npos) break;
        start = space + 1;
      }
    }
  }

  void unused() {
    const std::set<std::string> used = detail::names_used(n_, pack_);
    // A kind no type admits is the idiom for "not one of the notice's applicants" (§4.1) when
    // an applicant_kind rule judges it: the application is read and rejected, not an input
    // error. Only without such a rule is the kind unused.
    auto rejected_by_a_rule = [&](const std::string& kind) {
      for (const rule_info& r : n_.rules())
        if (r.kind == "applicant_kind" &&
            (r.applicant_kinds.empty() ||
             std::find(r.applicant_kinds.begin(), r.applicant_kinds.end(), kind) !=
                 r.applicant_kinds.end()))
          return true;
      return false;
    };
    const ojson& kinds = pack_["applicant_kinds"];
    for (std::size_t i = 0; i < kinds.size(); ++i)
      if (!used.count(kinds[i]["code"].get<std::string>()) &&
          !rejected_by_a_rule(kinds[i]["code"].get<std::string>()))
        add(false, "lint.unused", pointer("/applicant_kinds", i) + "/code",
            "申报主体类别 " + kinds[i]["code"].get<std::string>() + " 没有项目类型接受",
            "no project type admits the applicant kind " + kinds[i]["code"].get<std::string>());
    if (pack_.contains("contacts"))
      for (std::size_t i = 0; i < pack_["contacts"].size(); ++i)
        if (!used.count(pack_["contacts"][i]["code"].get<std::string>()))
          add(false, "lint.unused", pointer("/contacts", i),
              "联系人 " + pack_["contacts"][i]["code"].get<std::string>() + " 没有项目类型使用",
              "no project type names the contact " +
                  pack_["contacts"][i]["code"].get<std::string>());
    const auto& decls = n_.declarations();
    for (std::size_t i = 0; i < decls.size(); ++i) {
      const declaration_info& d = decls[i];
      // Still asked for (nxkx new, the schema, the applicant's page): a portal may collect it.
      if (!detail::declaration_read(d, used))
        add(false, "lint.unused", pointer("/declarations", i) + "/name",
            "声明 " + d.name + " 没有规则使用：申报书会询问它，但不据此核验",
            "no rule reads the declaration " + d.name +
                ": the form asks for it and nothing judges it");
      if (d.type != declaration_type::code || d.codes.empty()) continue;
      // A code of its list that no rule names is one no rule treats differently: fine for a
      // list whose every code is allowed; a warning shows which.
      std::size_t named = 0;
      std::vector<std::string_view> codes = n_.codes(d.codes);
      for (std::string_view c : codes) named += used.count(std::string(c));
      if (named == 0 && !codes.empty())
        add(false, "lint.unused", pointer("/declarations", i) + "/codes",
            "代码表 " + d.codes + " 的代码没有一个被规则提到",
            "no rule names any code of the list " + d.codes);
    }
  }

  // A `fact.NAME` label of the vocabulary is the `{item}` of a `facts` finding on that fact (a
  // declaration or a shared fact such as submission.word_version.emailed, relabelled by the
  // pack: 电子版). One that names no declaration and no shared fact shows nowhere; a fact read by a
  // rule whose messages name {item} without a label shows its bare code (docs/pack-format.md §4.6).
  void fact_labels() {
    // The name a finding's label is looked up by: a declaration's own name
    // (submission.bound_with_supplements → bound_with_supplements), or the shared fact's.
    std::set<std::string> facts;
    for (std::string_view f : detail::shared_fact_names()) facts.insert(std::string(f));
    facts.insert("submission.word_version");  // the shared field, as the catalogue names it
    for (const auto& d : n_.declarations())
      facts.insert(d.scope == declaration_scope::history ? "history." + d.name : d.name);
    auto label_name = [&](const std::string& fact) {
      constexpr std::string_view prefix = "submission.";
      if (fact.starts_with(prefix) && !facts.count(fact) && facts.count(fact.substr(prefix.size())))
        return fact.substr(prefix.size());
      return fact;
    };
    const ojson& rules = pack_["rules"];
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const ojson& r = rules[i];
      if (r["kind"] != "facts" || !r["params"].contains("conditions")) continue;
      const bool shows_item = r["messages"].dump().find("{item}") != std::string::npos;
      const ojson& conds = r["params"]["conditions"];
      for (std::size_t c = 0; c < conds.size(); ++c) {
        const std::string fact = label_name(conds[c]["fact"].get<std::string>());
        if (shows_item && !n_.label("fact." + fact))
          add(false, "lint.fact_label",
              pointer(pointer(pointer(pointer("/rules", i), "params"), "conditions"), c) + "/fact",
              "规则的消息使用 {item}，但词表没有 fact." + fact + "：结论会显示代码",
              "the rule's messages use {item} and the vocabulary has no fact." + fact +
                  ": findings show the bare code");
      }
    }
    for (const auto& [key, value] : pack_["vocabulary"].items())
      if (key.starts_with("fact.") && !facts.count(key.substr(5)))
        add(false, "lint.unused", pointer("/vocabulary", key),
            "词表项 " + key + " 不是任何声明或共享事实的标签，不会显示",
            "the label " + key + " names no declaration and no shared fact, so it shows nowhere");
  }

  void unreachable() {
    const ojson& rules = pack_["rules"];
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const rule_info& r = n_.rules()[i];
      if (r.applicant_kinds.empty()) continue;
      bool reachable = false;
      for (const auto& t : n_.project_types()) {
        if (!r.project_types.empty() && std::find(r.project_types.begin(), r.project_types.end(),
                                                  t.code) == r.project_types.end())
          continue;
        for (const std::string& k : r.applicant_kinds)
          reachable =
              reachable || std::find(t.eligible.begin(), t.eligible.end(), k) != t.eligible.end();
      }
      if (!reachable)
        add(true, "lint.unreachable", pointer("/rules", i) + "/applies_to",
            "规则 " + r.id + " 不适用于任何申报：其申报主体类别不能申报其项目类型",
            "the rule " + r.id +
                " applies to no application: none of its applicant kinds may apply for its "
                "project types");
    }
  }

  /// The title without the dates of the notice it names (written "Y年M月D日", "M月D日" or
  /// "YYYY-MM-DD"): those are the notice's values, written in /notice. Another date stays, and
  /// its numbers are then flagged.
  std::string without_notice_dates(std::string title) const {
    std::set<std::string> dates;
    auto note = [&](const date& d) {
      const int y = static_cast<int>(d.year());
      const unsigned m = static_cast<unsigned>(d.month()), dd = static_cast<unsigned>(d.day());
      dates.insert(std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(dd) + "日");
      dates.insert(std::to_string(m) + "月" + std::to_string(dd) + "日");
      dates.insert(format_date(d));
    };
    note(n_.info().issued);
    if (n_.info().application_deadline) note(*n_.info().application_deadline);
    if (n_.info().application_opens) note(*n_.info().application_opens);
    for (const auto& t : n_.project_types()) note(t.completion_deadline);
    // Longest first, so that "Y年M月D日" is taken out before "M月D日" is looked for.
    std::vector<std::string> sorted(dates.begin(), dates.end());
    std::sort(sorted.begin(), sorted.end(),
              [](const std::string& x, const std::string& y) { return x.size() > y.size(); });
    for (const std::string& d : sorted)
      for (std::size_t at = title.find(d); at != std::string::npos; at = title.find(d, at))
        title.replace(at, d.size(), " ");
    return title;
  }

  void titles() {
    std::set<long long> years;
    years.insert(static_cast<int>(n_.info().issued.year()));
    for (int y : n_.info().history_years) years.insert(y);
    const ojson& rules = pack_["rules"];
    for (std::size_t i = 0; i < rules.size(); ++i) {
      std::set<long long> own;
      integers_of(rules[i]["params"], own);
      for (const char* l : {"zh", "en"}) {
        const std::string title = without_notice_dates(rules[i]["title"][l].get<std::string>());
        for (long long v : numbers_in(title)) {
          if (years.count(v) || v == 1 || v == 0) continue;
          if (own.count(v)) {
            // Written as "5万" a value cannot be a placeholder: nothing to say then.
            if (title.find(std::to_string(v)) == std::string::npos) continue;
            // A title is a template over its params: the number is written once, in params.
            add(false, "lint.title_restates", pointer("/rules", i) + "/title/" + l,
                "标题照抄了参数中的 " + std::to_string(v) +
                    "：请写作占位符（如 {min}），由参数填入",
                "the title restates " + std::to_string(v) +
                    ", a value of the rule's params: write its placeholder (e.g. {min}) instead");
          } else {
            add(false, "lint.title_number", pointer("/rules", i) + "/title/" + l,
                "标题写有 " + std::to_string(v) +
                    "，而规则参数中没有这个值：参数改了，标题要一起改",
                "the title states " + std::to_string(v) +
                    ", which is not a value of the rule's params: change it with them");
          }
        }
      }
    }
  }

  void thresholds() {
    // A promised target (plan_target) and the count required at completion, per project type.
    static const std::map<std::string, std::string> pairs = {{"partners", "partner_societies"},
                                                             {"experts", "experts"},
                                                             {"transfers", "transfers"},
                                                             {"platform_items", "platform_items"},
                                                             {"media_reports", "media_reports"}};
    const ojson& rules = pack_["rules"];
    for (const auto& t : n_.project_types()) {
      std::map<std::string, std::pair<long long, std::size_t>> promised, required;
      for (std::size_t i = 0; i < rules.size(); ++i) {
        const rule_info& r = n_.rules()[i];
        if (!r.project_types.empty() && std::find(r.project_types.begin(), r.project_types.end(),
                                                  t.code) == r.project_types.end())
          continue;
        const ojson& p = rules[i]["params"];
        if (r.kind == "plan_target" && p.contains("target") && p.contains("min"))
          promised[p["target"].get<std::string>()] = {p["min"].get<long long>(), i};
        if (r.stage == stage::completion && p.contains("min")) {
          if (r.kind == "partner_societies")
            required["partner_societies"] = {p["min"].get<long long>(), i};
          if (r.kind == "record_count" && p.contains("records"))
            required[p["records"].get<std::string>()] = {p["min"].get<long long>(), i};
        }
      }
      for (const auto& [target, what] : pairs) {
        auto a = promised.find(target);
        auto b = required.find(what);
        if (a == promised.end() || b == required.end() || a->second.first == b->second.first)
          continue;
        add(false, "lint.thresholds", pointer("/rules", a->second.second) + "/params/min",
            t.code + "：申报时的预期目标 " + target + " 不少于 " + std::to_string(a->second.first) +
                "，结项时却要求 " + std::to_string(b->second.first) + "（" +
                pointer("/rules", b->second.second) + "）",
            t.code + ": the promised target " + target + " is at least " +
                std::to_string(a->second.first) + ", but completion asks for " +
                std::to_string(b->second.first) + " (" + pointer("/rules", b->second.second) + ")");
      }
    }
  }

  const notice& n_;
  ojson pack_;
  std::string text_;
  std::vector<lint_issue> out_;
};

}  // namespace

std::vector<lint_issue> lint(const notice& n, std::string_view notice_text) {
  return linter(n, notice_text).run();
}

std::string lint_json(const notice& n, const std::vector<lint_issue>& issues, int indent) {
  ojson doc;
  doc["pack"] = ojson{
      {"id", n.identity().id}, {"version", n.identity().version}, {"sha256", n.identity().sha256}};
  std::size_t errors = 0;
  ojson list = ojson::array();
  for (const auto& i : issues) {
    errors += i.error ? 1 : 0;
    list.push_back(ojson{{"level", i.error ? "error" : "warning"},
                         {"code", i.code},
                         {"path", i.path},
                         {"message", {{"zh", i.message.zh}, {"en", i.message.en}}}});
  }
  doc["errors"] = errors;
  doc["warnings"] = issues.size() - errors;
  doc["issues"] = std::move(list);
  return doc.dump(indent < 0 ? -1 : indent, ' ', false, ojson::error_handler_t::replace);
}

std::string lint_text(const notice& n, const std::vector<lint_issue>& issues, lang l) {
  const bool zh = l == lang::zh;
  std::string out;
  std::size_t errors = 0;
  for (const auto& i : issues) {
    errors += i.error ? 1 : 0;
    out += std::string(i.error ? (zh ? "错误 " : "error ") : (zh ? "警告 " : "warning ")) + i.path +
           ": " + i.message.in(l) + " [" + i.code + "]\n";
  }
  const pack_identity& p = n.identity();
  out += (zh ? "规则包 " : "pack ") + p.id + " " + p.version + " sha256 " + p.sha256.substr(0, 12) +
         (zh ? "：" : ": ") + std::to_string(errors) + (zh ? " 个错误，" : " errors, ") +
         std::to_string(issues.size() - errors) + (zh ? " 个警告\n" : " warnings\n");
  return out;
}

}  // namespace nxkx
