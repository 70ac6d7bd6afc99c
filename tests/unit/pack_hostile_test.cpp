// A pack is input too (issue 15, docs/pack-format.md §10): a portal may load a pack it did not
// write. Each hostile pack found before the loader had limits is a regression test here; each is
// refused with a pack error naming the place, never a crash, an internal error or a silent pass.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "nxkx/nxkx.hpp"
#include "test_support.hpp"

namespace nxkx {
namespace {

using ojson = nlohmann::ordered_json;

std::string builtin_text() { return std::string(notice::builtin().source()); }

ojson builtin_json() { return ojson::parse(builtin_text()); }

/// The pack error `text` gives; a failure when it loads or throws something else.
pack_error refusal(const std::string& text) {
  try {
    (void)notice::from_json(text);
  } catch (const pack_error& e) {
    return e;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not a pack error: " << e.what();
    throw;
  }
  ADD_FAILURE() << "the pack loaded";
  throw std::logic_error("loaded");
}

/// The builtin pack's text with `"params": {` of the first rule replaced by `replacement`.
std::string with_first_params(const std::string& replacement) {
  std::string text = builtin_text();
  const std::size_t at = text.find("\"params\": {");
  EXPECT_NE(at, std::string::npos);
  text.replace(at, std::string("\"params\": {").size(), replacement);
  return text;
}

TEST(HostilePack, DeepNestingInParamsIsRefusedNotAStackOverflow) {
  // Was: nxkx check --notice died with SIGSEGV.
  std::string deep =
      "\"params\": {\"x\": " + std::string(200000, '[') + std::string(200000, ']') + ", ";
  const pack_error e = refusal(with_first_params(deep));
  EXPECT_EQ(e.code(), "pack.invalid");
  EXPECT_TRUE(e.path().starts_with("/rules/0/params/x")) << e.path();
  EXPECT_NE(std::string(e.what()).find("max_depth"), std::string::npos) << e.what();
}

TEST(HostilePack, ANumberOutOfRangeIsAPackError) {
  // Was: "internal error" (exit 3).
  ojson p = builtin_json();
  for (auto& r : p["rules"])
    if (r["id"] == "submission.copies") r["params"]["conditions"][0]["min"] = 12345;
  std::string text = p.dump();
  const std::size_t at = text.find("12345");
  text.replace(at, 5, "1e999");
  const pack_error e = refusal(text);
  EXPECT_EQ(e.code(), "pack.invalid");
  EXPECT_TRUE(e.path().ends_with("/params/conditions/0/min")) << e.path();
  // A huge integer too.
  text.replace(text.find("1e999"), 5, "99999999999999999999999");
  EXPECT_EQ(refusal(text).code(), "pack.invalid");
}

TEST(HostilePack, ADuplicateKeyIsRefusedNotSilentlyOverridden) {
  // Was: the second "rules" silently replaced the first.
  std::string text = builtin_text();
  const std::size_t end = text.rfind('}');
  text.insert(end, ", \"rules\": []");
  const pack_error e = refusal(text);
  EXPECT_EQ(e.code(), "pack.invalid");
  EXPECT_EQ(e.path(), "/rules");
  // Inside a rule as well.
  ojson p = builtin_json();
  std::string one = p.dump();
  const std::size_t id = one.find("\"id\":\"eligibility.applicant_kind\"");
  ASSERT_NE(id, std::string::npos);
  one.insert(id, "\"id\":\"x\",");
  const pack_error f = refusal(one);
  EXPECT_EQ(f.path(), "/rules/0/id");
}

TEST(HostilePack, AnEmptyRuleListIsRefused) {
  // Was: it loaded, and accepted every application.
  ojson p = builtin_json();
  p["rules"] = ojson::array();
  const pack_error e = refusal(p.dump());
  EXPECT_TRUE(e.path().starts_with("/rules")) << e.path();
}

TEST(HostilePack, AProjectTypeNoRuleJudgesIsRefused) {
  ojson p = builtin_json();
  ojson t = p["project_types"][0];
  t["code"] = "unjudged_type";
  p["project_types"].push_back(t);
  // Every rule names its project types, or applies to all: keep only those that name some.
  ojson kept = ojson::array();
  for (auto& r : p["rules"])
    if (r.contains("applies_to") && r["applies_to"].contains("project_types")) kept.push_back(r);
  p["rules"] = kept;
  const pack_error e = refusal(p.dump());
  EXPECT_NE(std::string(e.what()).find("unjudged_type"), std::string::npos) << e.what();
}

TEST(HostilePack, OverLongStringsAndArraysAreRefused) {
  ojson p = builtin_json();
  p["notice"]["title"] = std::string(300 * 1024, 'x');
  EXPECT_EQ(refusal(p.dump()).path(), "/notice/title");
  p = builtin_json();
  ojson many = ojson::array();
  for (int i = 0; i < 10001; ++i) many.push_back(i);
  p["rules"][0]["params"]["x"] = many;
  const pack_error e = refusal(p.dump());
  EXPECT_EQ(e.code(), "pack.invalid");
  EXPECT_TRUE(e.path().starts_with("/rules/0/params/x/")) << e.path();
}

// A pack given as text is held to the cap of a pack file, before a byte of it is parsed: a
// 17 MiB text of spaces costs no tree (issue 14's 152 MB pack took 2 GB).
TEST(HostilePack, ATextLongerThanMaxPackBytesIsRefusedBeforeItIsParsed) {
  std::string text = builtin_json().dump();
  text.append(max_pack_bytes.max_bytes + 1 - text.size(), ' ');
  const pack_error e = refusal(text);
  EXPECT_EQ(e.code(), "pack.invalid");
  EXPECT_EQ(e.path(), "");
  EXPECT_NE(std::string(e.what()).find(std::to_string(max_pack_bytes.max_bytes)), std::string::npos)
      << e.what();
  text.pop_back();  // at the cap, it loads
  EXPECT_NO_THROW((void)notice::from_json(text));
}

TEST(HostilePack, FormatOneIsNamedAndTheMigrationToo) {
  ojson p = builtin_json();
  p["format"] = "nxkx-notice-pack/1";
  const pack_error e = refusal(p.dump());
  EXPECT_EQ(e.path(), "/format");
  EXPECT_NE(std::string(e.what()).find("migrate_pack_v2.py"), std::string::npos) << e.what();
}

TEST(HostilePack, NotJsonAtAllIsASyntaxError) {
  EXPECT_EQ(refusal("{").code(), "pack.syntax");
  EXPECT_EQ(refusal("{").path(), "");
  EXPECT_EQ(refusal("").code(), "pack.syntax");
  EXPECT_EQ(refusal(std::string("{\"format\": \"\xFF\"}")).code(), "pack.syntax");
}

TEST(HostilePack, AnUnknownDeclarationOrCodeNamesThePlace) {
  ojson p = builtin_json();
  p["declarations"][0]["type"] = "colour";
  EXPECT_EQ(refusal(p.dump()).path(), "/declarations/0/type");
  p = builtin_json();
  p["declarations"][7]["codes"] = "no_such_list";
  EXPECT_EQ(refusal(p.dump()).path(), "/declarations/7/codes");
  p = builtin_json();
  p["field_clauses"]["submission/colour"] = "三(二)";
  EXPECT_EQ(refusal(p.dump()).path(), "/field_clauses/submission~1colour");
  p = builtin_json();
  p["field_clauses"]["submission/paper_copies"] = "九(九)";
  EXPECT_EQ(refusal(p.dump()).path(), "/field_clauses/submission~1paper_copies");
}

}  // namespace
}  // namespace nxkx
