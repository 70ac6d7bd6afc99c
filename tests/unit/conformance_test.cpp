// Runs the shared conformance corpus (tests/conformance/cases) through the C++ API.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "nxkx/nxkx.hpp"

namespace nxkx {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::vector<fs::path> case_files() {
  std::vector<fs::path> out;
  for (const auto& e :
       fs::directory_iterator(fs::path(NXKX_SOURCE_DIR) / "tests/conformance/cases"))
    if (e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

json read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return json::parse(s.str());
}

check_options options_of(const json& c) {
  check_options o;
  o.as_of = *parse_date(c.at("as_of").get<std::string>());
  o.stage = *from_code<stage>(c.at("stage").get<std::string>());
  if (c.contains("options") && c["options"].contains("bad_credit_code"))
    o.bad_credit_code = *from_code<severity>(c["options"]["bad_credit_code"].get<std::string>());
  return o;
}

std::vector<std::string> distinct_rule_ids(const report& r) {
  std::set<std::string> ids;
  for (const auto& f : r.findings) ids.insert(f.rule_id);
  return {ids.begin(), ids.end()};
}

class Conformance : public ::testing::TestWithParam<fs::path> {};

TEST_P(Conformance, Case) {
  json c = read(GetParam());
  const notice& n = notice::builtin();
  std::string text = c.at("applications").dump();
  if (c.contains("error")) {
    try {
      auto apps = parse_applications(text, n);
      check_batch(n, apps, options_of(c));
      FAIL() << "expected an input error " << c["error"].dump();
    } catch (const input_error& e) {
      EXPECT_EQ(e.code(), c["error"]["code"].get<std::string>()) << e.what();
      EXPECT_EQ(e.path(), c["error"]["path"].get<std::string>()) << e.what();
    }
    return;
  }
  auto apps = parse_applications(text, n);
  auto reports = check_batch(n, apps, options_of(c));
  const json& expect = c.at("expect");
  ASSERT_EQ(reports.size(), expect.size());
  for (std::size_t i = 0; i < reports.size(); ++i) {
    EXPECT_EQ(to_code(reports[i].decision), expect[i]["decision"].get<std::string>())
        << "application " << i << "\n"
        << to_text(reports[i], lang::en);
    EXPECT_EQ(distinct_rule_ids(reports[i]), expect[i]["rule_ids"].get<std::vector<std::string>>())
        << "application " << i << "\n"
        << to_text(reports[i], lang::en);
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, Conformance, ::testing::ValuesIn(case_files()),
                         [](const ::testing::TestParamInfo<fs::path>& param) {
                           std::string name = param.param.stem().string();
                           for (char& ch : name)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return name;
                         });

TEST(ConformanceCoverage, TheWholeCorpusIsRead) { EXPECT_GE(case_files().size(), 150u); }

TEST(ConformanceCoverage, EveryRuleTriggeredAndEveryTypeAcceptedAndComplete) {
  std::set<std::string> triggered, accepted, complete;
  for (const auto& p : case_files()) {
    json c = read(p);
    if (!c.contains("expect")) continue;
    for (std::size_t i = 0; i < c["expect"].size(); ++i) {
      for (const auto& id : c["expect"][i]["rule_ids"]) triggered.insert(id.get<std::string>());
      const std::string type = c["applications"][i]["project_type"].get<std::string>();
      if (c["expect"][i]["decision"] == "accepted") accepted.insert(type);
      if (c["expect"][i]["decision"] == "complete") complete.insert(type);
    }
  }
  for (const auto& r : notice::builtin().rules()) EXPECT_TRUE(triggered.count(r.id)) << r.id;
  for (const auto& t : notice::builtin().project_types()) {
    EXPECT_TRUE(accepted.count(t.code)) << t.code << " is accepted by no case";
    EXPECT_TRUE(complete.count(t.code)) << t.code << " is complete in no case";
  }
}

// The bundled completion examples (docs/deliverables.md §4) say what they claim to.
TEST(CompletionExamples, DecisionsAsOf20251201) {
  const std::map<std::string, std::vector<std::string>> incomplete = {
      {"park_sta_capacity",
       {"deliverable.park.case_study", "deliverable.park.events",
        "deliverable.park.platform_items"}},
      {"haizhi_base_capacity",
       {"deliverable.haizhi.case_study", "deliverable.haizhi.media_reports",
        "deliverable.haizhi.platform_items"}},
      {"returnee_alliance_capacity",
       {"deliverable.alliance.policy_advice", "deliverable.alliance.popular_science_events"}},
      {"society_capacity",
       {"deliverable.society.events", "deliverable.society.governance_case",
        "deliverable.society.governance_systems"}},
      {"grassroots_societies_capacity",
       {"deliverable.grassroots.events", "deliverable.grassroots.partners"}},
      {"regional_academic_exchange",
       {"deliverable.exchange.decision_report", "deliverable.exchange.experts",
        "deliverable.exchange.offline_attendance"}},
  };
  const notice& n = notice::builtin();
  check_options o;
  o.as_of = *parse_date("2025-12-01");
  o.stage = stage::completion;
  const fs::path dir = fs::path(NXKX_SOURCE_DIR) / "examples/completion";
  for (const auto& [type, rules] : incomplete) {
    SCOPED_TRACE(type);
    std::ifstream done(dir / (type + "-complete.json")),
        short_of(dir / (type + "-incomplete.json"));
    std::stringstream a, b;
    a << done.rdbuf();
    b << short_of.rdbuf();
    report r = check(n, parse_application(a.str(), n), o);
    EXPECT_EQ(r.decision, decision::complete) << to_text(r, lang::en);
    r = check(n, parse_application(b.str(), n), o);
    EXPECT_EQ(r.decision, decision::incomplete);
    EXPECT_EQ(distinct_rule_ids(r), rules) << to_text(r, lang::en);
  }
}

}  // namespace
}  // namespace nxkx

// ---- the corpora of the shipped example packs (tests/conformance/packs/PACK/ for
// examples/packs/PACK.json), written by hand from each notice's text ----

namespace nxkx {
namespace {

struct pack_case {
  fs::path pack;
  fs::path file;
};

std::vector<pack_case> pack_case_files() {
  std::vector<pack_case> out;
  const fs::path root = fs::path(NXKX_SOURCE_DIR);
  for (const auto& dir : fs::directory_iterator(root / "tests/conformance/packs")) {
    if (!dir.is_directory()) continue;
    const fs::path pack = root / "examples/packs" / (dir.path().filename().string() + ".json");
    for (const auto& e : fs::directory_iterator(dir.path()))
      if (e.path().extension() == ".json") out.push_back({pack, e.path()});
  }
  std::sort(out.begin(), out.end(),
            [](const pack_case& a, const pack_case& b) { return a.file < b.file; });
  return out;
}

const notice& pack_at(const fs::path& p) {
  static std::map<fs::path, notice> loaded;
  auto it = loaded.find(p);
  if (it == loaded.end()) it = loaded.emplace(p, notice::load(p)).first;
  return it->second;
}

class PackConformance : public ::testing::TestWithParam<pack_case> {};

TEST_P(PackConformance, Case) {
  const json c = read(GetParam().file);
  const notice& n = pack_at(GetParam().pack);
  if (c.contains("error")) {  // an application this notice's vocabulary cannot hold
    try {
      check_batch(n, parse_applications(c.at("applications").dump(), n), options_of(c));
      FAIL() << "expected an input error " << c["error"].dump();
    } catch (const input_error& e) {
      EXPECT_EQ(e.code(), c["error"]["code"].get<std::string>()) << e.what();
      EXPECT_EQ(e.path(), c["error"]["path"].get<std::string>()) << e.what();
    }
    return;
  }
  auto apps = parse_applications(c.at("applications").dump(), n);
  auto reports = check_batch(n, apps, options_of(c));
  const json& expect = c.at("expect");
  ASSERT_EQ(reports.size(), expect.size());
  for (std::size_t i = 0; i < reports.size(); ++i) {
    EXPECT_EQ(to_code(reports[i].decision), expect[i]["decision"].get<std::string>())
        << to_text(reports[i], lang::en, n);
    EXPECT_EQ(distinct_rule_ids(reports[i]), expect[i]["rule_ids"].get<std::vector<std::string>>())
        << to_text(reports[i], lang::en, n);
  }
}

INSTANTIATE_TEST_SUITE_P(Packs, PackConformance, ::testing::ValuesIn(pack_case_files()),
                         [](const ::testing::TestParamInfo<pack_case>& param) {
                           std::string name = param.param.pack.stem().string() + "_" +
                                              param.param.file.stem().string();
                           for (char& ch : name)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return name;
                         });

// Each shipped pack's corpus has every decision at least once.
TEST(PackConformanceCoverage, EveryDecisionAtLeastOnce) {
  std::map<fs::path, std::set<std::string>> decisions;
  for (const auto& c : pack_case_files()) {
    const json doc = read(c.file);
    if (doc.contains("error")) continue;
    for (const auto& e : doc.at("expect"))
      decisions[c.pack].insert(e.at("decision").get<std::string>());
  }
  ASSERT_FALSE(decisions.empty());
  for (const auto& [pack, seen] : decisions)
    for (const char* d : {"accepted", "rejected", "incomplete", "needs_review"})
      EXPECT_TRUE(seen.count(d)) << pack << ": no case is " << d;
}

}  // namespace
}  // namespace nxkx
