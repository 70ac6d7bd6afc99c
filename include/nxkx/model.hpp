// The typed model of an application and of a project's records.
//
// The structures every notice of this shape shares (docs/pack-format.md §0); what one notice
// adds (declarations, their codes, the years of the history) is the pack's, held in
// `declarations` by the pack's index.
//
// Every fact the applicant declares is optional: a fact the input leaves out is *unknown*
// (std::nullopt, std::monostate), never "no". Rules treat unknown facts as missing material,
// not as a pass.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "nxkx/codes.hpp"
#include "nxkx/date.hpp"

namespace nxkx {

/// A yes/no fact that may be unknown.
using tristate = std::optional<bool>;

/// The value of one of the pack's declarations (docs/pack-format.md §4): unknown
/// (std::monostate), yes/no (bool), a count (std::int64_t), a date, or a code or free text
/// (std::string; which of the two, the pack's declaration says).
using declared_value = std::variant<std::monostate, bool, std::int64_t, date, std::string>;

/// The values of the pack's declarations of one scope (an organisation, a year of its history,
/// the submission, the application), by the declaration's index in the notice
/// (notice::declarations()). An index past the end is unknown. The reader fills it; a caller
/// that builds an application by hand names declarations through the notice:
/// `app.applicant.declared.set(n.declaration_index("legal_person"), true)`.
class declarations {
 public:
  /// The value at `index`, or unknown.
  const declared_value& at(std::size_t index) const noexcept {
    static const declared_value unknown;
    return index < values_.size() ? values_[index] : unknown;
  }
  /// Sets the value at `index` (std::monostate makes it unknown again).
  void set(std::size_t index, declared_value v) {
    if (index >= values_.size()) values_.resize(index + 1);
    values_[index] = std::move(v);
  }
  /// Room for the values up to `index` < n, so that setting them allocates once.
  void reserve(std::size_t n) { values_.reserve(n); }
  /// True when no value is known.
  bool empty() const noexcept {
    for (const auto& v : values_)
      if (!std::holds_alternative<std::monostate>(v)) return false;
    return true;
  }
  std::size_t size() const noexcept { return values_.size(); }
  bool operator==(const declarations& o) const {
    const std::size_t n = std::max(size(), o.size());
    for (std::size_t i = 0; i < n; ++i)
      if (at(i) != o.at(i)) return false;
    return true;
  }

