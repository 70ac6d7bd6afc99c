#include "nxkx/divisions.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace nxkx {
namespace {

// Ningxia's divisions (GB/T 2260): the region, five cities, 22 county-level units.
std::vector<division> ningxia() {
  std::vector<division> all{{"640000", "宁夏回族自治区", division_level::region, ""}};
  const auto city = [&](std::string code, std::string name,
                        std::vector<std::pair<std::string, std::string>> counties) {
    all.push_back({code, std::move(name), division_level::city, code});
    for (auto& [c, n] : counties) all.push_back({c, n, division_level::county, code});
  };
  city("640100", "银川市",
       {{"640104", "兴庆区"},
        {"640105", "西夏区"},
        {"640106", "金凤区"},
        {"640121", "永宁县"},
        {"640122", "贺兰县"},
        {"640181", "灵武市"}});
  city("640200", "石嘴山市", {{"640202", "大武口区"}, {"640205", "惠农区"}, {"640221", "平罗县"}});
  city("640300", "吴忠市",
       {{"640302", "利通区"},
        {"640303", "红寺堡区"},
        {"640323", "盐池县"},
        {"640324", "同心县"},
        {"640381", "青铜峡市"}});
  city("640400", "固原市",
       {{"640402", "原州区"},
        {"640422", "西吉县"},
        {"640423", "隆德县"},
        {"640424", "泾源县"},
        {"640425", "彭阳县"}});
  city("640500", "中卫市", {{"640502", "沙坡头区"}, {"640521", "中宁县"}, {"640522", "海原县"}});
  return all;
}

TEST(Divisions, KeepsEveryDivisionInOrder) {
  const division_table table(ningxia());
  ASSERT_EQ(table.all().size(), 28u);
  EXPECT_EQ(table.all().front().code, "640000");
  EXPECT_EQ(table.all().back().code, "640522");
}

TEST(Divisions, FindsByCode) {
  const division_table table(ningxia());
  const division* d = table.find("640122");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->name, "贺兰县");
  EXPECT_EQ(d->level, division_level::county);
  EXPECT_EQ(d->city, "640100");
  for (const division& each : table.all()) EXPECT_EQ(table.find(each.code), &each);
}

TEST(Divisions, UnknownCodes) {
  const division_table table(ningxia());
  for (const char* code : {"", "640", "6401220", "640199", "110000", "640122 ", "６４０１２２"})
    EXPECT_EQ(table.find(code), nullptr) << code;
  EXPECT_EQ(table.city_of("640199"), nullptr);
  EXPECT_EQ(table.city_of(""), nullptr);
}

TEST(Divisions, CityOfEveryCounty) {
  const division_table table(ningxia());
  std::size_t counties = 0;
  for (const division& d : table.all()) {
    if (d.level != division_level::county) continue;
    ++counties;
    const division* city = table.city_of(d.code);
    ASSERT_NE(city, nullptr) << d.code;
    EXPECT_EQ(city->code, d.city);
    EXPECT_EQ(city->level, division_level::city);
  }
  EXPECT_EQ(counties, 22u);
  EXPECT_EQ(table.city_of("640381")->name, "吴忠市");
  EXPECT_EQ(table.city_of("640522")->name, "中卫市");
}

TEST(Divisions, CityOfACityIsItself) {
  const division_table table(ningxia());
  for (const char* code : {"640100", "640200", "640300", "640400", "640500"})
    EXPECT_EQ(table.city_of(code), table.find(code)) << code;
}

TEST(Divisions, Region) {
  const division_table table(ningxia());
  ASSERT_NE(table.region(), nullptr);
  EXPECT_EQ(table.region()->code, "640000");
  EXPECT_EQ(table.city_of("640000"), nullptr);  // the region lies in no city
}

TEST(Divisions, EmptyTable) {
  const division_table table;
  EXPECT_TRUE(table.all().empty());
  EXPECT_EQ(table.find("640000"), nullptr);
  EXPECT_EQ(table.city_of("640122"), nullptr);
  EXPECT_EQ(table.region(), nullptr);
}

TEST(Divisions, ABrokenCityLinkGivesNoCity) {
  const division_table table({{"640100", "银川市", division_level::city, "640100"},
                              {"640104", "兴庆区", division_level::county, "640105"},
                              {"640105", "西夏区", division_level::county, "640100"},
                              {"640106", "金凤区", division_level::county, "649900"}});
  EXPECT_EQ(table.city_of("640104"), nullptr);  // points at a county
  EXPECT_EQ(table.city_of("640106"), nullptr);  // points at nothing
  EXPECT_EQ(table.city_of("640105"), table.find("640100"));
  EXPECT_EQ(table.region(), nullptr);
}

}  // namespace
}  // namespace nxkx
