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
    out += std::string(zh ? "    联系人: " : "    Contact: ") + c->name + " " +
           (c->phone.empty() ? (zh ? "（电话未载明）" : "(phone not stated)") : c->phone) + "\n";
  else
    out += std::string(zh ? "    联系人: 未载明" : "    Contact: not stated") + "\n";
}

std::string catalog_text(const notice& n, lang l) {
  const bool zh = l == lang::zh;
  const notice_info& i = n.info();
  // What the notice does not state is said to be so (the pack's null), never left out.
  const std::string not_stated = zh ? "未载明" : "not stated";
  std::string out =
      i.issuer + (i.number.empty() ? (zh ? "（文号未载明）" : " (number not stated)") : i.number);
  out += i.title.starts_with("《") ? i.title : "《" + i.title + "》";
  out += "\n";
  out += std::string(zh ? "申报截止: " : "Application deadline: ") +
         (i.application_deadline ? format_date(*i.application_deadline)
                                 : std::string(zh ? "未载明" : "not stated"));
  if (!i.deadline_interpretation.in(l).empty()) out += " (" + i.deadline_interpretation.in(l) + ")";
  out += "\n";
  // The pack's address may already name the office: say it once.
  std::string where = i.submit_to;
  if (!i.address.empty())
    where = i.address.find(i.submit_to) != std::string::npos ? i.address : where + ", " + i.address;
  if (i.address.empty() && !where.empty()) where += zh ? "（地址未载明）" : " (address not stated)";
  if (!where.empty()) out += std::string(zh ? "提交至: " : "Submit to: ") + where + "\n";
  out += std::string(zh ? "申报书: " : "Form: ") +
         (i.form_name.empty() ? not_stated : i.form_name) + "\n";
  // The pack names the e-mailed version its own way (fact.submission.word_version: 电子版).
  const localized* wv = n.label("fact.submission.word_version");
  out += (zh ? (wv ? wv->zh : std::string("电子版")) + "发送至: "
             : "E-mail the " + (wv ? wv->en : std::string("Word version")) + " to: ") +
         (i.email.empty() ? not_stated : i.email) + "\n";
  // A pack that ships a summary of the notice, not its words, says so (/notice/text_is_summary).
  if (i.text_is_summary)
    out += std::string(zh ? "通知文本: " : "Notice text: ") + i.text_file +
           (zh ? "（摘要，非通知原文）" : " (a summary, not the notice's own words)") + "\n";
  // How the paper form may be delivered, the date that counts, and the pack's reading.
  for (const auto& m : n.delivery_methods()) {
    const declaration_info* d = nullptr;
    if (auto k = n.declaration_index(m.date, declaration_scope::submission))
      d = &n.declarations()[*k];
    out += std::string(zh ? "提交方式: " : "Delivery: ") + m.name.in(l);
    if (d != nullptr) out += zh ? "（以" + d->title.zh + "为准）" : " (" + d->title.en + " counts)";
    if (!m.interpretation.in(l).empty()) out += " — " + m.interpretation.in(l);
    out += "\n";
  }

  for (const auto& c : n.categories()) {
    out += "\n" + c.clause + " " + c.name.in(l) + "\n";
    for (const auto& p : n.project_types())
      if (p.category == c.code) project_type_text(out, n, p, l);
  }
  // A pack may name a category it does not describe: show those types rather than hide them.
  bool header = false;
  for (const auto& p : n.project_types()) {
    if (n.find_category(p.category) != nullptr) continue;
    if (!header)
      out +=
          std::string("\n") +
          (n.categories().empty() ? (zh ? "项目类型" : "Project types") : (zh ? "其他" : "Other")) +
          "\n";
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
