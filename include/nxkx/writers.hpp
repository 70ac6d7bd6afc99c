// Reports for the desk: the tables a spreadsheet shows, CSV, a printable HTML page and a brief
// text, for a batch of reports and the inputs that could not be read. These need nothing but
// the library; the Excel workbook (write_xlsx) is in office.hpp (nxkx::office).
//
// Every table and page says where each report came from (report::origin: the file, the element
// of an array, the line of JSON lines) and shows untrusted text (ids, titles, names, paths) with
// its control characters made visible (visible_text, text.hpp).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "nxkx/error.hpp"
#include "nxkx/export.hpp"
#include "nxkx/model.hpp"
#include "nxkx/notice.hpp"
#include "nxkx/report.hpp"

namespace nxkx {

/// An input that could not be read, where it came from and why.
struct unreadable {
  nxkx::origin origin;
  std::string code;  ///< e.g. "input.syntax"
  std::string path;  ///< JSON pointer into the input
  localized reason;  ///< what is wrong, in both languages
};

/// The unreadable entry of an input error read from `where`.
NXKX_EXPORT unreadable unreadable_of(const input_error& e, nxkx::origin where);

/// What a batch gave: the reports, and the inputs that could not be read.
struct desk_batch {
  std::span<const report> reports;
  std::span<const unreadable> errors;
};

/// Where a report or an input came from, as a table shows it: "收件/a.json",
/// "收件/batch.json #3" (element 3 of an array, counted from 0), "intake.jsonl:12" (line 12), or
/// "#3" without a file. Control characters are made visible.
NXKX_EXPORT std::string origin_text(const origin& o);

/// A table: its header and rows, every cell text.
struct table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

/// One row per application, then one per unreadable input. Columns (zh / en):
/// 文件 File · 编号 ID · 申报单位 Applicant · 统一社会信用代码 Credit code · 项目类型 Project type
/// · 结论 Decision · 问题数 Findings · 主要问题 Main finding · 联系人 Contact. An unreadable input
/// has 结论 无法读取 (unreadable) and its reason as the main finding.
NXKX_EXPORT table summary_table(const desk_batch& b, const notice& n, lang l = lang::zh);

/// One row per finding, then one per unreadable input. Columns:
/// 文件 File · 编号 ID · 条款 Clause · 严重程度 Severity · 规则 Rule · 字段 Field · 说明 Message ·
/// 应为 Expected · 实为 Found · 解读 Reading.
NXKX_EXPORT table findings_table(const desk_batch& b, const notice& n, lang l = lang::zh);

/// One row per finding with the columns of its application, one row for an application without
/// findings, and one per unreadable input. Columns: 文件 · 编号 · 申报单位 · 统一社会信用代码 ·
/// 项目类型 · 结论 · 问题数 · 条款 · 严重程度 · 规则 · 字段 · 说明 · 应为 · 实为 · 解读 · 联系人.
NXKX_EXPORT table csv_table(const desk_batch& b, const notice& n, lang l = lang::zh);

/// The table as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted,
/// quotes doubled), in UTF-8 with a byte-order mark so that Excel opens it as UTF-8.
NXKX_EXPORT std::string to_csv(const table& t);

/// csv_table as CSV.
NXKX_EXPORT std::string to_csv(const desk_batch& b, const notice& n, lang l = lang::zh);

/// A self-contained HTML page (no script, no network: a Content-Security-Policy forbids any
/// request): a summary table, then one application per printed page with its findings, the
/// clauses quoted, the readings and whom to call; then the inputs that could not be read.
NXKX_EXPORT std::string to_html(const desk_batch& b, const notice& n, lang l = lang::zh);

/// The report in a few lines: one for the application (where it came from, id, applicant,
/// project type, decision), then one per finding citing its clauses without quoting them.
NXKX_EXPORT std::string to_brief(const report& r, const notice& n, lang l = lang::zh);

/// The label of a decision as a table shows it at a stage (未完成 for incomplete at completion).
NXKX_EXPORT std::string decision_text(decision d, stage st, lang l);

/// The finding's reading (the pack's interpretation) in a language.
NXKX_EXPORT std::string interpretation_text(const finding& f, lang l);

}  // namespace nxkx
