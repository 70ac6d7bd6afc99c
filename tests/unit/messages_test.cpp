// Every message template of the built-in pack, in both languages, rendered with real values:
// each (rule, template) is reached by a real case — the conformance corpus, the examples, and a
// few cases built here — and every text a finding carries (message, expected, found), every rule
// title and reading, and every amendment, passes a checker that fails on a placeholder left
// unfilled, a number without its unit (字, 场, 人, 篇, 项, 名, 份 …), an English count whose noun
// does not agree with it ("1 events"), a unit after nothing ("未填写 人") or a double negative.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "test_support.hpp"

namespace nxkx {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using test::good_application;
using test::ymd;

// ---- the checker ----

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// The number's neighbourhood says it is no count: part of a date, a code, a JSON pointer, a
/// clause reference, a version, an e-mail, a phone number, a byte offset or place.
bool not_a_count(std::string_view s, std::size_t begin, std::size_t end) {
  const char before = begin > 0 ? s[begin - 1] : ' ';
  const char after = end < s.size() ? s[end] : ' ';
  if (is_ascii_letter(before) || is_ascii_letter(after)) return true;  // 51640000MJX…, UTF-8
  for (char c : {'-', '/', '.', ':', '+', '_', '#', '~'})
    if (before == c || after == c) return true;  // dates, pointers, 163.com, U+3000
  // Clause references: 二(三)4, 一(一)1(1) — never "(1498)" for a count.
  if (before == ')' || after == '(' || (before == '(' && after == ')' && end - begin <= 2))
    return true;
  if (end - begin >= 6) return true;  // division and credit codes, 640000
  const std::string_view head = s.substr(0, begin);
  for (std::string_view p : {"）", "…", "—", "–"})  // 一(一)1（1）, the end of a range 3—8
    if (head.ends_with(p)) return true;
  for (std::string_view p :
       {"byte ", "line ", "item ", "no. ", "position ", "positions ", "character ", "starting ",
        "start with ", "starting with ", "以", "GB "})
    if (head.ends_with(p)) return true;
  const std::string_view tail = s.substr(end);
  for (std::string_view p : {"—", "–", "、", "开头", " or ", " and "})  // 3—8位, 2023、2024年
    if (tail.starts_with(p)) return true;
  // A year (the 2024 inspection, in 2023) in English.
  if (end - begin == 4 && (s.substr(begin, 2) == "19" || s.substr(begin, 2) == "20")) return true;
  return false;
}

const std::vector<std::string_view> zh_units = {"字", "场次", "场", "人", "篇",  "项",
                                                "名", "份",   "个", "条", "年",  "月",
                                                "日", "位",   "行", "元", "万元"};

/// An English count's noun: singular and plural, e.g. {"person", "people"}.
struct noun {
  std::string_view one, many;
};
const std::vector<noun> en_nouns = {
    {"event", "events"},
    {"person", "people"},
    {"yuan", "yuan"},
    {"summary", "summaries"},
    {"item", "items"},
    {"result", "results"},
    {"report", "reports"},
    {"expert", "experts"},
    {"copy", "copies"},
    {"society", "societies"},
    {"project", "projects"},
    {"字", "字"},
    {"基层“三会”", "基层“三会”"},
    {"measure", "measures"},
    {"record", "records"},
    {"applicant", "applicants"},
    {"case study", "case studies"},
    {"case", "cases"},
    {"need", "needs"},
    {"salon", "salons"},
    {"symposium", "symposia"},
    {"exchange", "exchanges"},
    {"division", "divisions"},
    {"character", "characters"},
    {"city", "cities"},
    {"part", "parts"},
    {"yuan", "yuan"},
};
const std::vector<std::string_view> months = {"January",   "February", "March",    "April",
                                              "May",       "June",     "July",     "August",
                                              "September", "October",  "November", "December"};

/// Words until the next punctuation, at most `n`.
std::vector<std::string> words_after(std::string_view s, std::size_t at, std::size_t n) {
  std::vector<std::string> out;
  std::string w;
  for (std::size_t i = at; i < s.size() && out.size() < n; ++i) {
    const char c = s[i];
    if (c == ' ') {
      if (!w.empty()) out.push_back(std::move(w));
      w.clear();
      continue;
    }
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '.') break;
    if (c == '"') continue;  // a quoted Chinese phrase inside English
    w += c;
  }
  if (!w.empty() && out.size() < n) out.push_back(w);
  return out;
}

