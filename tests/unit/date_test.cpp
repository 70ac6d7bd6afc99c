#include "nxkx/date.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace nxkx {
namespace {

using namespace std::chrono_literals;

constexpr date ymd(int y, unsigned m, unsigned d) {
  return date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// The reason, or "" when the text parsed.
std::string why_not(std::string_view text) {
  const date_parse_result d = parse_date(text);
  return d ? std::string{} : d.why;
}

TEST(Date, PlainDates) {
  EXPECT_EQ(parse_date("2025-05-16").parsed, ymd(2025, 5, 16));
  EXPECT_EQ(parse_date("2025-01-01").parsed, ymd(2025, 1, 1));
  EXPECT_EQ(parse_date("2025-12-31").parsed, ymd(2025, 12, 31));
  EXPECT_EQ(parse_date("2024-02-29").parsed, ymd(2024, 2, 29));
  EXPECT_EQ(parse_date("2000-02-29").parsed, ymd(2000, 2, 29));
  EXPECT_EQ(parse_date("0000-01-01").parsed, ymd(0, 1, 1));
  EXPECT_EQ(parse_date("9999-12-31").parsed, ymd(9999, 12, 31));
}

TEST(Date, ImpossibleDays) {
  EXPECT_EQ(why_not("2025-02-30"), "no such day: 2025-02-30");
  EXPECT_EQ(why_not("2025-02-29"), "no such day: 2025-02-29");
  EXPECT_EQ(why_not("1900-02-29"), "no such day: 1900-02-29");
  EXPECT_EQ(why_not("2025-04-31"), "no such day: 2025-04-31");
  EXPECT_EQ(why_not("2025-05-00"), "no such day: 2025-05-00");
  EXPECT_EQ(why_not("2025-05-32"), "no such day: 2025-05-32");
  EXPECT_EQ(why_not("2025-13-01"), "no such month: 2025-13-01");
  EXPECT_EQ(why_not("2025-00-10"), "no such month: 2025-00-10");
  EXPECT_EQ(why_not("2025-02-30T12:00:00Z"), "no such day: 2025-02-30");
}

TEST(Date, NotADate) {
  for (std::string_view text :
       {"", "2025", "2025-5-1", "2025-05-1", "2025-5-01", "25-05-16", "20250516", "2025/05/16",
        "2025.05.16", " 2025-05-16", "+2025-05-16", "-2025-05-16", "02025-05-16", "２０２５-05-16",
        "2025年5月16日", "16/05/2025", "2025-0x-16", "2025--5-16", "abcd-ef-gh"})
    EXPECT_EQ(why_not(text), "not a date: expected YYYY-MM-DD") << text;
}

TEST(Date, TrailingJunk) {
  for (std::string_view text : {"2025-05-16 ", "2025-05-16x", "2025-05-16日", "2025-05-16\n",
                                "2025-05-16Z", "2025-05-16-", "2025-05-161", "2025-05-16+08:00"}) {
    EXPECT_FALSE(parse_date(text).has_value()) << text;
    EXPECT_NE(why_not(text), "") << text;
  }
  EXPECT_FALSE(parse_date(std::string_view{"2025-05-16\0", 11}).has_value());
}

TEST(Date, TimestampsBecomeChinaDates) {
  // The notice's deadline day ends at 16:00 UTC.
  EXPECT_EQ(parse_date("2025-05-16T16:30:00Z").parsed, ymd(2025, 5, 17));
  EXPECT_EQ(parse_date("2025-05-16T16:00:00Z").parsed, ymd(2025, 5, 17));
  EXPECT_EQ(parse_date("2025-05-16T15:59:59Z").parsed, ymd(2025, 5, 16));
  EXPECT_EQ(parse_date("2025-05-16T15:59:59.999999999Z").parsed, ymd(2025, 5, 16));
  EXPECT_EQ(parse_date("2025-05-17T01:00:00+09:00").parsed, ymd(2025, 5, 17));  // 00:00 in China
  EXPECT_EQ(parse_date("2025-05-17T00:59:59+09:00").parsed, ymd(2025, 5, 16));
  EXPECT_EQ(parse_date("2025-05-16T08:00:00+02:00").parsed, ymd(2025, 5, 16));
  EXPECT_EQ(parse_date("2025-05-16T12:00:00-04:00").parsed, ymd(2025, 5, 17));  // 16:00 UTC
  EXPECT_EQ(parse_date("2025-05-16T11:59:59-04:00").parsed, ymd(2025, 5, 16));
  EXPECT_EQ(parse_date("2025-05-16T23:59:59+08:00").parsed, ymd(2025, 5, 16));
  EXPECT_EQ(parse_date("2025-05-17T00:00:00+08:00").parsed, ymd(2025, 5, 17));
  EXPECT_EQ(parse_date("2025-05-16T00:00:00+08:00").parsed, ymd(2025, 5, 16));
  EXPECT_EQ(parse_date("2025-05-16T02:00:00+10:30").parsed, ymd(2025, 5, 15));  // 23:30 in China
}

TEST(Date, TimestampsAcrossMonthsYearsAndLeapDays) {
  EXPECT_EQ(parse_date("2024-12-31T16:00:00Z").parsed, ymd(2025, 1, 1));
  EXPECT_EQ(parse_date("2025-01-01T07:59:59+08:00").parsed, ymd(2025, 1, 1));
  EXPECT_EQ(parse_date("2025-01-01T00:00:00+14:00").parsed, ymd(2024, 12, 31));  // 18:00 in China
  EXPECT_EQ(parse_date("2024-02-28T16:00:00Z").parsed, ymd(2024, 2, 29));
  EXPECT_EQ(parse_date("2025-02-28T16:00:00Z").parsed, ymd(2025, 3, 1));
  EXPECT_EQ(parse_date("2025-11-30T23:59:59-14:00").parsed, ymd(2025, 12, 1));
}

TEST(Date, OffsetLimits) {
  EXPECT_EQ(parse_date("2025-05-17T06:00:00+14:00").parsed, ymd(2025, 5, 17));  // 16:00 UTC
  EXPECT_EQ(parse_date("2025-05-17T05:59:59+14:00").parsed, ymd(2025, 5, 16));
  EXPECT_EQ(parse_date("2025-05-16T02:00:00-14:00").parsed, ymd(2025, 5, 17));  // 16:00 UTC
  EXPECT_EQ(parse_date("2025-05-16T01:59:59-14:00").parsed, ymd(2025, 5, 16));
  EXPECT_EQ(parse_date("2025-05-16T16:00:00-00:00").parsed, ymd(2025, 5, 17));
  EXPECT_EQ(parse_date("2025-05-16T16:00:00+00:00").parsed, ymd(2025, 5, 17));
  EXPECT_EQ(why_not("2025-05-16T12:00:00+14:01"), "no such time zone offset: +14:01");
  EXPECT_EQ(why_not("2025-05-16T12:00:00-14:01"), "no such time zone offset: -14:01");
  EXPECT_EQ(why_not("2025-05-16T12:00:00+15:00"), "no such time zone offset: +15:00");
  EXPECT_EQ(why_not("2025-05-16T12:00:00+08:60"), "no such time zone offset: +08:60");
  EXPECT_EQ(why_not("2025-05-16T12:00:00+99:00"), "no such time zone offset: +99:00");
}

TEST(Date, WithoutOffsetIsChinaTime) {
  EXPECT_EQ(parse_date("2025-05-16T23:59:59").parsed, ymd(2025, 5, 16));
  EXPECT_EQ(parse_date("2025-05-16T00:00:00").parsed, ymd(2025, 5, 16));
  EXPECT_EQ(parse_date("2025-05-16T23:59").parsed, ymd(2025, 5, 16));
  EXPECT_EQ(parse_date("2025-05-16 23:59:59.5").parsed, ymd(2025, 5, 16));
}

TEST(Date, LenientSpellingsOfRfc3339) {
  EXPECT_EQ(parse_date("2025-05-16t16:30:00z").parsed, ymd(2025, 5, 17));
  EXPECT_EQ(parse_date("2025-05-16 16:30:00Z").parsed, ymd(2025, 5, 17));
  EXPECT_EQ(parse_date("2025-05-16T16:30Z").parsed, ymd(2025, 5, 17));
  EXPECT_EQ(parse_date("2025-05-16T16:30+08:00").parsed, ymd(2025, 5, 16));
  EXPECT_EQ(parse_date("2025-05-16T16:30:00.1Z").parsed, ymd(2025, 5, 17));
  EXPECT_EQ(parse_date("2025-05-16T16:30:00,1Z").parsed, std::nullopt);  // no comma decimals
}

TEST(Date, LeapSecondStaysInItsDay) {
  EXPECT_EQ(parse_date("2016-12-31T23:59:60Z").parsed, ymd(2017, 1, 1));  // 07:59:60 in China
  EXPECT_EQ(parse_date("2016-12-31T15:59:60Z").parsed, ymd(2016, 12, 31));
  EXPECT_EQ(parse_date("2025-05-16T23:59:60+08:00").parsed, ymd(2025, 5, 16));
  EXPECT_EQ(parse_date("2025-05-16T23:59:60.999").parsed, ymd(2025, 5, 16));
}

TEST(Date, BadTimes) {
  EXPECT_EQ(why_not("2025-05-16T24:00:00Z"), "no such hour: 24:00");
  EXPECT_EQ(why_not("2025-05-16T99:00:00Z"), "no such hour: 99:00");
  EXPECT_EQ(why_not("2025-05-16T23:60:00Z"), "no such minute: 23:60");
  EXPECT_EQ(why_not("2025-05-16T23:59:61Z"), "no such second: 23:59:61");
  for (std::string_view text : {"2025-05-16T",
                                "2025-05-16T16",
                                "2025-05-16T16:",
                                "2025-05-16T16:3",
                                "2025-05-16T1:30",
                                "2025-05-16T16-30",
                                "2025-05-16T16:30:",
                                "2025-05-16T16:30:0",
                                "2025-05-16T16:30:00.",
                                "2025-05-16T16:30:00.Z",
                                "2025-05-16T16:30.5Z",
                                "2025-05-16T16:30:00+0800",
                                "2025-05-16T16:30:00+08",
                                "2025-05-16T16:30:00+8:00",
                                "2025-05-16T16:30:00ZZ",
                                "2025-05-16T16:30:00 Z",
                                "2025-05-16T16:30:00Z ",
                                "2025-05-16T16:30:00UTC",
                                "2025-05-16T16:30:00+08:00:00",
                                "2025-05-16TT16:30:00Z",
                                "2025-05-16  16:30:00",
                                "2025-05-16_16:30:00",
                                "2025-05-16T16:30:00 +08:00"}) {
    EXPECT_FALSE(parse_date(text).has_value()) << text;
    EXPECT_NE(why_not(text), "") << text;
  }
}

TEST(Date, OutOfRangeAfterConversion) {
  EXPECT_NE(why_not("9999-12-31T23:00:00-05:00"), "");
  EXPECT_EQ(parse_date("9999-12-31T15:59:59Z").parsed, ymd(9999, 12, 31));
  EXPECT_NE(why_not("0000-01-01T00:00:00+09:00"), "");
  EXPECT_EQ(parse_date("0000-01-01T00:00:00+08:00").parsed, ymd(0, 1, 1));
}

TEST(Date, TheResultCarriesTheReasonInBothLanguages) {
  const date_parse_result bad = parse_date("2025-02-30");
  EXPECT_FALSE(bad);
  EXPECT_FALSE(bad.has_value());
  EXPECT_EQ(bad.why, "no such day: 2025-02-30");
  EXPECT_EQ(bad.why_zh, "没有这一天：2025-02-30");
  EXPECT_THROW((void)bad.value(), std::bad_optional_access);
  const date_parse_result good = parse_date("2025-05-16");
  ASSERT_TRUE(good);
  EXPECT_EQ(*good, ymd(2025, 5, 16));
  EXPECT_EQ(good.value(), ymd(2025, 5, 16));
  EXPECT_EQ(good->day(), std::chrono::day{16});
  EXPECT_TRUE(good.why.empty());
  EXPECT_TRUE(good.why_zh.empty());
}

TEST(Date, Format) {
  EXPECT_EQ(format_date(ymd(2025, 5, 6)), "2025-05-06");
  EXPECT_EQ(format_date(ymd(2025, 11, 30)), "2025-11-30");
  EXPECT_EQ(format_date(ymd(1, 1, 1)), "0001-01-01");
  EXPECT_EQ(format_date(ymd(0, 1, 1)), "0000-01-01");
  EXPECT_EQ(format_date(ymd(9999, 12, 31)), "9999-12-31");
}

TEST(Date, EveryDayRoundTrips) {
  // 1999-2001 crosses a century leap year, 2023-2025 an ordinary one.
  for (const int year : {1999, 2000, 2001, 2023, 2024, 2025}) {
    for (std::chrono::sys_days day{ymd(year, 1, 1)};
         day < std::chrono::sys_days{ymd(year + 1, 1, 1)}; day += std::chrono::days{1}) {
      const date d{day};
      const std::string text = format_date(d);
      ASSERT_EQ(text.size(), 10u);
      EXPECT_EQ(parse_date(text).parsed, d) << text;
      // The same day as a timestamp at either end of it, written in UTC.
      EXPECT_EQ(parse_date(format_date(date{day - std::chrono::days{1}}) + "T16:00:00Z").parsed, d);
      EXPECT_EQ(parse_date(text + "T15:59:59Z").parsed, d) << text;
    }
  }
}

}  // namespace
}  // namespace nxkx
