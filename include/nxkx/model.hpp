// The typed model of an application and of a project's records.
//
// Every fact the applicant declares is optional: a fact the input leaves out is *unknown*
// (std::nullopt), never "no". Rules treat unknown facts as missing material, not as a pass.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "nxkx/codes.hpp"
#include "nxkx/date.hpp"

namespace nxkx {

/// A yes/no fact that may be unknown.
using tristate = std::optional<bool>;

/// What a society declares about one past year, 二(三).
struct year_record {
  std::optional<inspection_result> annual_inspection;      ///< 年检
  tristate penalized;                                      ///< 受到民政厅行政处罚
  std::optional<project_completion> projects;              ///< 自治区科协有关项目
  std::optional<nxkx::evaluation_grade> evaluation_grade;  ///< 学会评价等级
};

/// An organisation that applies, alone or as lead (申报单位).
struct applicant {
  std::string name;
  std::optional<std::string> credit_code;  ///< 统一社会信用代码, 18 characters
  applicant_kind kind = applicant_kind::society;
  std::optional<std::string> division;  ///< GB/T 2260 code of where it is, e.g. "640122"

  // 二(二): 原则应具有独立法人资格、独立账户、人才条件和物质条件.
  tristate legal_person;
  tristate own_account;
  tristate has_capacity;  ///< 完成项目必备的人才条件和物质条件

  // 二(一): the attestation that fits the kind.
  tristate supervised_by_association;  ///< 全区学会: 业务主管单位为自治区科协
  tristate group_member;               ///< 全区学会: 自治区科协团体会员
  tristate approved_by_cast;           ///< 海智基地: 中国科协已批准
  tristate establishment_approved;     ///< 园区科协: 已批复成立
  std::optional<grassroots_field> field;  ///< 基层"三会": 科技教育/医疗卫生/农业技术, or other
  std::optional<std::string> field_name;  ///< the field's own name, e.g. "工业技术" (for other)

  /// 二(三): keyed by year (2023, 2024). A missing year is unknown.
  std::map<int, year_record> history;
};

/// A joint applicant (联合申报单位): an organisation plus its head's signed opinion and seal,
/// 三(三).
struct joint_applicant {
  applicant organisation;
  tristate head_signed;  ///< 负责人签署意见
  tristate sealed;       ///< 加盖单位公章
};

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
  std::optional<std::int64_t> paper_copies;  ///< 一式2份
  tristate sealed;                           ///< every copy bears the applicant's 公章
  std::optional<delivery_method> delivery;
  std::optional<date> dispatch_date;   ///< 快递发出日期 (courier)
  std::optional<date> handed_in_date;  ///< 现场提交日期 (in person)
  std::optional<date> received_date;   ///< when 学会学术部 received it (informative only)
  word_version word;
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

/// One application (申报), and, at completion, its records.
struct application {
  std::string id;            ///< the caller's reference (optional, echoed in the report)
  std::string project_type;  ///< a project type code of the notice
  std::string title;         ///< 项目名称
  applicant lead;            ///< 申报单位 (lead applicant)
  std::vector<joint_applicant> joint_applicants;
  std::optional<recommendation_letter> letter;
  submission submitted;
  form form_parts;
  plan project_plan;
  std::optional<date> approval_date;  ///< 立项日期, when known
  records achieved;
  nxkx::origin origin;  ///< where it was read from (not on the wire)
};

}  // namespace nxkx