std::vector<std::string> problems(std::string_view s, lang l) {
  std::vector<std::string> out;
  auto fail = [&](std::string why) { out.push_back(why + " in: " + std::string(s)); };
  // A placeholder left unfilled.
  for (std::size_t open = s.find('{'); open != std::string_view::npos;
       open = s.find('{', open + 1)) {
    const std::size_t close = s.find('}', open);
    if (close != std::string_view::npos && close - open < 24) fail("placeholder left");
  }
  if (l == lang::zh) {
    for (std::string_view bad : {"不是不", "并非不", "非不", "未不", "没有不", "无不"})
      if (s.find(bad) != std::string_view::npos) fail("double negative " + std::string(bad));
    for (std::string_view u : zh_units)
      for (std::string_view gap : {"未填写 ", "未填写"})
        if (s.find(std::string(gap) + std::string(u)) != std::string_view::npos && u != "年" &&
            u != "月" && u != "日")
          fail("a unit after nothing: " + std::string(gap) + std::string(u));
  } else {
    for (std::string_view bad : {"not given people", "not given events", "not given items"})
      if (s.find(bad) != std::string_view::npos) fail("a unit after nothing");
  }
  for (std::size_t i = 0; i < s.size();) {
    if (!is_digit(s[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < s.size() && is_digit(s[end])) ++end;
    const std::string number(s.substr(i, end - i));
    if (!not_a_count(s, i, end)) {
      std::size_t at = end;
      while (at < s.size() && s[at] == ' ') ++at;
      const std::string_view rest = s.substr(at);
      if (l == lang::zh) {
        bool unit = false;
        for (std::string_view u : zh_units) unit = unit || rest.starts_with(u);
        if (!unit) fail("number " + number + " without a unit");
      } else if (std::any_of(zh_units.begin(), zh_units.end(),
                             [&](std::string_view u) { return rest.starts_with(u); })) {
        // A Chinese phrase quoted in English ("不少于1500字"): its own unit.
      } else {
        const std::vector<std::string> w = words_after(s, at, 6);
        bool month = !w.empty() && std::find(months.begin(), months.end(), w[0]) != months.end();
        if (!month && i >= 2) {  // "May 16" is a date too
          const std::string_view head = s.substr(0, i);
          for (std::string_view m : months) month = month || head.ends_with(std::string(m) + " ");
        }
        if (!month) {
          // The first noun of the list among the next words decides the number it must have.
          const noun* found = nullptr;
          bool plural = false;
          for (std::size_t k = 0; k < w.size() && !found; ++k) {
            const std::string two = k + 1 < w.size() ? w[k] + " " + w[k + 1] : "";
            for (const noun& n : en_nouns) {
              if (w[k] == n.one || two == n.one) {
                found = &n;
                plural = false;
              }
              if (w[k] == n.many || two == n.many) {
                found = &n;
                plural = true;
              }
              if (found) break;
            }
          }
          if (!found)
            fail("number " + number + " without a unit");
          else if (found->one != found->many && plural != (number != "1"))
            fail("number " + number + " with " + std::string(plural ? found->many : found->one));
        }
      }
    }
    i = end;
  }
  return out;
}

void expect_clean(std::string_view text, lang l, const std::string& where) {
  for (const auto& p : problems(text, l)) ADD_FAILURE() << where << ": " << p;
}

// The checker itself catches what it is for.
TEST(MessageChecker, FailsOnWhatItIsFor) {
  EXPECT_FALSE(problems("1 events", lang::en).empty());
  EXPECT_FALSE(problems("2 event", lang::en).empty());
  EXPECT_FALSE(problems("at most 1500", lang::en).empty());
  EXPECT_FALSE(problems("1 paper copies", lang::en).empty());
  EXPECT_FALSE(problems("at least 1 results", lang::en).empty());
  EXPECT_FALSE(problems("需 ≥ 1500", lang::zh).empty());
  EXPECT_FALSE(problems("计划 未填写 人", lang::zh).empty());
  EXPECT_FALSE(problems("2024年年检不是不合格", lang::zh).empty());
  EXPECT_FALSE(problems("第{earlier}份", lang::zh).empty());
  EXPECT_FALSE(problems("case study (1498)", lang::en).empty());
  EXPECT_TRUE(problems("3 场，需不少于 4 场；最大一场 150 人", lang::zh).empty());
  EXPECT_TRUE(
      problems("1 event, 2 people, 1 person, 3 case studies, 1 case study", lang::en).empty());
  EXPECT_TRUE(
      problems("2025-05-16、/records/events/3、51640000MJX000018H、二(三)4、640100", lang::zh)
          .empty());
  EXPECT_TRUE(problems("2 records not counted: /records/events/3 (2025-12-01)", lang::en).empty());
  EXPECT_TRUE(problems("the 2024 annual inspection, due 16 May 2025", lang::en).empty());
}

// ---- the cases ----

fs::path source(const std::string& rel) { return fs::path(NXKX_SOURCE_DIR) / rel; }

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct batch {
  std::string name;
  std::vector<application> apps;
  check_options opt;
};

std::vector<batch> corpus() {
  std::vector<batch> out;
  const notice& n = notice::builtin();
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(source("tests/conformance/cases")))
    files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    const json c = json::parse(read(p));
    if (!c.contains("expect")) continue;
    check_options o;
    o.as_of = *parse_date(c["as_of"].get<std::string>());
    o.stage = *from_code<stage>(c["stage"].get<std::string>());
    if (c.contains("options") && c["options"].contains("bad_credit_code"))
      o.bad_credit_code = *from_code<severity>(c["options"]["bad_credit_code"].get<std::string>());
    out.push_back({p.filename().string(), parse_applications(c["applications"].dump(), n), o});
  }
  for (const auto& [dir, st, day] :
       {std::tuple{"examples/applications", stage::application, ymd(2025, 5, 20)},
        std::tuple{"examples/completion", stage::completion, ymd(2025, 12, 1)}}) {
    check_options o = test::as_of(day);
    o.stage = st;
    for (const auto& e : fs::directory_iterator(source(dir)))
      out.push_back({e.path().string(), {parse_application(read(e.path()), n)}, o});
  }
  return out;
}

