// The Excel workbook of a batch (office.hpp), with libxlsxwriter: the tables of writers.hpp,
// formatted for people who filter and print them.
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "nxkx/error.hpp"
#include "nxkx/office.hpp"

namespace nxkx {
namespace {

/// Excel's limit on the characters of one cell.
constexpr std::size_t max_cell_bytes = 32000;

/// Columns wider than this wrap their text.
constexpr double max_width = 60;

/// The width of a text as a spreadsheet shows it: a CJK character or full-width mark takes
/// two columns, anything else one.
double display_width(const std::string& s) {
  double w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += n >= 3 ? 2 : 1;
    i += n;
  }
  return w;
}

/// A cell's text, cut at a character boundary to what Excel holds.
std::string cell(const std::string& s) {
  if (s.size() <= max_cell_bytes) return s;
  std::size_t end = max_cell_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end) + "…";
}

/// The colours of a decision or severity: text and background.
struct colours {
  lxw_color_t font, fill;
};
constexpr colours green{0x1E7B34, 0xDFF3E3}, yellow{0x8A5A00, 0xFFF1C7}, orange{0x9A4A00, 0xFDE3CF},
    red{0xA1111C, 0xFBD5D8};

colours of(decision d) {
  switch (d) {
    case decision::accepted:
    case decision::complete:
      return green;
    case decision::needs_review:
      return yellow;
    case decision::incomplete:
      return orange;
    case decision::rejected:
      return red;
  }
  return red;
}

colours of(severity s) {
  switch (s) {
    case severity::needs_review:
      return yellow;
    case severity::incomplete:
      return orange;
    case severity::rejected:
      return red;
  }
  return red;
}

class workbook {
 public:
  workbook(const std::filesystem::path& file, lang l) : file_(file) {
    wb_ = workbook_new(file.c_str());
    if (wb_ == nullptr)
      throw error("output.file", "", "cannot write " + file.string(), "无法写入 " + file.string());
    header_ = workbook_add_format(wb_);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xEEF1F5);
    format_set_border(header_, LXW_BORDER_THIN);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    text_ = workbook_add_format(wb_);
    format_set_align(text_, LXW_ALIGN_VERTICAL_TOP);
    wrapped_ = workbook_add_format(wb_);
    format_set_align(wrapped_, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(wrapped_);
    for (const colours& c : {green, yellow, orange, red}) {
      lxw_format* f = workbook_add_format(wb_);
      format_set_font_color(f, c.font);
      format_set_bg_color(f, c.fill);
      format_set_bold(f);
      format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
      coloured_.push_back({c, f});
    }
    title_ = l == lang::zh ? "申报审核结果" : "Check results";
    lxw_doc_properties properties{};
    properties.title = title_.data();
    properties.subject = title_.data();
    properties.author = const_cast<char*>("nxkx");
    workbook_set_properties(wb_, &properties);
  }
  workbook(const workbook&) = delete;
  workbook& operator=(const workbook&) = delete;
  ~workbook() {
    if (wb_ != nullptr) workbook_close(wb_);  // only after a failure: close() clears wb_
  }

  lxw_format* colour(const colours& c) const {
    for (const auto& [k, f] : coloured_)
      if (k.font == c.font && k.fill == c.fill) return f;
    return text_;
  }

  /// A sheet of `t`; `style(row)` gives the format of column `coloured_column` of a row, and
  /// `number_column` holds integers.
  template <class Style>
  void sheet(const std::string& name, const table& t, int coloured_column, int number_column,
             Style&& style) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
    if (ws == nullptr) fail();
    std::vector<double> widths(t.header.size(), 4);
    for (std::size_t c = 0; c < t.header.size(); ++c) {
      check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), cell(t.header[c]).c_str(),
                                   header_));
      widths[c] = std::max(widths[c], display_width(t.header[c]) + 2);
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      const auto& cells = t.rows[r];
      for (std::size_t c = 0; c < cells.size() && c < t.header.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        const std::string& v = cells[c];
        widths[c] = std::max(widths[c], std::min(display_width(v) + 2, max_width));
        if (static_cast<int>(c) == number_column && !v.empty() &&
            v.find_first_not_of("0123456789") == std::string::npos) {
          check(worksheet_write_number(ws, row, col, std::stod(v), text_));
          continue;
        }
        if (v.empty()) continue;
        lxw_format* f = static_cast<int>(c) == coloured_column ? style(r)
                        : display_width(v) + 2 > max_width     ? wrapped_
                                                               : text_;
        check(worksheet_write_string(ws, row, col, cell(v).c_str(), f));
      }
    }
    for (std::size_t c = 0; c < widths.size(); ++c)
      check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                 widths[c], nullptr));
    worksheet_freeze_panes(ws, 1, 0);
    check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t.rows.size()),
                               static_cast<lxw_col_t>(t.header.size() - 1)));
  }

  void close() {
    lxw_workbook* wb = wb_;
    wb_ = nullptr;
    check(workbook_close(wb));
  }

 private:
  void check(lxw_error e) const {
    if (e != LXW_NO_ERROR) fail(e);
  }
  [[noreturn]] void fail(lxw_error e = LXW_ERROR_MEMORY_MALLOC_FAILED) const {
    const std::string why = lxw_strerror(e);
    throw error("output.file", "", "cannot write " + file_.string() + ": " + why,
                "无法写入 " + file_.string() + "：" + why);
  }

  std::filesystem::path file_;
  lxw_workbook* wb_ = nullptr;
  lxw_format *header_ = nullptr, *text_ = nullptr, *wrapped_ = nullptr;
  std::vector<std::pair<colours, lxw_format*>> coloured_;
  std::string title_;
};

}  // namespace

void write_xlsx(const std::filesystem::path& file, const desk_batch& b, const notice& n, lang l) {
  workbook wb(file, l);
  const table summary = summary_table(b, n, l);
  lxw_format* unreadable_format = wb.colour(red);
  wb.sheet(l == lang::zh ? "汇总" : "Summary", summary, 5, 6, [&](std::size_t r) {
    return r < b.reports.size() ? wb.colour(of(b.reports[r].decision)) : unreadable_format;
  });
  // The rows of the findings table, in its order: each report's findings, then the errors.
  std::vector<severity> levels;
  for (const report& r : b.reports)
    for (const finding& f : r.findings) levels.push_back(f.level);
  const table findings = findings_table(b, n, l);
  wb.sheet(l == lang::zh ? "问题" : "Findings", findings, 3, -1, [&](std::size_t r) {
    return r < levels.size() ? wb.colour(of(levels[r])) : unreadable_format;
  });
  wb.close();
}

}  // namespace nxkx
