#include <array>
#include <utility>

#include "requirements/params.hpp"
#include "requirements/requirement.hpp"

namespace nxkx::detail {

// Each kind lives in its own file and exposes its factory here.
std::unique_ptr<requirement> make_applicant_kind(const json&, const std::string&,
                                                 const notice_data&);
std::unique_ptr<requirement> make_facts(const json&, const std::string&, const notice_data&);
std::unique_ptr<requirement> make_division_in_region(const json&, const std::string&,
                                                     const notice_data&);
std::unique_ptr<requirement> make_credit_code(const json&, const std::string&, const notice_data&);
std::unique_ptr<requirement> make_credit_code_type(const json&, const std::string&,
                                                   const notice_data&);
std::unique_ptr<requirement> make_submission_deadline(const json&, const std::string&,
                                                      const notice_data&);
std::unique_ptr<requirement> make_recommendation_letter(const json&, const std::string&,
                                                        const notice_data&);
std::unique_ptr<requirement> make_same_city(const json&, const std::string&, const notice_data&);
std::unique_ptr<requirement> make_checklist(const json&, const std::string&, const notice_data&);
std::unique_ptr<requirement> make_unique_in_batch(const json&, const std::string&,
                                                  const notice_data&);
std::unique_ptr<requirement> make_plan_target(const json&, const std::string&, const notice_data&);
std::unique_ptr<requirement> make_partner_societies(const json&, const std::string&,
                                                    const notice_data&);
std::unique_ptr<requirement> make_event_count(const json&, const std::string&, const notice_data&);
std::unique_ptr<requirement> make_record_count(const json&, const std::string&, const notice_data&);
std::unique_ptr<requirement> make_text_length(const json&, const std::string&, const notice_data&);

// And the description of its params (requirements/params.hpp).
std::vector<param_info> applicant_kind_params();
std::vector<param_info> facts_params();
std::vector<param_info> division_in_region_params();
std::vector<param_info> credit_code_params();
std::vector<param_info> credit_code_type_params();
std::vector<param_info> submission_deadline_params();
std::vector<param_info> recommendation_letter_params();
std::vector<param_info> same_city_params();
std::vector<param_info> checklist_params();
std::vector<param_info> unique_in_batch_params();
std::vector<param_info> plan_target_params();
std::vector<param_info> partner_societies_params();
std::vector<param_info> event_count_params();
std::vector<param_info> record_count_params();
std::vector<param_info> text_length_params();

namespace {
struct kind_entry {
  std::string_view name;
  requirement_factory make;
  std::vector<param_info> (*params)();
};

constexpr std::array<kind_entry, 15> kinds{{
    {"applicant_kind", make_applicant_kind, applicant_kind_params},
    {"facts", make_facts, facts_params},
    {"division_in_region", make_division_in_region, division_in_region_params},
    {"credit_code", make_credit_code, credit_code_params},
    {"credit_code_type", make_credit_code_type, credit_code_type_params},
    {"submission_deadline", make_submission_deadline, submission_deadline_params},
    {"recommendation_letter", make_recommendation_letter, recommendation_letter_params},
    {"same_city", make_same_city, same_city_params},
    {"checklist", make_checklist, checklist_params},
    {"unique_in_batch", make_unique_in_batch, unique_in_batch_params},
    {"plan_target", make_plan_target, plan_target_params},
    {"partner_societies", make_partner_societies, partner_societies_params},
    {"event_count", make_event_count, event_count_params},
    {"record_count", make_record_count, record_count_params},
    {"text_length", make_text_length, text_length_params},
}};
}  // namespace

requirement_factory find_kind(std::string_view kind) noexcept {
  for (const kind_entry& k : kinds)
    if (k.name == kind) return k.make;
  return nullptr;
}

std::string kind_names() {
  std::string out;
  for (const kind_entry& k : kinds) {
    if (!out.empty()) out += ", ";
    out += k.name;
  }
  return out;
}

const std::vector<param_info>* kind_params(std::string_view kind) {
  static const std::array<std::vector<param_info>, kinds.size()> all = [] {
    std::array<std::vector<param_info>, kinds.size()> out;
    for (std::size_t i = 0; i < kinds.size(); ++i) out[i] = kinds[i].params();
    return out;
  }();
  for (std::size_t i = 0; i < kinds.size(); ++i)
    if (kinds[i].name == kind) return &all[i];
  return nullptr;
}

std::vector<std::string_view> kind_list() {
  std::vector<std::string_view> out;
  for (const kind_entry& k : kinds) out.push_back(k.name);
  return out;
}

entity_scope entity_scope::make(const std::string& who,
                                const std::optional<std::vector<std::string>>& entity_kinds,
                                const std::string& path, const notice_data& n) {
  entity_scope s;
  if (who == "lead")
    s.who = subject::lead;
  else if (who == "joint_applicants")
    s.who = subject::joint_applicants;
  else if (who == "all")
    s.who = subject::all;
  else
    pack_fail(child(path, "subject"),
              "unknown subject \"" + who + "\"; expected lead, joint_applicants or all");
  if (entity_kinds) s.kinds = check_kinds(*entity_kinds, child(path, "entity_kinds"), n);
  return s;
}

std::string applicant_key(const organisation& a) {
  if (a.credit_code && !a.credit_code->empty()) return *a.credit_code;
  return "name:" + a.name;
}

localized kind_label(const notice_data& n, std::string_view kind) {
  return n.label_or_code("applicant_kind", kind);
}

std::optional<date> counted_submission_date(const notice_data& n, const submission& s) {
  auto date_of = [&](const delivery_method_info& m) -> std::optional<date> {
    const std::size_t i = n.declaration(m.date, declaration_scope::submission);
    if (const date* d = std::get_if<date>(&s.declared.at(i))) return *d;
    return std::nullopt;
  };
  if (s.delivery) {
    for (const auto& m : n.delivery_methods)
      if (m.code == *s.delivery) return date_of(m);
    return std::nullopt;
  }
  std::optional<date> only;
  for (const auto& m : n.delivery_methods)
    if (const auto d = date_of(m)) {
      if (only) return std::nullopt;
      only = d;
    }
  return only;
}

localized quantity(const notice_data& n, std::int64_t count, std::string_view unit) {
  const std::string number = std::to_string(count);
  const localized* u = n.label("unit." + std::string(unit));
  if (!u) return both(number);  // unit_param has checked the rule's units
  std::string_view en = u->en;
  if (const auto bar = en.find('|'); bar != std::string_view::npos)
    en = count == 1 ? en.substr(0, bar) : en.substr(bar + 1);
  return {number + " " + u->zh, number + " " + std::string(en)};
}

std::string unit_param(const json& params, std::string_view key, const std::string& path,
                       const notice_data& n, std::string_view fallback) {
  return unit_code(text_or(params, key, path, std::string(fallback)), child(path, key), n);
}

std::string unit_code(std::string unit, const std::string& path, const notice_data& n) {
  if (!n.label("unit." + unit))
    pack_fail(path, "unknown unit \"" + unit + "\" (the vocabulary has no unit." + unit + ")",
              "pack.unknown_code");
  return unit;
}

localized entity_name(const organisation& e, std::string_view base) {
  if (!e.name.empty()) return both(e.name);
  constexpr std::string_view joint = "/joint_applicants/";
  if (base.starts_with(joint)) {
    std::size_t i = 0;
    for (char c : base.substr(joint.size())) i = i * 10 + static_cast<std::size_t>(c - '0');
    const std::string no = std::to_string(i + 1);
    return {"联合申报单位第 " + no + " 个", "joint applicant no. " + no};
  }
  return {"申报单位", "the applicant"};
}

}  // namespace nxkx::detail
