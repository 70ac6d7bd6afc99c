// The application format as a table (application_fields.hpp). Titles follow
// docs/application-format.md §3; clause references are the notice's own numbering.
#include "application_fields.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <string>

#include "nxkx/error.hpp"

namespace nxkx::detail::format {
namespace {

using enum value_type;

// Designated initialisers keep each row readable; rows are in the order to_json writes them.
// clang-format off
constexpr field application_fields[] = {
    {.name = "id", .type = string,
     .zh = "申报编号", .en = "the caller's own reference, echoed in the report"},
    {.name = "project_type", .type = project_type, .required = true, .noun = "project type",
     .zh = "项目类型", .en = "project type, a code of the notice"},
    {.name = "title", .type = string,
     .zh = "项目名称", .en = "project title; the same title under several types or applicants is flagged"},
    {.name = "approval_date", .type = date,
     .zh = "立项日期", .en = "approval date, once known; starts the project period at completion"},
    {.name = "applicant", .type = object, .required = true, .object = &shared::applicant,
     .zh = "申报单位", .en = "the lead applicant"},
    {.name = "joint_applicants", .type = objects, .noun = "an array of joint applicants",
     .object = &shared::joint_applicant,
     .zh = "联合申报单位", .en = "joint applicants"},
    {.name = "recommendation_letter", .type = object, .object = &shared::recommendation_letter,
     .zh = "推荐函", .en = "recommendation letter; null or absent = none"},
    {.name = "submission", .type = object, .object = &shared::submission,
     .zh = "提交情况", .en = "how and when the paper form was handed in"},
    {.name = "form", .type = object, .object = &shared::form,
     .zh = "项目申报书", .en = "which parts of the application form are filled in"},
    {.name = "plan", .type = object, .object = &shared::plan,
     .zh = "工作举措与预期目标", .en = "work measures and promised targets"},
    {.name = "records", .type = object, .object = &shared::records,
     .zh = "项目完成情况", .en = "what the project did, for the completion check"},
    {.name = "completion", .type = object, .object = &shared::completion,
     .zh = "结题材料报送情况", .en = "what is handed in at completion, where the notice asks for it"},
};

// The completion stage's own submission: the shape of /submission, the pack's submission
// declarations included (build_format points it at the format's submission object).
constexpr field completion_fields[] = {
    {.name = "submission", .type = object, .object = &shared::submission,
     .zh = "结题材料提交情况", .en = "how and when the completion materials were handed in"},
};

// The declarations of each organisation (legal_person, field …) and its history's facts are the
// pack's (docs/pack-format.md §4): build_format puts them in before `history`.
constexpr field applicant_fields[] = {
    {.name = "name", .type = string, .zh = "单位名称", .en = "name of the organisation"},
    {.name = "credit_code", .type = string,
     .zh = "统一社会信用代码", .en = "unified social credit code (18 characters, GB 32100-2015)"},
    {.name = "kind", .type = vocabulary, .required = true, .codes = "applicant_kind",
     .noun = "applicant kind", .zh = "申报主体类别", .en = "kind of applicant, a code of the notice"},
    {.name = "division", .type = string,
     .zh = "所在行政区划代码", .en = "GB/T 2260 code of where it is, e.g. 640122"},
    {.name = "history", .type = history, .noun = "an object keyed by year",
     .object = &shared::year_record,
     .zh = "往年情况", .en = "what it declares per past year, keyed by 4-digit year"},
};

constexpr field letter_fields[] = {
    {.name = "issuer", .type = string,
     .zh = "出具单位", .en = "who issued it"},
    {.name = "city", .type = string,
     .zh = "出具单位所在市行政区划代码", .en = "GB/T 2260 code of the issuer's city"},
    {.name = "issued", .type = date, .zh = "出具日期", .en = "date of issue"},
};

// The dates of the delivery methods are the pack's: build_format puts them before word_version.
constexpr field submission_fields[] = {
    {.name = "paper_copies", .type = count, .zh = "纸质版份数", .en = "paper copies"},
    {.name = "sealed", .type = boolean,
     .zh = "加盖单位公章", .en = "every copy bears the applicant's official seal"},
    {.name = "delivery", .type = vocabulary, .codes = "delivery_method", .noun = "delivery method",
     .zh = "提交方式", .en = "how the paper form was delivered, a code of the notice"},
    {.name = "word_version", .type = object, .object = &shared::word_version,
     .zh = "申报书word版", .en = "the Word version e-mailed at the same time"},
};

constexpr field word_fields[] = {
    {.name = "emailed", .type = boolean,
     .zh = "已发送至电子信箱", .en = "e-mailed"},
    {.name = "sent_to", .type = string,
     .zh = "收件邮箱", .en = "the address it was sent to"},
    {.name = "sent_on", .type = date, .zh = "发送日期", .en = "date sent"},
};

constexpr field form_fields[] = {
    {.name = "parts", .type = vocabulary_list, .codes = "form_part", .noun = "form part",
     .zh = "已填写的部分", .en = "the parts filled in; [] = none, null or absent = unknown"},
};

constexpr field plan_fields[] = {
    {.name = "work_measures", .type = strings, .noun = "an array of strings",
     .zh = "具体工作举措", .en = "work measures, one an item"},
    {.name = "targets", .type = targets, .codes = "target", .noun = "target",
     .zh = "预期目标", .en = "promised quantities by target code"},
};

constexpr field records_fields[] = {
    {.name = "events", .type = objects, .noun = "an array of events", .object = &shared::event,
     .zh = "活动", .en = "events held"},
    {.name = "transfers", .type = objects, .noun = "an array of transfers", .object = &shared::transfer,
     .zh = "科技成果转化", .en = "results transferred"},
    {.name = "platform_items", .type = objects, .noun = "an array of platform items",
     .object = &shared::platform_item,
     .zh = "平台提交的需求与成果", .en = "needs and results filed on the platform"},
    {.name = "media_reports", .type = objects, .noun = "an array of media reports",
     .object = &shared::media_report, .zh = "媒体报道", .en = "media reports"},
    {.name = "experts", .type = objects, .noun = "an array of experts", .object = &shared::expert,
     .zh = "邀请专家", .en = "invited experts"},
    {.name = "governance_systems", .type = vocabulary_list, .codes = "governance_system",
     .noun = "governance system", .zh = "已建立的制度", .en = "rules in place"},
    {.name = "texts", .type = objects, .noun = "an array of texts", .object = &shared::text_document,
     .zh = "案例、报告", .en = "cases and reports"},
};

constexpr field event_fields[] = {
    {.name = "title", .type = string, .zh = "活动名称", .en = "title"},
    {.name = "type", .type = vocabulary, .codes = "event_type", .noun = "event type",
     .zh = "活动类型", .en = "type of event"},
    {.name = "held_on", .type = date, .zh = "举办日期", .en = "date held"},
    {.name = "attendance", .type = count, .zh = "参加人数", .en = "people attending (all)"},
    {.name = "offline_attendance", .type = count,
     .zh = "线下参加人数", .en = "of whom on site"},
    {.name = "place", .type = string, .zh = "举办地点", .en = "place"},
    {.name = "partners", .type = strings, .noun = "an array of strings",
     .zh = "合作单位统一社会信用代码", .en = "credit codes of the joint applicants it was held with"},
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
     .zh = "全国知名专家", .en = "nationally known"},
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
static_assert(at_most_64_fields(application_fields, applicant_fields, letter_fields,
                                submission_fields, word_fields, form_fields, plan_fields,
                                records_fields, event_fields, transfer_fields, platform_item_fields,
                                media_report_fields, expert_fields, text_fields,
                                completion_fields));

}  // namespace

namespace shared {
const object_info application{"application", "an application object", application_fields, "申报",
                              "one application to the notice"};
const object_info applicant{"applicant", "an applicant object", applicant_fields, "申报单位",
                            "the lead applicant"};
const object_info joint_applicant{"joint_applicant", "a joint applicant object", applicant_fields,
                                  "联合申报单位", "a joint applicant"};
const object_info year_record{"year_record",
                              "an object (one year's record)",
                              {},
                              "年度情况",
                              "what an organisation declares about one past year"};
const object_info recommendation_letter{"recommendation_letter", "a recommendation letter object",
                                        letter_fields, "推荐函", "a recommendation letter"};
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
const object_info completion{"completion", "a completion object", completion_fields,
                             "结题材料报送情况", "what is handed in at the completion stage"};

}  // namespace shared

const field* find_field(const object_info& object, std::string_view name) noexcept {
  // Size and first byte first: most fields differ there, and a memcmp call is spared.
  const auto it = std::find_if(object.fields.begin(), object.fields.end(), [&](const field& f) {
    return f.name.size() == name.size() && !name.empty() && f.name[0] == name[0] && f.name == name;
  });
  return it == object.fields.end() ? nullptr : &*it;
}

const object_info* notice_format::find(std::string_view id) const noexcept {
  for (const auto& o : all)
    if (o.id == id) return &o;
  return nullptr;
}

namespace {

field declaration_field(const declaration_info& d, std::size_t index) {
  field f;
  f.name = d.name;
  switch (d.type) {
    case declaration_type::yes_no:
      f.type = value_type::boolean;
      break;
    case declaration_type::code:
      f.type = value_type::vocabulary;
      f.codes = d.codes;
      f.noun = d.codes;
      break;
    case declaration_type::day:
      f.type = value_type::date;
      break;
    case declaration_type::count:
      f.type = value_type::count;
      break;
    case declaration_type::text:
      f.type = value_type::string;
      break;
  }
  f.zh = d.title.zh;
  f.en = d.title.en;
  f.clause = d.clause;
  f.declaration = static_cast<std::int32_t>(index);
  return f;
}

}  // namespace

void build_format(notice_format& out, const std::vector<declaration_info>& declarations,
                  const std::vector<std::pair<std::string, std::string>>& field_clauses) {
  static const object_info* const order[] = {&shared::application,
                                             &shared::applicant,
                                             &shared::joint_applicant,
                                             &shared::year_record,
                                             &shared::recommendation_letter,
                                             &shared::submission,
                                             &shared::word_version,
                                             &shared::form,
                                             &shared::plan,
                                             &shared::records,
                                             &shared::event,
                                             &shared::transfer,
                                             &shared::platform_item,
                                             &shared::media_report,
                                             &shared::expert,
                                             &shared::text_document,
                                             &shared::completion};
  constexpr std::size_t count = std::size(order);
  out.storage.assign(count, {});
  out.all.clear();
  out.all.reserve(count);
  auto with = [&](declaration_scope scope) {
    std::vector<field> fs;
    for (std::size_t i = 0; i < declarations.size(); ++i)
      if (declarations[i].scope == scope) fs.push_back(declaration_field(declarations[i], i));
    return fs;
  };
  for (std::size_t k = 0; k < count; ++k) {
    const object_info& o = *order[k];
    std::vector<field>& fs = out.storage[k];
    std::vector<field> added;
    std::string_view before;  // the shared field the declarations go in front of; "": the end
    if (&o == &shared::applicant || &o == &shared::joint_applicant) {
      added = with(declaration_scope::organisation);
      before = "history";
    } else if (&o == &shared::year_record) {
      added = with(declaration_scope::history);
    } else if (&o == &shared::submission) {
      added = with(declaration_scope::submission);
      before = "word_version";
    } else if (&o == &shared::application) {
      added = with(declaration_scope::application);
    }
    for (const field& f : o.fields) {
      if (!before.empty() && f.name == before) fs.insert(fs.end(), added.begin(), added.end());
      fs.push_back(f);
    }
    if (before.empty()) fs.insert(fs.end(), added.begin(), added.end());
    if (&o == &shared::joint_applicant) {
      const std::vector<field> joint = with(declaration_scope::joint);
      fs.insert(fs.end(), joint.begin(), joint.end());
    }
    for (const field& f : fs) {
      if (f.declaration < 0) continue;
      for (const field& g : o.fields)
        if (g.name == f.name)
          throw pack_error("pack.duplicate",
                           "/declarations/" + std::to_string(f.declaration) + "/name",
                           "\"" + std::string(f.name) + "\" is a field every " + std::string(o.id) +
                               " has; choose another name",
                           "“" + std::string(f.name) + "”是每个 " + std::string(o.id) +
                               " 都有的字段，请换一个名称");
    }
    if (fs.size() > 64)
      throw pack_error("pack.invalid", "/declarations",
                       std::string(o.id) + " would hold more than 64 fields",
                       std::string(o.id) + " 的字段将超过 64 个");
    std::size_t declared = 0;
    for (const field& f : fs)
      if (f.declaration >= 0)
        declared = std::max(declared, static_cast<std::size_t>(f.declaration) + 1);
    out.all.push_back({o.id, o.what, {}, o.zh, o.en, declared});
  }
  // Point every object field at the format's own objects.
  for (auto& fs : out.storage)
    for (field& f : fs)
      if (f.object != nullptr)
        for (std::size_t k = 0; k < count; ++k)
          if (f.object == order[k]) f.object = &out.all[k];
  // The clauses the pack gives the shared fields.
  for (const auto& [key, clause] : field_clauses) {
    std::string pointer = "/field_clauses";
    append_pointer_token(pointer, key);
    const std::size_t slash = key.find('/');
    const std::string_view object_id = std::string_view(key).substr(0, slash);
    const std::string_view name =
        slash == std::string::npos ? std::string_view() : std::string_view(key).substr(slash + 1);
    bool found_object = false, found_field = false;
    for (std::size_t k = 0; k < count; ++k) {
      const bool same = order[k]->id == object_id ||
                        (object_id == "applicant" && order[k] == &shared::joint_applicant);
      if (!same) continue;
      found_object = true;
      for (field& f : out.storage[k])
        if (f.declaration < 0 && f.name == name) {
          f.clause = clause;
          found_field = true;
        }
    }
    if (!found_object) {
      std::string ids;
      for (const object_info* o : order) ids += (ids.empty() ? "" : ", ") + std::string(o->id);
      throw pack_error("pack.unknown_field", pointer,
                       "no object \"" + std::string(object_id) +
                           "\" in the application format; a key is OBJECT/FIELD, OBJECT one of " +
                           ids,
                       "申报格式中没有对象 “" + std::string(object_id) +
                           "”；键应为 对象/字段，对象为以下之一：" + ids);
    }
    if (!found_field)
      throw pack_error("pack.unknown_field", pointer,
                       "\"" + std::string(object_id) + "\" has no shared field \"" +
                           std::string(name) +
                           "\" (a declaration takes its clause from /declarations)",
                       "“" + std::string(object_id) + "”没有共有字段 “" + std::string(name) +
                           "”（声明的条款写在 /declarations 中）");
  }
  for (std::size_t k = 0; k < count; ++k) out.all[k].fields = out.storage[k];
  out.application = &out.all[0];
  out.applicant = &out.all[1];
  out.joint_applicant = &out.all[2];
  out.year_record = &out.all[3];
  out.submission = &out.all[5];
  out.records = &out.all[9];
  out.completion = &out.all[16];
}

}  // namespace nxkx::detail::format
