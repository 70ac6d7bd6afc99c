// Duplicate detection keeps 128-bit hashes of its keys (engine.cpp): the hash, and a stream long
// enough to grow the tables many times, with duplicates at known places; and batch_checker's
// two steps (prepare on any thread in any order, judge in order) against add() and check_batch.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "nxkx/nxkx.hpp"
#include "siphash.hpp"
#include "test_support.hpp"

namespace nxkx {
namespace {

TEST(SipHash128, ReferenceVectors) {
  // veorq/SipHash vectors.h, vectors_sip128: key 00 01 … 0f, message 00 01 … (len-1).
  const std::array<std::pair<std::size_t, const char*>, 8> vectors{{
      {0, "a3817f04ba25a8e66df67214c7550293"},
      {1, "da87c1d86b99af44347659119b22fc45"},
      {7, "a1f1ebbed8dbc153c0b84aa61ff08239"},
      {8, "3b62a9ba6258f5610f83e264f31497b4"},
      {9, "264499060ad9baabc47f8b02bb6d71ed"},
      {15, "5493e99933b0a8117e08ec0f97cfc3d9"},
      {16, "6ee2a4ca67b054bbfd3315bf85230577"},
      {63, "5150d1772f50834a503e069a973fbd7c"},
  }};
  const detail::siphash128 h(0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL);
  std::string message;
  for (int i = 0; i < 64; ++i) message += static_cast<char>(i);
  for (const auto& [len, want] : vectors) {
    const detail::hash128 out = h(std::string_view(message).substr(0, len));
    std::string hex;
    for (const std::uint64_t word : out)
      for (int byte = 0; byte < 8; ++byte) {
        constexpr char digits[] = "0123456789abcdef";
        const auto b = static_cast<unsigned>((word >> (8 * byte)) & 0xff);
        hex += digits[b >> 4];
        hex += digits[b & 0xf];
      }
    EXPECT_EQ(hex, want) << "length " << len;
  }
}

/// The finding `f` names the application of id `other` (and nothing longer).
void expect_names(const finding& f, const std::string& other) {
  const std::string want = "application " + other;
  const std::size_t at = f.message(lang::en).find(want);
  ASSERT_NE(at, std::string::npos) << f.message(lang::en) << " wanted " << want;
  const std::size_t after = at + want.size();
  EXPECT_TRUE(after == f.message(lang::en).size() || f.message(lang::en)[after] < '0' ||
              f.message(lang::en)[after] > '9')
      << f.message(lang::en) << " wanted " << want;
}

constexpr std::size_t stream_length = 20'000;

/// Applicants by name (no credit code), each new, except every 101st, which repeats the applicant
/// and project type of the one two before it, and every 37th, which repeats the title of the one
/// before it (of the other project type).
std::vector<application> stream() {
  std::vector<application> apps;
  apps.reserve(stream_length);
  for (std::size_t i = 0; i < stream_length; ++i) {
    application a =
        test::good_application(i % 2 ? "society_capacity" : "regional_academic_exchange");
    a.id = "S-" + std::to_string(i);
    a.applicant.credit_code.reset();
    a.applicant.name = "学会" + std::to_string(i % 101 == 0 && i > 0 ? i - 2 : i);
    a.title = "项目" + std::to_string(i % 37 == 0 && i % 101 != 0 && i > 0 ? i - 1 : i);
    apps.push_back(std::move(a));
  }
  return apps;
}

TEST(BatchKeys, ALongStreamFindsEveryDuplicateAndNothingElse) {
  const std::vector<application> apps = stream();
  batch_checker checker(notice::builtin(), test::may20());
  std::size_t applicants = 0, titles = 0;
  std::vector<amendment> amendments;
  for (std::size_t i = 0; i < apps.size(); ++i) {
    const report r = checker.add(apps[i], amendments);
    const bool same_applicant = i > 0 && i % 101 == 0;
    const bool same_title = i > 0 && i % 37 == 0 && !same_applicant;
    // Submitted the same day, the later in the stream stands: the one two before is superseded
    // by it, an amendment of the report given before.
    EXPECT_EQ(test::find_rule(r, "application.duplicate_applicant"), nullptr) << i;
    EXPECT_EQ(test::find_rule(r, "application.similar_title") != nullptr, same_title) << i;
    ASSERT_EQ(amendments.size(), same_applicant ? 1u : 0u) << i;
    if (same_applicant) {
      const amendment& m = amendments[0];
      EXPECT_EQ(m.position, i - 2);
      EXPECT_EQ(m.application_id, apps[i - 2].id);
      EXPECT_EQ(m.added.rule_id, "application.duplicate_applicant");
      // Without a credit code each is incomplete already; superseded (needs review), it stays so.
      EXPECT_EQ(m.previous, decision::incomplete);
      EXPECT_EQ(m.decision, decision::incomplete);
      expect_names(m.added, apps[i].id);
      ++applicants;
    }
    if (same_title) {
      expect_names(*test::find_rule(r, "application.similar_title"), apps[i - 1].id);
      ++titles;
    }
    amendments.clear();
  }
  EXPECT_EQ(applicants, (stream_length - 1) / 101);
  EXPECT_GT(titles, 400u);
}

TEST(BatchKeys, TwoStepsOnThreadsGiveWhatAddAndCheckBatchGive) {
  std::vector<application> apps = stream();
  apps.resize(3000);
  check_options opt = test::may20();
  opt.trace = true;
  opt.threads = 2;
  const std::vector<report> batch = check_batch(notice::builtin(), apps, opt);

  batch_checker one_step(notice::builtin(), opt);
  batch_checker two_steps(notice::builtin(), opt);
  // Prepared out of order on two threads, judged in order.
  std::vector<batch_checker::prepared> prepared(apps.size());
  std::thread other([&] {
    for (std::size_t i = 1; i < apps.size(); i += 2) prepared[i] = two_steps.prepare(apps[i]);
  });
  for (std::size_t k = (apps.size() + 1) / 2; k-- > 0;)
    prepared[2 * k] = two_steps.prepare(apps[2 * k]);
  other.join();
  std::size_t changed = 0;
  std::vector<report> by_two, by_one;
  std::vector<amendment> two, one;
  for (std::size_t i = 0; i < apps.size(); ++i) {
    const std::string before = to_json(prepared[i].r, -1);
    const bool did_change = two_steps.judge(apps[i], prepared[i], two);
    EXPECT_EQ(did_change, to_json(prepared[i].r, -1) != before) << i;
    if (did_change) ++changed;
    by_two.push_back(prepared[i].r);
    by_one.push_back(one_step.add(apps[i], one));
    EXPECT_EQ(to_json(by_two.back(), -1), to_json(by_one.back(), -1)) << i;
    ASSERT_EQ(two.size(), one.size()) << i;
    for (std::size_t k = 0; k < two.size(); ++k) {
      EXPECT_EQ(to_json(two[k], -1), to_json(one[k], -1)) << i;
      apply(by_two.at(two[k].position), two[k]);
    }
    two.clear();
    one.clear();
  }
  // The stream with its amendments applied is the batch.
  for (std::size_t i = 0; i < apps.size(); ++i)
    EXPECT_EQ(to_json(by_two[i], -1), to_json(batch[i], -1)) << i;
  EXPECT_GT(changed, 50u);
}

}  // namespace
}  // namespace nxkx
