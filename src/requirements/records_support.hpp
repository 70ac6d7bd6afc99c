// Internal: what the deliverable kinds (event_count, record_count, partner_societies,
// text_length) share: the project period, why a record does not count, and which joint
// applicants are valid 基层"三会".
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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
  /// Reads params["period"]; throws pack_error naming the place.
  static period_spec from_params(const json& params, const std::string& path);
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

/// Records that do not count, each named by its JSON pointer and the reason.
class not_counted {
 public:
  /// `unit` names what is listed: {"条", "record"} (default) or {"个", "joint applicant"}; the
  /// English takes an "s" in the plural.
  explicit not_counted(localized unit = {"条", "record"}) : unit_(std::move(unit)) {}
  void add(std::string path, localized reason);
  std::size_t size() const noexcept { return items_.size(); }
  bool empty() const noexcept { return items_.empty(); }
  /// "；未计入 2 条：/records/events/3（2025-12-01，晚于 2025-11-30）、…" /
  /// "; 2 records not counted: /records/events/3 (2025-12-01, after 2025-11-30), …", or "" when
  /// every record counted. Long lists are cut after a few items ("… and 95 more").
  localized render() const;

 private:
  localized unit_;
  std::vector<std::pair<std::string, localized>> items_;
};

/// The rule-wide `found` of a count: "计入 3" / "3 counted", with the largest event and the
/// records not counted when there are some.
localized count_found(std::size_t counted, std::optional<std::int64_t> largest,
                      std::size_t skipped);

/// Reads an array of vocabulary codes (params[key]) checked against namespace `ns`.
std::vector<std::string> vocabulary_list(const json& params, std::string_view key,
                                         const std::string& path, const notice_data& n,
                                         std::string_view ns);

/// Reads a required integer parameter that must be at least `lowest`.
std::int64_t integer_param(const json& params, std::string_view key, const std::string& path,
                           std::int64_t lowest);

/// Which joint applicants count as partners: 基层"三会" valid by 二(一) — a county-level
/// division of the pack's region and one of the named fields.
struct partner_spec {
  std::vector<grassroots_field> fields;

  /// Reads params["partner"] = {"fields": [...]}.
  static partner_spec from_params(const json& params, const std::string& path);
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

/// An event's attendance field, as the pack names it: "attendance" or "offline_attendance".
enum class attendance_field { attendance, offline_attendance };

attendance_field attendance_param(const json& params, const std::string& path);
std::optional<std::int64_t> attendance_of(const event& e, attendance_field f);
/// "未填人数" / "no attendance" (or the offline variant).
localized missing_attendance(attendance_field f);

}  // namespace nxkx::detail