check_options completion() {
  check_options o = test::as_of(ymd(2025, 12, 1));
  o.stage = stage::completion;
  return o;
}

/// Cases for templates neither the corpus nor the examples reach: built in C++, where a text
/// can hold what no JSON input can (invalid UTF-8).
std::vector<batch> built_here() {
  std::vector<batch> out;
  {
    auto a = good_application("park_sta_capacity");
    a.records.texts.push_back({"case_study", "坏文本", std::string(3000, 'a') + "\xff"});
    out.push_back({"bad UTF-8 in a text", {a}, completion()});
  }
  {
    auto a = good_application("society_capacity");
    a.records.texts.push_back({"governance_case", "空案例", " \n "});
    out.push_back({"an empty case", {a}, completion()});
  }
  {
    auto a = good_application("grassroots_societies_capacity");
    a.joint_applicants.clear();
    out.push_back({"no partner at completion", {a}, completion()});
  }
  {
    // A third grassroots partner whose county is not given: the other two are not enough.
    auto a = good_application("grassroots_societies_capacity");
    a.joint_applicants[2].division.reset();
    out.push_back({"a partner that cannot be judged", {a}, test::may20()});
    std::vector<std::string> codes;
    for (const auto& j : a.joint_applicants) codes.push_back(*j.credit_code);
    a.records.events.push_back({"活动", "training", ymd(2025, 7, 1), 60, std::nullopt, "", codes});
    out.push_back({"a partner that cannot be judged, at completion", {a}, completion()});
  }
  {
    // The 等 of 一(二)1(2) and 一(二)2(2): events of other types that would meet the bar.
    auto s = good_application("society_capacity");
    s.records.events.push_back(
        {"路演", "tech_roadshow", ymd(2025, 7, 1), 40, std::nullopt, "", {}});
    s.records.events.push_back(
        {"沙龙", "academic_salon", ymd(2025, 8, 1), 35, std::nullopt, "", {}});
    out.push_back({"society events of other types", {s}, completion()});
    auto g = good_application("grassroots_societies_capacity");
    const std::string code = *g.joint_applicants[0].credit_code;
    for (unsigned m = 6; m <= 10; ++m)
      g.records.events.push_back({"科普" + std::to_string(m),
                                  "popular_science",
                                  ymd(2025, m, 1),
                                  60,
                                  std::nullopt,
                                  "",
                                  {code}});
    out.push_back({"grassroots events of other types", {g}, completion()});
  }
  {
    // A letter whose city is not given; a letter from a place that is no city; a haizhi base
    // without its division (the other-city rule cannot tell).
    auto a = good_application("haizhi_base_capacity");
    a.recommendation_letter->city.reset();
    out.push_back({"letter city missing", {a}, test::may20()});
    a = good_application("haizhi_base_capacity");
    a.recommendation_letter->city = "640106";
    out.push_back({"letter from a county", {a}, test::may20()});
    a = good_application("haizhi_base_capacity");
    a.applicant.division.reset();
    out.push_back({"haizhi without division", {a}, test::may20()});
  }
  {
    // Every plan target one below its minimum (the alternative left out): each rule's "failed".
    const json pack = json::parse(notice::builtin().source());
    for (const auto& r : pack["rules"]) {
      if (r["kind"] != "plan_target") continue;
      const std::string type = r["applies_to"]["project_types"][0].get<std::string>();
      auto a = good_application(type);
      const std::string code = r["params"]["target"].get<std::string>();
      a.plan.targets[code] = r["params"]["min"].get<std::int64_t>() - 1;
      if (r["params"].contains("or")) a.plan.targets.erase(r["params"]["or"]["target"]);
      out.push_back({r["id"].get<std::string>() + " below", {a}, test::may20()});
    }
    // Every text rule: too short (or too long), empty, not UTF-8, none at all.
    for (const auto& r : pack["rules"]) {
      if (r["kind"] != "text_length") continue;
      const std::string type = r["applies_to"]["project_types"][0].get<std::string>();
      const std::string text_type = r["params"]["text_type"].get<std::string>();
      const bool max = r["params"].contains("max_zi");
      std::string off;
      for (int i = 0; i < (max ? 1501 : 1499); ++i) off += "字";
      for (const std::string& content :
           {off, std::string(" "), std::string("字字") + "\xff", std::string("-")}) {
        auto a = good_application(type);
        if (content != "-") a.records.texts.push_back({text_type, "案例", content});
        out.push_back({r["id"].get<std::string>() + " text", {a}, completion()});
      }
    }
  }
  {
    // 一(一)1(1) 等: three listed events and a results promotion elsewhere in the list's spirit.
    auto p = good_application("park_sta_capacity");
    for (const char* t :
         {"academic_exchange", "rd_cooperation", "tech_roadshow", "popular_science"})
      p.records.events.push_back(
          {std::string("活动") + t, t, ymd(2025, 7, 1), 40, std::nullopt, "", {}});
    out.push_back({"park events of another type", {p}, completion()});
    // 一(一)2(1): three events, nothing else.
    auto h = good_application("haizhi_base_capacity");
    for (const char* t : {"academic_exchange", "project_cooperation", "tech_roadshow"})
      h.records.events.push_back(
          {std::string("活动") + t, t, ymd(2025, 7, 1), 40, std::nullopt, "", {}});
    out.push_back({"haizhi three events", {h}, completion()});
    // A joint applicant's seal missing.
    auto g = good_application("grassroots_societies_capacity");
    decl(g.joint_applicants[1], "sealed") = false;
    out.push_back({"joint applicant unsealed", {g}, test::may20()});
  }
  {
    // Facts left out that the corpus declares: the park's and the base's, the 2024 record,
    // the Word version, the parts of the form, a joint applicant's signature.
    auto p = good_application("park_sta_capacity");
    decl(p.applicant, "establishment_approved").reset();
    p.applicant.division.reset();
    p.submission.sealed.reset();
    p.submission.paper_copies.reset();
    p.submission.word_version.emailed.reset();
    p.form.parts.reset();
    out.push_back({"park facts left out", {p}, test::may20()});
    auto h = good_application("haizhi_base_capacity");
    decl(h.applicant, "approved_by_cast").reset();
    out.push_back({"haizhi approval left out", {h}, test::may20()});
    auto s = good_application("society_capacity");
    decl(s.applicant.history[2024], "projects").reset();
    decl(s.applicant.history[2024], "evaluation_grade").reset();
    out.push_back({"society 2024 left out", {s}, test::may20()});
    auto g = good_application("grassroots_societies_capacity");
    decl(g.joint_applicants[0], "head_signed").reset();
    decl(g.joint_applicants[1], "field").reset();
    g.joint_applicants[2].division.reset();
    out.push_back({"joint facts left out", {g}, test::may20()});
    auto l = good_application("returnee_alliance_capacity");
    l.plan.targets.clear();
    out.push_back({"alliance targets left out", {l}, test::may20()});
    auto e = good_application("regional_academic_exchange");
    e.plan.targets.clear();
    out.push_back({"exchange targets left out", {e}, test::may20()});
    auto k = good_application("park_sta_capacity");
    k.plan.targets.clear();
    out.push_back({"park targets left out", {k}, test::may20()});
    auto z = good_application("haizhi_base_capacity");
    z.plan.targets.clear();
    out.push_back({"haizhi targets left out", {z}, test::may20()});
    auto y = good_application("society_capacity");
    y.plan.targets.clear();
    out.push_back({"society targets left out", {y}, test::may20()});
    auto x = good_application("grassroots_societies_capacity");
    x.plan.targets.clear();
    out.push_back({"grassroots targets left out", {x}, test::may20()});
  }
  return out;
}

