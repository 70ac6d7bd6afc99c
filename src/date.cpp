#include "nxkx/date.hpp"

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace nxkx {
namespace {

using std::chrono::days;
using std::chrono::minutes;
using std::chrono::sys_days;

// Reads exactly `n` ASCII digits at `pos`; no locale, no sign, no white space (unlike stoi).
bool read_digits(std::string_view text, std::size_t pos, std::size_t n, int& out) noexcept {
  if (pos > text.size() || text.size() - pos < n) return false;
  int value = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

bool char_at(std::string_view text, std::size_t pos, char c) noexcept {
  return pos < text.size() && text[pos] == c;
}

date_parse_result fail(std::string en, std::string zh) {
  return {std::nullopt, std::move(en), std::move(zh)};
}

void append_padded(std::string& out, int value, int width) {
  char buf[12];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  for (int i = n; i < width; ++i) out += '0';
  while (n > 0) out += buf[--n];
}

}  // namespace

date_parse_result parse_date(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (!read_digits(text, 0, 4, y) || !char_at(text, 4, '-') || !read_digits(text, 5, 2, m) ||
      !char_at(text, 7, '-') || !read_digits(text, 8, 2, d))
    return fail("not a date: expected YYYY-MM-DD", "不是日期：应为 YYYY-MM-DD（如 2025-05-15）");
  const std::string day_text(text.substr(0, 10));
  if (m < 1 || m > 12) return fail("no such month: " + day_text, "没有这个月份：" + day_text);
  const date civil{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                   std::chrono::day{static_cast<unsigned>(d)}};
  if (!civil.ok()) return fail("no such day: " + day_text, "没有这一天：" + day_text);
  if (text.size() == 10) return {civil, {}, {}};

  // RFC 3339 allows a space (and lower case) for readability; accept what portals emit.
  const char separator = text[10];
  if (separator != 'T' && separator != 't' && separator != ' ')
    return fail("not a date: expected YYYY-MM-DD, found more text after " + day_text,
                "不是日期：应为 YYYY-MM-DD，" + day_text + " 之后还有其他文字");

  std::size_t pos = 11;
  int hour = 0, minute = 0, second = 0;
  if (!read_digits(text, pos, 2, hour) || !char_at(text, pos + 2, ':') ||
      !read_digits(text, pos + 3, 2, minute))
    return fail("not a time: expected HH:MM[:SS] after " + day_text,
                "不是时间：" + day_text + " 之后应为 HH:MM[:SS]");
  pos += 5;
  if (hour > 23)
    return fail("no such hour: " + std::string(text.substr(11, 5)),
                "没有这个小时：" + std::string(text.substr(11, 5)));
  if (minute > 59)
    return fail("no such minute: " + std::string(text.substr(11, 5)),
                "没有这个分钟：" + std::string(text.substr(11, 5)));
  if (char_at(text, pos, ':')) {
    if (!read_digits(text, pos + 1, 2, second))
      return fail("not a time: expected two digits of seconds", "不是时间：秒应为两位数字");
    // 60 is a leap second; it stays within its minute, so the date below is unaffected.
    if (second > 60)
      return fail("no such second: " + std::string(text.substr(11, 8)),
                  "没有这一秒：" + std::string(text.substr(11, 8)));
    pos += 3;
    if (char_at(text, pos, '.')) {
      const std::size_t first = ++pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      if (pos == first)
        return fail("not a time: expected digits after the decimal point",
                    "不是时间：小数点后应为数字");
    }
  }

  // No offset means the writer meant local time, and for this notice that is China's.
  int offset = china_offset_minutes;
  if (pos == text.size()) {
    // keep China time
  } else if (text[pos] == 'Z' || text[pos] == 'z') {
    offset = 0;
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    int off_hour = 0, off_minute = 0;
    if (!read_digits(text, pos + 1, 2, off_hour) || !char_at(text, pos + 3, ':') ||
        !read_digits(text, pos + 4, 2, off_minute))
      return fail("not a time zone: expected Z or +HH:MM / -HH:MM",
                  "不是时区：应为 Z 或 +HH:MM / -HH:MM");
    const std::string offset_text(text.substr(pos, 6));
    // Real zones span -12:00..+14:00; anything beyond ±14:00 is a typo, not a place.
    if (off_minute > 59 || off_hour * 60 + off_minute > 14 * 60)
      return fail("no such time zone offset: " + offset_text, "没有这个时区偏移：" + offset_text);
    offset = (off_hour * 60 + off_minute) * (text[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return fail("not a time zone: expected Z or +HH:MM / -HH:MM",
                "不是时区：应为 Z 或 +HH:MM / -HH:MM");
  }
  if (pos != text.size())
    return fail("unexpected text after the timestamp", "时间戳之后还有多余的文字");

  // Seconds cannot move the date: the minute already fixes which day it is in China.
  const auto china_local =
      sys_days{civil} + minutes{hour * 60 + minute - offset + china_offset_minutes};
  const date china{std::chrono::floor<days>(china_local)};
  if (china.year() < std::chrono::year{0} || china.year() > std::chrono::year{9999})
    return fail("out of range: the China date is outside years 0000-9999",
                "超出范围：北京时间日期不在 0000–9999 年之内");
  return {china, {}, {}};
}

std::string format_date(date d) {
  std::string out;
  out.reserve(11);
  int y = static_cast<int>(d.year());
  if (y < 0) {
    out += '-';
    y = -y;
  }
  append_padded(out, y, 4);
  out += '-';
  append_padded(out, static_cast<int>(static_cast<unsigned>(d.month())), 2);
  out += '-';
  append_padded(out, static_cast<int>(static_cast<unsigned>(d.day())), 2);
  return out;
}

}  // namespace nxkx
