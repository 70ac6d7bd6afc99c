#include <array>
#include <utility>

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

namespace {
constexpr std::array<std::pair<std::string_view, requirement_factory>, 15> kinds{{
    {"applicant_kind", make_applicant_kind},
    {"facts", make_facts},
    {"division_in_region", make_division_in_region},
    {"credit_code", make_credit_code},
    {"credit_code_type", make_credit_code_type},
    {"submission_deadline", make_submission_deadline},
    {"recommendation_letter", make_recommendation_letter},
    {"same_city", make_same_city},
    {"checklist", make_checklist},
    {"unique_in_batch", make_unique_in_batch},
    {"plan_target", make_plan_target},
    {"partner_societies", make_partner_societies},
    {"event_count", make_event_count},
    {"record_count", make_record_count},
    {"text_length", make_text_length},
}};
}  // namespace

requirement_factory find_kind(std::string_view kind) noexcept {
  for (const auto& [name, make] : kinds)
    if (name == kind) return make;
  return nullptr;
}

std::string kind_names() {
  std::string out;
  for (const auto& [name, make] : kinds) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

entity_scope entity_scope::from_params(const json& params, const std::string& path,
                                       const notice_data& n) {
  entity_scope s;
  std::string who = text_or(params, "subject", path, "lead");
  if (who == "lead")
    s.who = subject::lead;
  else if (who == "joint_applicants")
    s.who = subject::joint_applicants;
  else if (who == "all")
    s.who = subject::all;
  else
    pack_fail(child(path, "subject"),
              "unknown subject \"" + who + "\"; expected lead, joint_applicants or all");
  if (const json* k = optional_member(params, "entity_kinds")) {
    s.kinds = kinds_list(*k, child(path, "entity_kinds"), n);
  }
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
  std::string unit = text_or(params, key, path, std::string(fallback));
  if (!n.label("unit." + unit))
    pack_fail(child(path, key),
              "unknown unit \"" + unit + "\" (the vocabulary has no unit." + unit + ")",
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