// ---- matching a text to its template ----

/// Whether `text` is what `tpl` gives for some values of its placeholders: the literal parts in
/// order, the first at the start and the last at the end.
bool matches(std::string_view tpl, std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t pos = 0;
  while (true) {
    const std::size_t open = tpl.find('{', pos);
    if (open == std::string_view::npos) {
      parts.push_back(tpl.substr(pos));
      break;
    }
    parts.push_back(tpl.substr(pos, open - pos));
    pos = tpl.find('}', open) + 1;
  }
  if (parts.size() == 1) return text == parts[0];
  if (!text.starts_with(parts.front()) || !text.ends_with(parts.back())) return false;
  std::size_t at = parts.front().size();
  const std::size_t stop = text.size() - parts.back().size();
  for (std::size_t i = 1; i + 1 < parts.size(); ++i) {
    if (parts[i].empty()) continue;
    const std::size_t found = text.find(parts[i], at);
    if (found == std::string_view::npos || found + parts[i].size() > stop) return false;
    at = found + parts[i].size();
  }
  return at <= stop;
}

TEST(Messages, EveryTemplateOfThePackIsRenderedCleanInBothLanguages) {
  const notice& n = notice::builtin();
  const json pack = json::parse(n.source());
  // (rule, template) → reached by a finding
  std::map<std::pair<std::string, std::string>, int> reached;
  std::map<std::string, const json*> rules;
  for (const auto& r : pack["rules"]) {
    rules[r["id"].get<std::string>()] = &r;
    for (const auto& [name, text] : r["messages"].items())
      if (name != "expected") reached[{r["id"].get<std::string>(), name}] = 0;
  }
  std::size_t findings = 0, amendments = 0;
  auto check_finding = [&](const finding& f, const std::string& where) {
    ++findings;
    const json& m = (*rules.at(f.rule_id))["messages"];
    // Which template it is: the one whose both languages match (the most specific one).
    std::string which;
    for (const auto& [name, text] : m.items()) {
      if (name == "expected") continue;
      if (matches(text["zh"].get<std::string>(), f.message(lang::zh)) &&
          matches(text["en"].get<std::string>(), f.message(lang::en)) &&
          (which.empty() ||
           text["zh"].get<std::string>().size() > m[which]["zh"].get<std::string>().size()))
        which = name;
    }
    EXPECT_FALSE(which.empty()) << where << " " << f.rule_id << ": no template gives "
                                << f.message(lang::zh) << " / " << f.message(lang::en);
    if (!which.empty()) ++reached[{f.rule_id, which}];
    EXPECT_TRUE(matches(m["expected"]["zh"].get<std::string>(), f.expected(lang::zh)) &&
                matches(m["expected"]["en"].get<std::string>(), f.expected(lang::en)))
        << where << " " << f.rule_id << ": " << f.expected(lang::zh);
    const std::string at = where + " " + f.rule_id;
    for (lang l : {lang::zh, lang::en}) {
      expect_clean(f.message(l), l, at + " message");
      expect_clean(f.expected(l), l, at + " expected");
      expect_clean(f.found.in(l), l, at + " found");
      EXPECT_FALSE(f.message(l).empty()) << at;
    }
  };
  std::vector<batch> all = corpus();
  for (auto& b : built_here()) all.push_back(std::move(b));
  for (const batch& b : all) {
    // Through a stream, so that amendments are checked as people read them too.
    batch_checker stream(n, b.opt);
    std::vector<amendment> ms;
    for (const auto& a : b.apps) {
      const report r = stream.add(a, ms);
      for (const auto& f : r.findings) check_finding(f, b.name);
      for (const amendment& m : ms) {
        ++amendments;
        check_finding(m.added, b.name + " (amendment)");
        for (lang l : {lang::zh, lang::en}) expect_clean(to_text(m, l), l, b.name + " amendment");
      }
      ms.clear();
    }
  }
  for (const auto& [key, count] : reached)
    EXPECT_GT(count, 0) << "template \"" << key.second << "\" of " << key.first
                        << " is rendered by no case";
  EXPECT_GT(findings, 300u);
  EXPECT_GT(amendments, 3u);
}

