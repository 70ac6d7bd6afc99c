// Civil dates. The notice is Chinese: every date is compared in China Standard Time (UTC+8).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace nxkx {

/// A civil date (no time, no zone).
using date = std::chrono::year_month_day;

/// China Standard Time is UTC+8 all year (no daylight saving).
inline constexpr int china_offset_minutes = 8 * 60;

/// Parses `YYYY-MM-DD`, or an RFC 3339 timestamp (`2025-05-16T16:30:00Z`,
/// `2025-05-16T08:00:00+02:00`), which is converted to the China Standard Time date;
/// a timestamp without an offset is taken as China time. Returns nullopt and sets `why`
/// (when given; English) and `why_zh` (when given; the same in Chinese) for anything else,
/// including impossible dates such as 2025-02-30.
std::optional<date> parse_date(std::string_view text, std::string* why = nullptr,
                               std::string* why_zh = nullptr);

/// `YYYY-MM-DD`.
std::string format_date(date d);

}  // namespace nxkx
