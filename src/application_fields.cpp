// The application format as a table (application_fields.hpp). Titles follow
// docs/application-format.md §3; clause references are the notice's own numbering.
#include "application_fields.hpp"

#include <algorithm>
#include <array>
#include <iterator>

namespace nxkx::detail::format {
namespace {

using enum value_type;

// Designated initialisers keep each row readable; rows are in the order to_json writes them.
// clang-format off
constexpr field application_fields[] = {
    {.name = "id", .type = string,
     .zh = "申报编号", .en = "the caller's own reference, echoed in the report"},
    {.name = "project_type", .type = project_type, .required = true, .noun = "project type",
     .zh = "项目类型", .en = "project type, a code of the notice", .clause = "一"},
    {.name = "title", .type = string,
     .zh = "项目名称", .en = "project title; the same title under several types or applicants is flagged",
     .clause = "三(一)"},
    {.name = "approval_date", .type = date,
     .zh = "立项日期", .en = "approval date, once known; starts the project period at completion"},
    {.name = "applicant", .type = object, .required = true, .object = &applicant,
     .zh = "申报单位", .en = "the lead applicant", .clause = "二"},
    {.name = "joint_applicants", .type = objects, .noun = "an array of joint applicants",
     .object = &joint_applicant,
     .zh = "联合申报单位", .en = "joint applicants", .clause = "三(三)"},
    {.name = "recommendation_letter", .type = object, .object = &recommendation_letter,
     .zh = "推荐函", .en = "recommendation letter from a city association; null or absent = none",
     .clause = "一(一)1"},
    {.name = "submission", .type = object, .object = &submission,
     .zh = "提交情况", .en = "how and when the paper form was handed in", .clause = "三(二)"},
    {.name = "form", .type = object, .object = &form,
     .zh = "项目申报书", .en = "which parts of the application form are filled in", .clause = "三(三)"},
    {.name = "plan", .type = object, .object = &plan,
     .zh = "工作举措与预期目标", .en = "work measures and promised targets", .clause = "三(一)"},
    {.name = "records", .type = object, .object = &records,
     .zh = "项目完成情况", .en = "what the project did, for the completion check", .clause = "一"},
};

#define NXKX_APPLICANT_FIELDS                                                                     \
    {.name = "name", .type = string, .zh = "单位名称", .en = "name of the organisation"},            \
    {.name = "credit_code", .type = string,                                                       \
     .zh = "统一社会信用代码", .en = "unified social credit code (18 characters, GB 32100-2015)",     \
     .clause = "三(一)"},                                                                          \
    {.name = "kind", .type = enum_code, .required = true, .codes = "applicant_kind",              \
     .noun = "applicant kind", .zh = "申报主体类别", .en = "kind of applicant", .clause = "二(一)"}, \
    {.name = "division", .type = string,                                                          \
     .zh = "所在行政区划代码", .en = "GB/T 2260 code of where it is, e.g. 640122",                   \
     .clause = "二(一)"},                                                                          \
    {.name = "legal_person", .type = boolean,                                                     \
     .zh = "具有独立法人资格", .en = "is an independent legal person", .clause = "二(二)"},          \
    {.name = "own_account", .type = boolean,                                                      \
     .zh = "设立独立账户", .en = "has its own bank account", .clause = "二(二)"},                     \
    {.name = "has_capacity", .type = boolean,                                                     \
     .zh = "具有完成项目必备的人才条件和物质条件", .en = "has the people and means to do the work",     \
     .clause = "二(二)"},                                                                          \
    {.name = "supervised_by_association", .type = boolean,                                        \
     .zh = "业务主管单位为自治区科协", .en = "society: supervised by the regional association",       \
     .clause = "二(一)"},                                                                          \
    {.name = "group_member", .type = boolean,                                                     \
     .zh = "自治区科协团体会员", .en = "society: group member of the regional association",          \
     .clause = "二(一)"},                                                                          \
    {.name = "approved_by_cast", .type = boolean,                                                 \
     .zh = "中国科协已批准", .en = "Haizhi base: approved by CAST", .clause = "二(一)"},             \
    {.name = "establishment_approved", .type = boolean,                                           \
     .zh = "已批复成立", .en = "park association: its establishment is approved",                  \
     .clause = "二(一)"},                                                                          \
    {.name = "field", .type = enum_code, .codes = "grassroots_field", .noun = "grassroots field",  \
     .zh = "基层“三会”领域", .en = "field of a grassroots society; other: none of the three",      \
     .clause = "二(一)"},                                                                          \
    {.name = "field_name", .type = string,                                                        \
     .zh = "领域名称", .en = "the field's own name, e.g. 工业技术 (with field other)",               \
     .clause = "二(一)"},                                                                          \
    {.name = "history", .type = history, .noun = "an object keyed by year",                       \
     .object = &year_record,                                                                      \
     .zh = "往年情况", .en = "what a society declares per past year, keyed by 4-digit year",         \
     .clause = "二(三)"}

constexpr field applicant_fields[] = {NXKX_APPLICANT_FIELDS};

constexpr field joint_fields[] = {
    NXKX_APPLICANT_FIELDS,
    {.name = "head_signed", .type = boolean,
     .zh = "负责人签署意见", .en = "the joint applicant's head signed an opinion", .clause = "三(三)"},
    {.name = "sealed", .type = boolean,
     .zh = "加盖单位公章", .en = "the joint applicant's official seal is on it", .clause = "三(三)"},
};
#undef NXKX_APPLICANT_FIELDS

constexpr field year_fields[] = {
    {.name = "annual_inspection", .type = enum_code, .codes = "inspection_result",
     .noun = "inspection result", .zh = "年检结果", .en = "annual inspection", .clause = "二(三)1"},
    {.name = "penalized", .type = boolean,
     .zh = "受到民政厅行政处罚", .en = "penalised by the civil affairs department",
     .clause = "二(三)2"},
    {.name = "projects", .type = enum_code, .codes = "project_completion",
     .noun = "project completion", .zh = "自治区科协有关项目完成情况",
     .en = "completion of the association's projects", .clause = "二(三)3"},
    {.name = "evaluation_grade", .type = enum_code, .codes = "evaluation_grade",
     .noun = "evaluation grade", .zh = "学会评价等级", .en = "evaluation grade",
     .clause = "二(三)4"},
};

constexpr field letter_fields[] = {
    {.name = "issuer", .type = string,
     .zh = "出具单位", .en = "the issuing city association", .clause = "一(一)1"},
    {.name = "city", .type = string,
     .zh = "出具单位所在市行政区划代码", .en = "GB/T 2260 code of the issuing city, e.g. 640100",
     .clause = "一(一)1"},
    {.name = "issued", .type = date, .zh = "出具日期", .en = "date of issue"},
};

constexpr field submission_fields[] = {
    {.name = "paper_copies", .type = count,
     .zh = "纸质版份数", .en = "paper copies (一式2份)", .clause = "三(二)"},
    {.name = "sealed", .type = boolean,
     .zh = "加盖单位公章", .en = "every copy bears the applicant's official seal", .clause = "三(二)"},
    {.name = "delivery", .type = enum_code, .codes = "delivery_method", .noun = "delivery method",
     .zh = "提交方式", .en = "how the paper form was delivered", .clause = "三(四)"},
    {.name = "dispatch_date", .type = date,
     .zh = "快递发出日期", .en = "courier dispatch date; decides timeliness for courier mail",
     .clause = "三(四)"},
    {.name = "handed_in_date", .type = date,
     .zh = "现场提交日期", .en = "hand-in date; decides timeliness otherwise", .clause = "三(二)"},
    {.name = "received_date", .type = date,
     .zh = "收到日期", .en = "date received (informative only)"},
    {.name = "word_version", .type = object, .object = &word_version,
     .zh = "申报书word版", .en = "the Word version e-mailed at the same time", .clause = "三(二)"},
};

constexpr field word_fields[] = {
    {.name = "emailed", .type = boolean,
     .zh = "已发送至电子信箱", .en = "e-mailed", .clause = "三(二)"},
    {.name = "sent_to", .type = string,
     .zh = "收件邮箱", .en = "the address it was sent to (nxkxxhb@163.com)", .clause = "三(二)"},
    {.name = "sent_on", .type = date, .zh = "发送日期", .en = "date sent", .clause = "三(二)"},
};

constexpr field form_fields[] = {
    {.name = "parts", .type = vocabulary_list, .codes = "form_part", .noun = "form part",
     .zh = "已填写的部分", .en = "the parts filled in; [] = none, null or absent = unknown",
     .clause = "三(三)"},
};

constexpr field plan_fields[] = {
    {.name = "work_measures", .type = strings, .noun = "an array of strings",
     .zh = "具体工作举措", .en = "work measures, one an item", .clause = "三(一)"},
    {.name = "targets", .type = targets, .codes = "target", .noun = "target",
     .zh = "预期目标", .en = "promised quantities by target code", .clause = "三(三)"},
};

constexpr field records_fields[] = {
    {.name = "events", .type = objects, .noun = "an array of events", .object = &event,
     .zh = "活动", .en = "events held"},
    {.name = "transfers", .type = objects, .noun = "an array of transfers", .object = &transfer,
     .zh = "科技成果转化", .en = "results transferred", .clause = "一(一)1"},
    {.name = "platform_items", .type = objects, .noun = "an array of platform items",
     .object = &platform_item,
     .zh = "科创中国·宁夏中心提交的需求与成果", .en = "needs and results filed on the platform"},
    {.name = "media_reports", .type = objects, .noun = "an array of media reports",
     .object = &media_report, .zh = "媒体报道", .en = "media reports"},
    {.name = "experts", .type = objects, .noun = "an array of experts", .object = &expert,
     .zh = "邀请专家", .en = "invited experts", .clause = "一(三)"},
    {.name = "governance_systems", .type = vocabulary_list, .codes = "governance_system",
     .noun = "governance system", .zh = "已建立的制度", .en = "rules in place",
     .clause = "一(二)1"},
    {.name = "texts", .type = objects, .noun = "an array of texts", .object = &text_document,
     .zh = "案例、报告", .en = "cases and reports"},
};

constexpr field event_fields[] = {
    {.name = "title", .type = string, .zh = "活动名称", .en = "title"},
    {.name = "type", .type = vocabulary, .codes = "event_type", .noun = "event type",
     .zh = "活动类型", .en = "type of event"},
    {.name = "held_on", .type = date, .zh = "举办日期", .en = "date held"},
    {.name = "attendance", .type = count, .zh = "参加人数", .en = "people attending (all)"},
    {.name = "offline_attendance", .type = count,
     .zh = "线下参加人数", .en = "of whom on site", .clause = "一(三)"},
    {.name = "place", .type = string, .zh = "举办地点", .en = "place"},
    {.name = "partners", .type = strings, .noun = "an array of strings",
     .zh = "合作的基层“三会”统一社会信用代码", .en = "credit codes of the grassroots societies it was held with",
     .clause = "一(二)2"},
};

constexpr field transfer_fields[] = {
    {.name = "title", .type = string, .zh = "成果名称", .en = "title"},
    {.name = "transferred_on", .type = date, .zh = "转化日期", .en = "date transferred"},
    {.name = "economic_benefit", .type = number, .zh = "经济效益（元）", .en = "economic benefit, yuan"},
};

constexpr field platform_item_fields[] = {
    {.name = "kind", .type = vocabulary, .codes = "platform_item_kind", .noun = "platform item kind",
     .zh = "类别", .en = "need or result"},
    {.name = "title", .type = string, .zh = "名称", .en = "title"},
    {.name = "filed_on", .type = date, .zh = "提交日期", .en = "date filed"},
};

constexpr field media_report_fields[] = {
    {.name = "outlet", .type = string, .zh = "媒体", .en = "outlet"},
    {.name = "title", .type = string, .zh = "标题", .en = "title"},
    {.name = "published_on", .type = date, .zh = "发布日期", .en = "date published"},
    {.name = "mainstream", .type = boolean, .zh = "主流媒体", .en = "a mainstream outlet"},
};

constexpr field expert_fields[] = {
    {.name = "name", .type = string, .zh = "姓名", .en = "name"},
    {.name = "affiliation", .type = string, .zh = "工作单位", .en = "affiliation"},
    {.name = "nationally_known", .type = boolean,
     .zh = "全国知名专家", .en = "nationally known", .clause = "一(三)"},
};

constexpr field text_fields[] = {
    {.name = "type", .type = vocabulary, .codes = "text_type", .noun = "text type",
     .zh = "类型", .en = "type of text"},
    {.name = "title", .type = string, .zh = "标题", .en = "title"},
    {.name = "content", .type = string, .zh = "正文", .en = "the text itself (字 are counted)"},
    {.name = "file", .type = string,
     .zh = "正文所在的 Word 文件（.docx）或文本文件（.txt）",
     .en = "a .docx (or UTF-8 .txt) file holding the text, relative to the application file; "
           "instead of content"},
};
// clang-format on

// The reader keeps a bit per field of an object in a std::uint64_t.
template <class... A>
constexpr bool at_most_64_fields(const A&... tables) {
  return ((std::size(tables) <= 64) && ...);
}
static_assert(at_most_64_fields(application_fields, applicant_fields, joint_fields, year_fields,
                                letter_fields, submission_fields, word_fields, form_fields,
                                plan_fields, records_fields, event_fields, transfer_fields,
                                platform_item_fields, media_report_fields, expert_fields,
                                text_fields));

}  // namespace

const object_info application{"application", "an application object", application_fields, "申报",
                              "one application to the notice"};
const object_info applicant{"applicant", "an applicant object", applicant_fields, "申报单位",
                            "the lead applicant"};
const object_info joint_applicant{"joint_applicant", "a joint applicant object", joint_fields,
                                  "联合申报单位", "a joint applicant"};
const object_info year_record{"year_record", "an object (one year's record)", year_fields,
                              "年度情况", "what a society declares about one past year"};
const object_info recommendation_letter{"recommendation_letter", "a recommendation letter object",
                                        letter_fields, "推荐函",
                                        "recommendation letter from a city association"};
const object_info submission{"submission", "a submission object", submission_fields, "提交情况",
                             "how and when the paper form was handed in"};
const object_info word_version{"word_version", "a word_version object", word_fields, "申报书word版",
                               "the e-mailed Word version of the form"};
const object_info form{"form", "a form object", form_fields, "项目申报书",
                       "the application form and which parts are filled in"};
const object_info plan{"plan", "a plan object", plan_fields, "工作举措与预期目标",
                       "work measures and promised targets"};
const object_info records{"records", "a records object", records_fields, "项目完成情况",
                          "what the project did, as records"};
const object_info event{"event", "an event object", event_fields, "活动", "one event held"};
const object_info transfer{"transfer", "a transfer object", transfer_fields, "科技成果转化",
                           "one result transferred"};
const object_info platform_item{"platform_item", "a platform item object", platform_item_fields,
                                "平台提交事项", "a need or result filed on the platform"};
const object_info media_report{"media_report", "a media report object", media_report_fields,
                               "媒体报道", "one media report"};
const object_info expert{"expert", "an expert object", expert_fields, "专家", "an invited expert"};
const object_info text_document{"text", "a text object", text_fields, "案例或报告",
                                "a case or report"};

std::span<const object_info* const> all_objects() noexcept {
  static constexpr std::array<const object_info*, 16> all{&application,
                                                          &applicant,
                                                          &joint_applicant,
                                                          &year_record,
                                                          &recommendation_letter,
                                                          &submission,
                                                          &word_version,
                                                          &form,
                                                          &plan,
                                                          &records,
                                                          &event,
                                                          &transfer,
                                                          &platform_item,
                                                          &media_report,
                                                          &expert,
                                                          &text_document};
  return all;
}

namespace {
template <class E>
void add_codes(std::string_view name, std::vector<std::string_view>& out) {
  if (name != enum_name<E>()) return;
  for (const auto& item : code_table<E>::items) out.push_back(item.second);
}
}  // namespace

std::vector<std::string_view> enum_codes(std::string_view name) {
  std::vector<std::string_view> out;
  add_codes<applicant_kind>(name, out);
  add_codes<grassroots_field>(name, out);
  add_codes<inspection_result>(name, out);
  add_codes<project_completion>(name, out);
  add_codes<evaluation_grade>(name, out);
  add_codes<delivery_method>(name, out);
  return out;
}

const field* find_field(const object_info& object, std::string_view name) noexcept {
  // Size and first byte first: most fields differ there, and a memcmp call is spared.
  const auto it = std::find_if(object.fields.begin(), object.fields.end(), [&](const field& f) {
    return f.name.size() == name.size() && !name.empty() && f.name[0] == name[0] && f.name == name;
  });
  return it == object.fields.end() ? nullptr : &*it;
}

}  // namespace nxkx::detail::format
