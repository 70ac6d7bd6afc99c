// Internal: what the deliverable kinds (event_count, record_count, partner_societies,
// text_length) share: the project period, why a record does not count, and which joint
// applicants are valid 基层"三会".
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "requirements/params.hpp"
#include "requirements/requirement.hpp"

namespace nxkx::detail {

/// The dates within which a record counts: [start, end], both inclusive, and never after the
/// date of the check.
struct project_period {
  date start;
  date end;
  date as_of;
};

/// How a rule's `"period"` parameter names the project period, e.g.
/// {"start": "approval_date_or_issued", "end": "completion_deadline"}.
class period_spec {
 public:
  /// Reads a `period` param (`p`, at `pp`; nullptr: missing); throws pack_error naming the
  /// place.
  static period_spec from_json(const json* p, const std::string& pp);
  /// The period of one application.
  project_period resolve(const eval_context& ctx) const;

 private:
  enum class start_kind { approval_date_or_issued, issued, fixed } start_ = start_kind::issued;
  enum class end_kind { completion_deadline, fixed } end_ = end_kind::completion_deadline;
  date fixed_start_{};
  date fixed_end_{};
};

/// Why a record dated `d` does not count in `p`, or nullopt when it does.
std::optional<localized> date_problem(const std::optional<date>& d, const project_period& p);

/// The period as findings show it: "2025-05-06 至 2025-11-30", with the approval date where the
/// application gives one that the period does not start at ("，立项日期 2025-06-15 不缩短项目期").
localized describe(const project_period& p, const application& a);

/// Records that do not count, each named by its JSON pointer and the reason.
class not_counted {
 public:
  /// `unit` is the vocabulary unit of what is listed: "record" (条) or "joint_applicant" (个).
  explicit not_counted(const notice_data& n, std::string unit = "record")
      : n_(n), unit_(std::move(unit)) {}
  void add(std::string path, localized reason);
  std::size_t size() const noexcept { return items_.size(); }
  bool empty() const noexcept { return items_.empty(); }
  /// "；未计入 2 条：/records/events/3（2025-12-01，晚于 2025-11-30）、…" /
  /// "; 2 records not counted: /records/events/3 (2025-12-01, after 2025-11-30), …", or "" when
  /// every record counted. Long lists are cut after a few items ("… and another 95 records").
  localized render() const;
  /// "；未计入 2 条" / "; 2 records not counted", or "".
  localized summary() const;

 private:
  const notice_data& n_;
  std::string unit_;
  std::vector<std::pair<std::string, localized>> items_;
};

/// Records counted once (RULES §3): the first record of a key counts, a later one with the same
/// key is a repeat. Records without a key (an empty title …) are never repeats.
class record_keys {
 public:
  /// The path of the earlier record with `key`, or nullopt (and `key` is noted for `path`).
  std::optional<std::string> repeat_of(const std::string& key, const std::string& path);
  /// "与 /records/experts/0 重复，只计一次" / "the same as /records/experts/0, counted once".
  static localized reason(const std::string& first);

 private:
  std::unordered_map<std::string, std::string> seen_;  // key → path of the first
};

/// A text as a key part: without surrounding white space; "" when nothing is left.
std::string key_part(std::string_view s);

/// Reads an array of vocabulary codes (params[key]) checked against namespace `ns`.
std::vector<std::string> vocabulary_list(const json& params, std::string_view key,
                                         const std::string& path, const notice_data& n,
                                         std::string_view ns);

/// The same for codes already read (a kind's params; `path` is the param's pointer).
std::vector<std::string> vocabulary_codes(const std::vector<std::string>& codes,
                                          const std::string& path, const notice_data& n,
                                          std::string_view ns);

/// Reads a required integer parameter that must be at least `lowest`.
std::int64_t integer_param(const json& params, std::string_view key, const std::string& path,
                           std::int64_t lowest);

/// Which joint applicants count as partners: 基层"三会" valid by 二(一) — a county-level
/// division of the pack's region and one of the named fields.
struct partner_spec {
  std::string kind;                  ///< the applicant kind a partner is
  std::size_t fact = 0;              ///< the index of the code declaration it is judged by
  std::vector<std::string> allowed;  ///< the codes of that declaration that qualify

  /// Reads a `partner` param {"kind": …, "fact": …, "allowed": [...]} (`p`, at `pp`; nullptr:
  /// missing).
  static partner_spec from_json(const json* p, const std::string& pp, const notice_data& n);
};

/// One joint applicant judged as a partner.
struct partner_status {
  enum class state { valid, invalid, unknown } verdict = state::valid;
  std::size_t index = 0;    ///< position in joint_applicants
  std::string path;         ///< "/joint_applicants/2"
  std::string credit_code;  ///< "" when not given
  localized reason;         ///< why it is not valid (or unknown)
};

/// Every joint applicant, judged in order; a repeated credit code (or, without one, a repeated
/// name) is invalid from its second occurrence on.
std::vector<partner_status> judge_partners(const eval_context& ctx, const partner_spec& spec);

/// The label of an organisation's code declaration `index`, with its detail (a text declaration
/// the pack shows beside it: 其他（工业技术）).
localized shown_code(const notice_data& n, const organisation& org, std::size_t index);

/// An event's attendance field, as the pack names it: "attendance" or "offline_attendance".
enum class attendance_field { attendance, offline_attendance };

/// The `attendance` param's value (at `path`, the param's pointer).
attendance_field attendance_code(const std::string& f, const std::string& path);
std::optional<std::int64_t> attendance_of(const event& e, attendance_field f);
/// "人数未填写" / "attendance not given" (or "线下人数未填写": unknown, never 0).
localized missing_attendance(attendance_field f);
/// "150 人" / "150 people", or "线下 150 人" / "150 people on site".
localized attendance_text(const notice_data& n, attendance_field f, std::int64_t people);

}  // namespace nxkx::detail
