#include <gtest/gtest.h>

#include "test_support.hpp"

namespace nxkx {
namespace {

using test::find_rule;
using test::good_application;
using test::may20;

TEST(KindRecommendationLetter, LetterFromACityPasses) {
  EXPECT_TRUE(
      check(notice::builtin(), good_application("haizhi_base_capacity"), may20()).findings.empty());
}

TEST(KindRecommendationLetter, MissingLetterIsIncomplete) {
  auto app = good_application("park_sta_capacity");
  app.recommendation_letter.reset();
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, "recommendation.present");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->path, "/recommendation_letter");
  EXPECT_EQ(r.decision, decision::incomplete);
}

TEST(KindRecommendationLetter, RegionLevelIssuerIsNotACity) {
  auto app = good_application("park_sta_capacity");
  app.recommendation_letter->city = "640000";
  ASSERT_NE(find_rule(check(notice::builtin(), app, may20()), "recommendation.present"), nullptr);
}

TEST(KindRecommendationLetter, NotNeededForSocieties) {
  check_options o = may20();
  o.trace = true;
  auto r = check(notice::builtin(), good_application("society_capacity"), o);
  for (const auto& t : r.trace) {
    if (t.rule_id.rfind("recommendation.", 0) == 0) {
      EXPECT_EQ(t.status, rule_status::not_applicable);
    }
  }
}

TEST(KindSameCity, LetterFromAnotherCityIsWorthAWarning) {
  auto app = good_application("park_sta_capacity");
  app.recommendation_letter->city = "640300";
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, "recommendation.other_city");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->level, severity::needs_review);
  EXPECT_EQ(f->message(lang::zh), "推荐函由吴忠市的市级科协出具，申报单位位于银川市，请人工核实");
  EXPECT_EQ(r.decision, decision::needs_review);
}

}  // namespace
}  // namespace nxkx