// Titles and readings are read by people too (nxkx rules, the report).
TEST(Messages, TitlesAndReadingsAreClean) {
  for (const rule_info& r : notice::builtin().rules()) {
    for (lang l : {lang::zh, lang::en}) {
      expect_clean(r.title.in(l), l, r.id + " title");
      expect_clean(r.interpretation.in(l), l, r.id + " reading");
    }
    // Every rule whose parameters embody a choice says so in both languages; the others have
    // none in either.
    EXPECT_EQ(r.interpretation.zh.empty(), r.interpretation.en.empty()) << r.id;
  }
}

// The shipped example packs (examples/packs): their titles and readings, and every finding of
// their corpora (tests/conformance/packs/PACK), are clean in both languages.
TEST(Messages, TheExamplePacksAreCleanToo) {
  std::size_t findings = 0;
  for (const auto& e : fs::directory_iterator(source("examples/packs"))) {
    if (e.path().extension() != ".json") continue;
    const notice n = notice::load(e.path());
    for (const rule_info& r : n.rules())
      for (lang l : {lang::zh, lang::en}) {
        expect_clean(r.title.in(l), l, e.path().filename().string() + " " + r.id + " title");
        expect_clean(r.interpretation.in(l), l,
                     e.path().filename().string() + " " + r.id + " reading");
      }
    const fs::path cases = source("tests/conformance/packs") / e.path().stem();
    if (!fs::exists(cases)) continue;
    for (const auto& c : fs::directory_iterator(cases)) {
      const json doc = json::parse(read(c.path()));
      if (doc.contains("error")) continue;  // an input error: no findings
      check_options o;
      o.as_of = *parse_date(doc["as_of"].get<std::string>());
      o.stage = *from_code<stage>(doc["stage"].get<std::string>());
      for (const report& r : check_batch(n, parse_applications(doc["applications"].dump(), n), o))
        for (const finding& f : r.findings) {
          ++findings;
          const std::string at = c.path().filename().string() + " " + f.rule_id;
          for (lang l : {lang::zh, lang::en}) {
            expect_clean(f.message(l), l, at + " message");
            expect_clean(f.expected(l), l, at + " expected");
            expect_clean(f.found.in(l), l, at + " found");
          }
        }
    }
  }
  EXPECT_GE(findings, 10u);
}

}  // namespace
}  // namespace nxkx
