// Civil dates. The notice is Chinese: every date is compared in China Standard Time (UTC+8).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "nxkx/export.hpp"

namespace nxkx {

/// A civil date (no time, no zone).
using date = std::chrono::year_month_day;

/// China Standard Time is UTC+8 all year (no daylight saving).
inline constexpr int china_offset_minutes = 8 * 60;

/// What parse_date read: the date, or why the text is not one, in English and in Chinese.
/// Reads like std::optional<date>: `if (auto d = parse_date(s)) use(*d); else fail(d.why);`.
struct date_parse_result {
  std::optional<date> parsed;  ///< the date; nullopt when the text is not one
  std::string why;             ///< when not a date: the reason in English (else empty)
  std::string why_zh;          ///< the same in Chinese

  bool has_value() const noexcept { return parsed.has_value(); }
  explicit operator bool() const noexcept { return parsed.has_value(); }
  /// The date; throws std::bad_optional_access when there is none.
  const date& value() const { return parsed.value(); }
  const date& operator*() const noexcept { return *parsed; }
  const date* operator->() const noexcept { return &*parsed; }
  bool operator==(const date_parse_result&) const = default;
};

/// Parses `YYYY-MM-DD`, or an RFC 3339 timestamp (`2025-05-16T16:30:00Z`,
/// `2025-05-16T08:00:00+02:00`), which is converted to the China Standard Time date;
/// a timestamp without an offset is taken as China time. Anything else, impossible dates such
/// as 2025-02-30 included, gives no date and the reason (`why`, `why_zh`).
NXKX_EXPORT date_parse_result parse_date(std::string_view text);

/// `YYYY-MM-DD`.
NXKX_EXPORT std::string format_date(date d);

}  // namespace nxkx