 private:
  std::vector<declared_value> values_;
};

/// An organisation that applies, alone, as lead (申报单位) or as a joint applicant (联合申报单位).
struct organisation {
  std::string name;
  std::optional<std::string> credit_code;  ///< 统一社会信用代码, 18 characters
  std::string kind;                        ///< a code of the pack's applicant_kinds
  std::optional<std::string> division;     ///< GB/T 2260 code of where it is, e.g. "640122"
  /// What it declares: the pack's declarations of scope "organisation" (and, for a joint
  /// applicant, "joint_applicant"), e.g. 2025's legal_person, supervised_by_association, field.
  nxkx::declarations declared;
  /// What it declares per past year (the pack's declarations of scope "history"), keyed by the
  /// year. A missing year is unknown.
  std::map<int, nxkx::declarations> history;
};

/// A joint applicant (联合申报单位): an organisation; what it signs and seals is among its
/// declarations (scope "joint_applicant").
using joint_applicant = organisation;

/// 推荐函 from a 市级科协, 一(一)1 and 一(一)2.
struct recommendation_letter {
  std::string issuer;               ///< e.g. "银川市科学技术协会"
  std::optional<std::string> city;  ///< GB/T 2260 code of the issuing city, e.g. "640100"
  std::optional<date> issued;
};

/// The e-mailed Word version of the form, 三(二).
struct word_version {
  tristate emailed;
  std::optional<std::string> sent_to;
  std::optional<date> sent_on;
};

/// How and when the paper form was handed in, 三(二) and 三(四).
struct submission {
  std::optional<std::int64_t> paper_copies;  ///< e.g. 一式2份
  tristate sealed;                           ///< every copy bears the applicant's 公章
  std::optional<std::string> delivery;       ///< a code of the pack's delivery_methods
  /// The pack's declarations of scope "submission": the dates of each delivery method
  /// (2025: dispatch_date, handed_in_date, received_date).
  nxkx::declarations declared;
  nxkx::word_version word_version;
};

/// What is handed in at the completion stage, when a notice asks for its own paper copies, seal,
/// electronic version and dates there (the 黄石 notice's 四(一)): a submission of the same shape
/// as the application's, judged by rules of stage completion (`completion.submission.*` facts,
/// submission_deadline with "submission": "completion").
struct completion {
  nxkx::submission submission;
};

/// The application form (《项目申报书》) and which of its parts are filled in, 三(三).
struct form {
  std::optional<std::vector<std::string>> parts;  ///< codes of the parts present
};

/// What the project promises, 三(一) and 三(三) (目标合理).
struct plan {
  std::vector<std::string> work_measures;  ///< 具体工作举措
  /// Promised quantities by deliverable code (e.g. "matchmaking_events": 4). The codes are
  /// the notice pack's.
  std::map<std::string, std::int64_t> targets;
};

// ---- completion records (项目内容 of 一, checked at the completion stage) ----

/// One activity held by the project.
struct event {
  std::string title;
  std::string type;  ///< a code of the pack's event types, e.g. "academic_exchange"
  std::optional<date> held_on;
  std::optional<std::int64_t> attendance;          ///< people attending (all)
  std::optional<std::int64_t> offline_attendance;  ///< of whom on site (线下)
  std::string place;
  std::vector<std::string> partners;  ///< credit codes of the 基层"三会" it was held with
};

/// A 科技成果 transferred (转化), 一(一)1(1).
struct transfer {
  std::string title;
  std::optional<date> transferred_on;
  std::optional<double> economic_benefit;  ///< 经济效益, yuan
};

/// An item filed on 科创中国·宁夏中心: a need (需求) or a result (成果).
struct platform_item {
  std::string kind;  ///< "need" or "result"
  std::string title;
  std::optional<date> filed_on;
};

/// A report in the media.
struct media_report {
  std::string outlet;
  std::string title;
  std::optional<date> published_on;
  tristate mainstream;  ///< 主流媒体
};

/// An invited expert, 一(三)(2).
struct expert {
  std::string name;
  std::string affiliation;
  tristate nationally_known;  ///< 全国知名
};

/// A written deliverable: a case (案例), a report (报告).
struct text_document {
  std::string type;  ///< a code of the pack's text types, e.g. "case_study"
  std::string title;
  std::string content;  ///< UTF-8
  /// A Word document (.docx) or UTF-8 text file (.txt) that holds the text, relative to the
  /// application's file, given instead of `content`. The reader keeps the name; the command (and
  /// nxkx::load_text_files, office.hpp) reads the file into `content`. Elsewhere a text that
  /// names a file without its content loaded is an input error (check_texts_loaded, json.hpp).
  std::string file = {};
};

/// What a project did, as records, never as totals the applicant typed.
struct records {
  std::vector<event> events;
  std::vector<transfer> transfers;
  std::vector<platform_item> platform_items;
  std::vector<media_report> media_reports;
  std::vector<expert> experts;
  std::vector<std::string> governance_systems;  ///< codes of the rules in place, 一(二)1(1)
  std::vector<text_document> texts;
};

/// Where an application was read from, as its caller knows it. It is not part of the
/// application's JSON: the command and the bindings set it, reports echo it, and findings that
/// point at another application name it by its id and this.
struct origin {
  std::string file;                    ///< the file's name as given; "" when not known
  std::optional<std::uint64_t> index;  ///< 0-based element of a JSON array of applications
  std::optional<std::uint64_t> line;   ///< 1-based line of a JSON-lines file

  bool known() const noexcept { return !file.empty() || index || line; }
  bool operator==(const origin&) const = default;
};

/// One application (申报), and, at completion, its records. The members have the names of the
/// JSON format (docs/application-format.md).
struct application {
  std::string id;                     ///< the caller's reference (optional, echoed in the report)
  std::string project_type;           ///< a project type code of the notice
  std::string title;                  ///< 项目名称
  std::optional<date> approval_date;  ///< 立项日期, when known
  nxkx::organisation applicant;       ///< 申报单位 (lead applicant)
  std::vector<nxkx::joint_applicant> joint_applicants;
  std::optional<nxkx::recommendation_letter> recommendation_letter;
  nxkx::submission submission;
  nxkx::form form;
  nxkx::plan plan;
  nxkx::records records;
  nxkx::completion completion;  ///< the completion stage's own submission, when there is one
  /// The pack's declarations of scope "application" (e.g. a joint application's 合作协议).
  nxkx::declarations declared;
  nxkx::origin origin;  ///< where it was read from (not on the wire)
};

}  // namespace nxkx
