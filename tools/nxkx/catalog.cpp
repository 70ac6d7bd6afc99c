// nxkx catalog: the notice's project types, who may apply, papers, deadlines and contacts.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli.hpp"

namespace nxkx::cli {

namespace {

using ojson = nlohmann::ordered_json;

ojson localized_json(const localized& t) { return ojson{{"zh", t.zh}, {"en", t.en}}; }

std::string applicants_of(const notice& n, const project_type_info& p, lang l) {
  if (!p.applicants_text.in(l).empty()) return p.applicants_text.in(l);
  std::string out;
  for (applicant_kind k : p.eligible) {
    if (!out.empty()) out += l == lang::zh ? "、" : ", ";
    const applicant_kind_info* info = n.find_applicant_kind(k);
    out += info != nullptr ? info->name.in(l) : std::string(to_code(k));
  }
  return out;
}

std::string catalog_json(const notice& n) {
  const notice_info& i = n.info();
  ojson doc;
  doc["notice"] = ojson{{"id", i.id},
                        {"issuer", i.issuer},
                        {"number", i.number},
                        {"title", i.title},
                        {"issued", format_date(i.issued)},
                        {"application_deadline", format_date(i.application_deadline)},
                        {"deadline_interpretation", i.deadline_interpretation},
                        {"timezone", i.timezone},
                        {"submit_to", i.submit_to},
                        {"address", i.address},
                        {"email", i.email},
                        {"form_name", i.form_name}};
  ojson categories = ojson::array();
  for (const auto& c : n.categories())
    categories.push_back(
        ojson{{"code", c.code}, {"clause", c.clause}, {"name", localized_json(c.name)}});
  doc["categories"] = std::move(categories);
  ojson types = ojson::array();
  for (const auto& p : n.project_types()) {
    ojson t;
    t["code"] = p.code;
    t["category"] = p.category;
    t["clause"] = p.clause;
    t["name"] = localized_json(p.name);
    t["applicants"] =
        ojson{{"zh", applicants_of(n, p, lang::zh)}, {"en", applicants_of(n, p, lang::en)}};
    ojson eligible = ojson::array();
    for (applicant_kind k : p.eligible) eligible.push_back(std::string(to_code(k)));
    t["eligible"] = std::move(eligible);
    ojson joint = ojson::array();
    for (applicant_kind k : p.joint_eligible) joint.push_back(std::string(to_code(k)));
    t["joint_eligible"] = std::move(joint);
    ojson papers = ojson::array();
    for (const auto& paper : p.papers) papers.push_back(localized_json(paper));
    t["papers"] = std::move(papers);
    t["completion_deadline"] = format_date(p.completion_deadline);
    const contact* c = n.find_contact(p.contact);
    t["contact"] = ojson{{"code", p.contact},
                         {"name", c != nullptr ? c->name : std::string()},
                         {"phone", c != nullptr ? c->phone : std::string()}};
    types.push_back(std::move(t));
  }
  doc["project_types"] = std::move(types);
  return doc.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

void project_type_text(std::string& out, const notice& n, const project_type_info& p, lang l) {
  const bool zh = l == lang::zh;
  out += "  " + p.name.in(l) + " (" + p.code + ") " + p.clause + "\n";
  out += std::string(zh ? "    申报主体: " : "    Who may apply: ") + applicants_of(n, p, l) + "\n";
  if (!p.papers.empty()) {
    std::string papers;
    for (const auto& paper : p.papers) {
      if (!papers.empty()) papers += zh ? "、" : ", ";
      papers += paper.in(l);
    }
    out += std::string(zh ? "    附加材料: " : "    Extra papers: ") + papers + "\n";
  }
  out += std::string(zh ? "    完成时限: " : "    Complete by: ") +
         format_date(p.completion_deadline) + "\n";
  if (const contact* c = n.find_contact(p.contact); c != nullptr)
    out += std::string(zh ? "    联系人: " : "    Contact: ") + c->name + " " + c->phone + "\n";
}

std::string catalog_text(const notice& n, lang l) {
  const bool zh = l == lang::zh;
  const notice_info& i = n.info();
  std::string out = i.issuer + i.number;
  out += i.title.starts_with("《") ? i.title : "《" + i.title + "》";
  out += "\n";
  out += std::string(zh ? "申报截止: " : "Application deadline: ") +
         format_date(i.application_deadline);
  if (!i.deadline_interpretation.empty()) out += " (" + i.deadline_interpretation + ")";
  out += "\n";
  // The pack's address may already name the office: say it once.
  std::string where = i.submit_to;
  if (!i.address.empty())
    where = i.address.find(i.submit_to) != std::string::npos ? i.address : where + ", " + i.address;
  if (!where.empty()) out += std::string(zh ? "提交至: " : "Submit to: ") + where + "\n";
  if (!i.form_name.empty()) out += std::string(zh ? "申报书: " : "Form: ") + i.form_name + "\n";
  if (!i.email.empty())
    out += std::string(zh ? "电子版发送至: " : "E-mail the Word version to: ") + i.email + "\n";

  for (const auto& c : n.categories()) {
    out += "\n" + c.clause + " " + c.name.in(l) + "\n";
    for (const auto& p : n.project_types())
      if (p.category == c.code) project_type_text(out, n, p, l);
  }
  // A pack may name a category it does not describe: show those types rather than hide them.
  bool header = false;
  for (const auto& p : n.project_types()) {
    if (n.find_category(p.category) != nullptr) continue;
    if (!header) out += std::string("\n") + (zh ? "其他" : "Other") + "\n";
    header = true;
    project_type_text(out, n, p, l);
  }
  return out;
}

}  // namespace

runner add_catalog(CLI::App& app) {
  auto o = std::make_shared<common_options>();
  CLI::App* sub = app.add_subcommand(
      "catalog",
      "List the notice's project types: category, who may apply, extra papers, completion "
      "deadline and contact, with the application deadline and where to submit.");
  add_lang_option(*sub, *o);
  add_format_option(*sub, *o);
  add_notice_option(*sub, *o);
  return [o] {
    const auto n = load_notice(*o);
    if (!n) return int{exit_bad_input};
    write_out(o->json() ? catalog_json(*n) : catalog_text(*n, o->language()));
    return int{exit_ok};
  };
}

}  // namespace nxkx::cli
