// nxkx catalog: the notice's project types, who may apply, papers, deadlines and contacts.
#include <memory>
#include <string>

#include "cli.hpp"

namespace nxkx::cli {

namespace {

std::string applicants_of(const notice& n, const project_type_info& p, lang l) {
  if (!p.applicants_text.in(l).empty()) return p.applicants_text.in(l);
  std::string out;
  for (const std::string& k : p.eligible) {
    if (!out.empty()) out += l == lang::zh ? "、" : ", ";
    const applicant_kind_info* info = n.find_applicant_kind(k);
    out += info != nullptr ? info->name.in(l) : k;
  }
  return out;
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
  if (!i.deadline_interpretation.in(l).empty()) out += " (" + i.deadline_interpretation.in(l) + ")";
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
    write_out(o->json() ? nxkx::catalog_json(*n) + "\n" : catalog_text(*n, o->language()));
    return int{exit_ok};
  };
}

}  // namespace nxkx::cli
