// Each kind's params are one typed struct described once (src/requirements/params.hpp): the
// schema (data/pack.schema.json) and docs/pack-format.md §7 name exactly the params of that
// description, and the shared reader refuses an unknown param and a value of the wrong type at
// its pointer, for every rule of every shipped pack.
#include "requirements/params.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "nxkx/nxkx.hpp"

namespace nxkx {
namespace {

using ojson = nlohmann::ordered_json;
using detail::param_info;

std::string slurp(const std::string& rel) {
  std::ifstream in(std::string(NXKX_SOURCE_DIR) + "/" + rel, std::ios::binary);
  EXPECT_TRUE(in) << rel;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::vector<param_info>& params_of(std::string_view kind) {
  const std::vector<param_info>* p = detail::kind_params(kind);
  if (!p) throw std::logic_error("no kind " + std::string(kind));
  return *p;
}

/// The `params` schema of each kind: rule.allOf[i] = {if: {kind: const K}, then: {params}}.
std::map<std::string, ojson> schema_params() {
  const ojson schema = ojson::parse(slurp("data/pack.schema.json"));
  const ojson& rule = schema.at("properties").at("rules").at("items");
  std::map<std::string, ojson> out;
  for (const ojson& branch : rule.at("allOf"))
    out[branch.at("if").at("properties").at("kind").at("const").get<std::string>()] =
        branch.at("then").at("properties").at("params");
  return out;
}

TEST(Params, EveryKindHasADescription) {
  const std::vector<std::string_view> kinds = detail::kind_list();
  ASSERT_EQ(kinds.size(), 15u);
  for (std::string_view k : kinds) {
    std::set<std::string_view> names;
    for (const param_info& p : params_of(k)) {
      EXPECT_TRUE(names.insert(p.name).second) << k << ": " << p.name << " twice";
      EXPECT_FALSE(p.doc.empty()) << k << "/" << p.name << " has no doc line";
      EXPECT_FALSE(p.type.empty()) << k << "/" << p.name << " has no type";
    }
  }
}

TEST(Params, SchemaNamesExactlyTheDescribedParams) {
  const auto schema = schema_params();
  EXPECT_EQ(schema.size(), detail::kind_list().size());
  for (std::string_view k : detail::kind_list()) {
    SCOPED_TRACE(std::string(k));
    ASSERT_TRUE(schema.count(std::string(k)));
    const ojson& s = schema.at(std::string(k));
    EXPECT_EQ(s.value("additionalProperties", true), false);
    std::vector<std::string> in_schema, described;
    std::set<std::string> required_schema, required_described;
    if (s.contains("properties"))
      for (const auto& [name, v] : s.at("properties").items()) in_schema.push_back(name);
    if (s.contains("required"))
      for (const ojson& r : s.at("required")) required_schema.insert(r.get<std::string>());
    for (const param_info& p : params_of(k)) {
      described.emplace_back(p.name);
      if (p.required) required_described.insert(std::string(p.name));
      if (!s.contains("properties") || !s.at("properties").contains(std::string(p.name))) continue;
      const ojson& v = s.at("properties").at(std::string(p.name));
      // The schema's type is the description's.
      if (p.type.starts_with("integer")) {
        EXPECT_EQ(v.value("type", ""), "integer") << p.name;
        EXPECT_EQ(v.value("minimum", -1), std::stoll(p.type.substr(p.type.rfind(' ') + 1)))
            << p.name;
      } else if (p.type == "string") {
        EXPECT_TRUE(v.value("type", "") == "string" || v.contains("enum") || v.contains("$ref"))
            << p.name;
      } else if (p.type == "boolean" || p.type == "number") {
        EXPECT_EQ(v.value("type", ""), p.type) << p.name;
      } else if (p.type.starts_with("array")) {
        EXPECT_EQ(v.value("type", ""), "array") << p.name;
      }
    }
    EXPECT_EQ(in_schema, described);
    EXPECT_EQ(required_schema, required_described);
  }
}

/// The rows of §7's params table of `kind`: "| `name` | type | default | doc |".
std::string expected_table(std::string_view kind) {
  const auto& ps = params_of(kind);
  if (ps.empty()) return "Params: none.\n";
  std::string out = "| param | type | default | meaning |\n|---|---|---|---|\n";
  for (const param_info& p : ps)
    out += "| `" + std::string(p.name) + "` | " + p.type + " | " + p.fallback + " | " +
           std::string(p.doc) + " |\n";
  return out;
}

TEST(Params, DocsNameExactlyTheDescribedParams) {
  const std::string doc = slurp("docs/pack-format.md");
  const std::size_t s7 = doc.find("\n## 7. Requirement kinds");
  const std::size_t s8 = doc.find("\n## 8.");
  ASSERT_NE(s7, std::string::npos);
  ASSERT_NE(s8, std::string::npos);
  const std::string section = doc.substr(s7, s8 - s7);
  for (std::string_view k : detail::kind_list()) {
    SCOPED_TRACE(std::string(k));
    const std::string head = "\n### `" + std::string(k) + "`";
    const std::size_t at = section.find(head);
    ASSERT_NE(at, std::string::npos) << "no heading " << head;
    std::size_t end = section.find("\n### ", at + 1);
    if (end == std::string::npos) end = section.size();
    const std::string body = section.substr(at, end - at);
    // The table is the description, row for row (or "Params: none."), and no other row of a
    // table there names a param.
    const std::string table = expected_table(k);
    EXPECT_NE(body.find("\n" + table), std::string::npos)
        << "§7 of " << k << " should hold exactly:\n"
        << table;
    std::size_t rows = 0;
    for (std::size_t p = body.find("\n| `"); p != std::string::npos; p = body.find("\n| `", p + 1))
      ++rows;
    EXPECT_EQ(rows, params_of(k).size()) << "params rows in §7 of " << k;
  }
}

/// Every shipped pack's text.
std::vector<std::pair<std::string, std::string>> shipped() {
  return {
      {"data/notice-2025.json", slurp("data/notice-2025.json")},
      {"examples/packs/notice-2026-sample.json", slurp("examples/packs/notice-2026-sample.json")},
      {"examples/packs/notice-huangshi-2023.json",
       slurp("examples/packs/notice-huangshi-2023.json")}};
}

/// The pack's error; each rule's title is made plain first, since a title is a template over
/// the params and would refuse a changed param before the kind sees it.
pack_error refusal(ojson pack) {
  for (ojson& r : pack["rules"]) r["title"] = ojson{{"zh", "标题"}, {"en", "title"}};
  try {
    (void)notice::from_json(pack.dump());
  } catch (const pack_error& e) {
    return e;
  }
  ADD_FAILURE() << "the pack loaded";
  return pack_error("none", "", "");
}

/// The first rule of each kind in a pack (a load takes a while: one rule per kind and pack).
std::vector<std::size_t> one_rule_per_kind(const ojson& pack) {
  std::vector<std::size_t> out;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < pack.at("rules").size(); ++i)
    if (seen.insert(pack["rules"][i].at("kind").get<std::string>()).second) out.push_back(i);
  return out;
}

TEST(Params, AnUnknownParamIsRefusedAtItsPointerForEveryKind) {
  std::set<std::string> kinds;
  for (const auto& [name, text] : shipped()) {
    const ojson pack = ojson::parse(text);
    (void)notice::from_json(text);  // it loads as shipped
    for (std::size_t i : one_rule_per_kind(pack)) {
      kinds.insert(pack["rules"][i]["kind"].get<std::string>());
      ojson bad = pack;
      bad["rules"][i]["params"]["no_such_param"] = 1;
      const pack_error e = refusal(bad);
      EXPECT_EQ(e.code(), "pack.unknown_field") << name << " rule " << i;
      EXPECT_EQ(e.path(), "/rules/" + std::to_string(i) + "/params/no_such_param") << name;
    }
  }
  EXPECT_EQ(kinds.size(), detail::kind_list().size()) << "a kind no shipped pack uses";
}

TEST(Params, AValueOfTheWrongTypeNamesTheTypeExpected) {
  std::size_t tried = 0;
  std::set<std::string> done;  // kind/param
  for (const auto& [name, text] : shipped()) {
    const ojson pack = ojson::parse(text);
    for (std::size_t i = 0; i < pack.at("rules").size(); ++i) {
      const ojson& rule = pack["rules"][i];
      const std::string kind = rule.at("kind").get<std::string>();
      for (const param_info& p : params_of(kind)) {
        if (!rule.at("params").contains(std::string(p.name))) continue;
        if (!done.insert(kind + "/" + std::string(p.name)).second) continue;
        std::string expected;
        if (p.type == "string")
          expected = "expected a string, found array";
        else if (p.type.starts_with("integer"))
          expected = "expected an integer of at least";
        else if (p.type == "boolean")
          expected = "expected true or false";
        else if (p.type == "array of strings")
          expected = "expected an array, found";
        else
          continue;  // an object the kind reads itself
        ojson bad = pack;
        bad["rules"][i]["params"][std::string(p.name)] =
            p.type.starts_with("array") ? ojson("text") : ojson::array({1});
        const pack_error e = refusal(bad);
        const std::string at = "/rules/" + std::to_string(i) + "/params/" + std::string(p.name);
        EXPECT_EQ(e.code(), "pack.invalid") << name << " " << at;
        EXPECT_EQ(e.path(), at) << name;
        EXPECT_NE(e.reason().find(expected), std::string::npos)
            << name << " " << at << ": " << e.reason();
        ++tried;
      }
    }
  }
  EXPECT_GT(tried, 30u);
}

TEST(Params, AMissingRequiredParamIsPackMissing) {
  for (const auto& [name, text] : shipped()) {
    const ojson pack = ojson::parse(text);
    for (std::size_t i : one_rule_per_kind(pack)) {
      const ojson& rule = pack["rules"][i];
      for (const param_info& p : params_of(rule.at("kind").get<std::string>())) {
        if (!p.required) continue;
        ojson bad = pack;
        bad["rules"][i]["params"].erase(std::string(p.name));
        const pack_error e = refusal(bad);
        EXPECT_EQ(e.code(), "pack.missing") << name << " rule " << i << " " << p.name;
        EXPECT_EQ(e.path(), "/rules/" + std::to_string(i) + "/params/" + std::string(p.name));
      }
    }
  }
}

// The reader on its own: defaults from the struct, null as absent, the order of the checks.
struct demo {
  std::string word = "lead";
  std::optional<std::int64_t> count;
  bool flag = false;
  std::optional<std::vector<std::string>> codes;
};
constexpr detail::param<demo> demo_desc[] = {
    {"word", &demo::word, "a word"},
    {"count", &demo::count, "a count", true, 2},
    {"flag", &demo::flag, "a flag"},
    {"codes", &demo::codes, "codes"},
};

TEST(Params, TheReaderFillsTheStruct) {
  const auto read = [](const char* text) {
    return detail::read_params<demo>(ojson::parse(text), "/p", demo_desc);
  };
  const demo d = read(R"({"count": 3, "flag": null})");
  EXPECT_EQ(d.word, "lead");
  EXPECT_EQ(d.count, 3);
  EXPECT_FALSE(d.flag);
  EXPECT_FALSE(d.codes);
  const demo e = read(R"({"count": 2, "word": "all", "flag": true, "codes": ["a", "b"]})");
  EXPECT_EQ(e.word, "all");
  EXPECT_TRUE(e.flag);
  EXPECT_EQ(*e.codes, (std::vector<std::string>{"a", "b"}));
  const auto fails = [&](const char* text, const char* code, const char* path, const char* why) {
    try {
      (void)read(text);
      ADD_FAILURE() << text << " was read";
    } catch (const pack_error& x) {
      EXPECT_EQ(x.code(), code) << text;
      EXPECT_EQ(x.path(), path) << text;
      EXPECT_EQ(x.reason(), why) << text;
    }
  };
  fails(R"({"count": 3, "other": 1})", "pack.unknown_field", "/p/other", "unknown field \"other\"");
  fails(R"({})", "pack.missing", "/p/count", "required field is missing");
  fails(R"({"count": 1})", "pack.invalid", "/p/count", "expected an integer of at least 2");
  fails(R"({"count": 3, "word": 1})", "pack.invalid", "/p/word", "expected a string, found number");
  fails(R"({"count": 3, "flag": "yes"})", "pack.invalid", "/p/flag", "expected true or false");
  fails(R"({"count": 3, "codes": ["a", 2]})", "pack.invalid", "/p/codes/1",
        "expected a string, found number");
  fails(R"([1])", "pack.invalid", "/p", "expected an object");
  const auto info = detail::describe<demo>(demo_desc);
  ASSERT_EQ(info.size(), 4u);
  EXPECT_EQ(info[0].fallback, "`\"lead\"`");
  EXPECT_EQ(info[1].type, "integer ≥ 2");
  EXPECT_EQ(info[1].fallback, "required");
  EXPECT_EQ(info[2].fallback, "`false`");
  EXPECT_EQ(info[3].type, "array of strings");
  EXPECT_EQ(info[3].fallback, "—");
}

}  // namespace
}  // namespace nxkx
