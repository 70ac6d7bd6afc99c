// `nxkx pack doc` (doc.hpp): the reference is built once as a list of blocks, then written as
// Markdown or as HTML, so that both hold the same text.
#include "nxkx/doc.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "html_escape.hpp"
#include "nxkx/date.hpp"
#include "nxkx/report.hpp"
#include "pack_reader.hpp"

namespace nxkx {
namespace {

/// The text without control characters: a tab or a carriage return reads as a space, a new line
/// stays (each writer decides what it means), any other C0 character and DEL are dropped.
std::string clean(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c == '\t' || c == '\r')
      out += ' ';
    else if (c == '\n' || (c >= 0x20 && c != 0x7F))
      out += ch;
  }
  return out;
}

struct field {
  std::string label;
  std::string value;
};

struct clause_line {
  std::string ref;
  std::string quote;
};

struct rule_block {
  std::string id;
  std::string title;
  std::vector<clause_line> clauses;
  std::string interpretation;
  std::vector<field> facts;  ///< outcome, when unknown, for whom
};

struct block {
  enum kind_t { heading, paragraph, fields, items, rule, page_break } kind = paragraph;
  int level = 1;
  std::string text;
  std::vector<field> list;
  std::vector<std::string> lines;
  rule_block r;
};

/// The words of the reference in both languages.
struct words {
  lang l;
  std::string operator()(std::string_view zh, std::string_view en) const {
    return std::string(l == lang::zh ? zh : en);
  }
};

class builder {
 public:
  builder(const notice& n, lang l) : n_(n), l_(l), w_{l} {}

  std::vector<block> run() {
    head();
    kinds();
    for (const auto& t : n_.project_types()) type(t);
    clause_table();
    return std::move(out_);
  }

 private:
  void heading(int level, std::string text) {
    block b;
    b.kind = block::heading;
    b.level = level;
    b.text = std::move(text);
    out_.push_back(std::move(b));
  }
  void paragraph(std::string text) {
    block b;
    b.kind = block::paragraph;
    b.text = std::move(text);
    out_.push_back(std::move(b));
  }
  void fields(std::vector<field> list) {
    list.erase(
        std::remove_if(list.begin(), list.end(), [](const field& f) { return f.value.empty(); }),
        list.end());
    if (list.empty()) return;
    block b;
    b.kind = block::fields;
    b.list = std::move(list);
    out_.push_back(std::move(b));
  }
  void items(std::vector<std::string> lines) {
    if (lines.empty()) return;
    block b;
    b.kind = block::items;
    b.lines = std::move(lines);
    out_.push_back(std::move(b));
  }

  std::string sep() const { return w_("、", ", "); }

  std::string kind_names(const std::vector<std::string>& codes) const {
    std::string s;
    for (const auto& c : codes) {
      if (!s.empty()) s += sep();
      const applicant_kind_info* k = n_.find_applicant_kind(c);
      s += k ? k->name.in(l_) : c;
    }
    return s;
  }

  /// A heading naming the e-mailed version, with the pack's label for the shared field
  /// (fact.submission.word_version) in place of %s, else the built-in name.
  std::string word_version_label(std::string pattern, std::string fallback) const {
    const localized* label = n_.label("fact.submission.word_version");
    std::string name = label != nullptr ? label->in(l_) : fallback;
    if (l_ == lang::zh) return label != nullptr ? name + "发送至" : pattern;
    const std::size_t at = pattern.find("%s");
    return at == std::string::npos ? pattern : pattern.replace(at, 2, name);
  }

  void head() {
    const notice_info& i = n_.info();
    heading(1, i.title);
    paragraph(i.issuer + " " + i.number);
    std::string delivery;
    std::vector<std::string> methods;
    for (const auto& m : n_.delivery_methods()) {
      std::string line = m.name.in(l_);
      if (auto d = n_.declaration_index(m.date, declaration_scope::submission))
        line += w_("：以", ": the ") + n_.declarations()[*d].title.in(l_) + w_("为准", " counts");
      if (!m.clause.empty()) line += w_("（", " (") + m.clause + w_("）", ")");
      methods.push_back(line);
    }
    std::string years;
    for (int y : i.history_years) years += (years.empty() ? "" : sep()) + std::to_string(y);
    fields({
        {w_("发文单位", "Issuer"), i.issuer},
        {w_("文号", "Number"), i.number},
        {w_("印发日期", "Issued"), format_date(i.issued)},
        {w_("申报开始日期", "Applications open"),
         i.application_opens ? format_date(*i.application_opens) : ""},
        {w_("申报截止日期", "Application deadline"), i.application_deadline
                                                         ? format_date(*i.application_deadline)
                                                         : w_("未载明", "not stated")},
        {w_("截止日期的解读", "Reading of the deadline"), i.deadline_interpretation.in(l_)},
        {w_("时区", "Time zone"), i.timezone},
        {w_("提交至", "Submit to"), i.submit_to},
        {w_("地址", "Address"), i.address},
        {word_version_label(w_("电子版发送至", "E-mail the %s to"), w_("电子版", "Word version")),
         i.email},
        {w_("申报书", "Form"), i.form_name},
        {w_("通知文本", "Notice text"),
         // Said only of a summary (/notice/text_is_summary): the applicant reads our words.
         i.text_is_summary
             ? i.text_file + w_("（摘要，非通知原文）", " (a summary, not the notice's own words)")
             : ""},
        {w_("历史年份", "Years looked back on"), years},
        {w_("规则包", "Pack"), n_.identity().id + " " + n_.identity().version + " (sha256 " +
                                   n_.identity().sha256.substr(0, 12) + ")"},
    });
    if (!methods.empty()) {
      paragraph(w_("提交方式：", "How to deliver:"));
      items(std::move(methods));
    }
  }

  void kinds() {
    heading(2, w_("申报主体", "Who may apply"));
    std::vector<std::string> lines;
    for (const auto& k : n_.applicant_kinds()) {
      std::string line = k.name.in(l_);
      if (!k.definition.in(l_).empty()) line += w_("：", ": ") + k.definition.in(l_);
      if (!k.clause.empty()) line += w_("（", " (") + k.clause + w_("）", ")");
      lines.push_back(line);
    }
    items(std::move(lines));
  }

  static bool applies(const rule_info& r, const project_type_info& t) {
    if (!r.project_types.empty() &&
        std::find(r.project_types.begin(), r.project_types.end(), t.code) == r.project_types.end())
      return false;
    if (r.applicant_kinds.empty()) return true;
    for (const auto& k : r.applicant_kinds)
      if (std::find(t.eligible.begin(), t.eligible.end(), k) != t.eligible.end()) return true;
    return false;
  }

  void type(const project_type_info& t) {
    block br;
    br.kind = block::page_break;
    out_.push_back(br);
    const category_info* c = n_.find_category(t.category);
    heading(2, (c ? c->name.in(l_) + " · " : std::string()) + t.name.in(l_) + w_("（", " (") +
                   t.clause + w_("）", ")"));
    std::string papers;
    for (const auto& p : t.papers) papers += (papers.empty() ? "" : sep()) + p.in(l_);
    const contact* whom = n_.find_contact(t.contact);
    fields({
        {w_("申报主体", "Who may apply"), kind_names(t.eligible)},
        {w_("申报主体（通知原文）", "As the notice words it"), t.applicants_text.in(l_)},
        {w_("可联合申报的单位", "Who may apply jointly"), kind_names(t.joint_eligible)},
        {w_("需附材料", "Papers to attach"), papers},
        {w_("完成时限", "Complete by"), format_date(t.completion_deadline)},
        {w_("联系人", "Contact"), whom ? whom->name + " " + whom->phone : ""},
        {w_("解读", "Reading"), t.interpretation.in(l_)},
    });
    declarations(t);
    for (stage st : {stage::application, stage::completion}) {
      std::vector<const rule_info*> rules;
      for (const auto& r : n_.rules())
        if (r.stage == st && applies(r, t)) rules.push_back(&r);
      if (rules.empty()) continue;
      heading(3, st == stage::application ? w_("申报时审查", "Checked at application")
                                          : w_("结项时审查", "Checked at completion"));
      int number = 0;
      for (const rule_info* r : rules) rule(*r, t, ++number);
    }
  }

  /// Every string of a JSON tree (the facts a rule's params name).
  static void strings_of(const nlohmann::json& j, std::vector<std::string>& out) {
    if (j.is_string()) out.push_back(j.get<std::string>());
    if (j.is_structured())
      for (const auto& v : j) strings_of(v, out);
  }

  /// The declarations an application of the type makes: those the type's rules read, the dates
  /// the delivery methods count, and the texts shown beside them.
  std::vector<bool> read_for(const project_type_info& t) const {
    std::vector<std::string> named;
    for (const auto& r : n_.rules())
      if (applies(r, t))
        strings_of(nlohmann::json::parse(r.params_json.empty() ? "{}" : r.params_json), named);
    for (const auto& m : n_.delivery_methods()) named.push_back("submission." + m.date);
    const auto& all = n_.declarations();
    std::vector<bool> read(all.size(), false);
    for (std::size_t i = 0; i < all.size(); ++i) {
      std::string full_name = all[i].name;
      if (all[i].scope == declaration_scope::history) full_name = "history." + all[i].name;
      if (all[i].scope == declaration_scope::submission) full_name = "submission." + all[i].name;
      read[i] = std::find(named.begin(), named.end(), full_name) != named.end() ||
                std::find(named.begin(), named.end(), all[i].name) != named.end();
    }
    for (std::size_t i = 0; i < all.size(); ++i)
      if (read[i] && !all[i].detail.empty())
        for (std::size_t k = 0; k < all.size(); ++k)
          if (all[k].name == all[i].detail && all[k].scope == all[i].scope) read[k] = true;
    return read;
  }

  void declarations(const project_type_info& t) {
    std::vector<std::string> lines;
    // The shared facts the type's rules read, under the pack's own label (fact.NAME: the 黄石
    // pack's 电子版 for the e-mailed version), else their name (trial A6).
    std::vector<std::string> named;
    for (const auto& r : n_.rules())
      if (applies(r, t))
        strings_of(nlohmann::json::parse(r.params_json.empty() ? "{}" : r.params_json), named);
    for (std::string_view f : detail::shared_fact_names()) {
      if (std::find(named.begin(), named.end(), f) == named.end()) continue;
      const localized* label = n_.label("fact." + std::string(f));
      lines.push_back(label != nullptr ? label->in(l_) : std::string(f));
    }
    const std::vector<bool> read = read_for(t);
    for (std::size_t i = 0; i < n_.declarations().size(); ++i) {
      const declaration_info& d = n_.declarations()[i];
      if (!read[i]) continue;
      if (d.scope == declaration_scope::joint && t.joint_eligible.empty()) continue;
      bool asked = d.applicant_kinds.empty();
      for (const auto& k : d.applicant_kinds)
        asked = asked || std::find(t.eligible.begin(), t.eligible.end(), k) != t.eligible.end() ||
                std::find(t.joint_eligible.begin(), t.joint_eligible.end(), k) !=
                    t.joint_eligible.end();
      if (!asked) continue;
      std::string line = d.title.in(l_);
      if (d.scope == declaration_scope::history)
        line += w_("（每个历史年份）", " (each past year)");
      if (d.scope == declaration_scope::joint)
        line += w_("（联合申报单位）", " (joint applicants)");
      if (!d.applicant_kinds.empty()) line += w_("——", " — ") + kind_names(d.applicant_kinds);
      if (!d.clause.empty()) line += w_("（", " (") + d.clause + w_("）", ")");
      lines.push_back(line);
    }
    if (lines.empty()) return;
    heading(3, w_("需填写与声明的事项", "What an application states"));
    items(std::move(lines));
  }

  void rule(const rule_info& r, const project_type_info& t, int number) {
    block b;
    b.kind = block::rule;
    b.r.id = r.id;
    b.r.title = std::to_string(number) + ". " + r.title.in(l_);
    for (const auto& c : r.clauses)
      if (c.project_types.empty() || std::find(c.project_types.begin(), c.project_types.end(),
                                               t.code) != c.project_types.end())
        b.r.clauses.push_back({c.ref, c.quote});
    b.r.interpretation = r.interpretation.in(l_);
    b.r.facts.push_back(
        {w_("不符合时", "When broken"), std::string(severity_label(r.outcome, r.stage, l_))});
    b.r.facts.push_back({w_("未提供时", "When not given"),
                         std::string(severity_label(r.when_unknown, r.stage, l_))});
    if (!r.applicant_kinds.empty())
      b.r.facts.push_back({w_("仅适用于", "Only for"), kind_names(r.applicant_kinds)});
    if (r.with_joint_applicants)
      b.r.facts.push_back({w_("仅适用于", "Only for"),
                           w_("有联合申报单位的申报", "applications with joint applicants")});
    out_.push_back(std::move(b));
  }

  void clause_table() {
    const auto pack = nlohmann::ordered_json::parse(n_.source());
    if (!pack.contains("clauses") || !pack["clauses"].is_object()) return;
    block br;
    br.kind = block::page_break;
    out_.push_back(br);
    heading(2, w_("通知条款原文", "The notice's clauses"));
    std::vector<field> list;
    for (const auto& [ref, quote] : pack["clauses"].items())
      if (quote.is_string()) list.push_back({ref, quote.get<std::string>()});
    fields(std::move(list));
  }

  const notice& n_;
  lang l_;
  words w_;
  std::vector<block> out_;
};

// ---- Markdown ----

/// Text for a Markdown line: characters Markdown reads escaped, new lines as spaces.
std::string md(std::string_view s) {
  std::string out;
  for (char c : clean(s)) {
    if (c == '\n') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<>|~&").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

/// md() for a paragraph: a first character that would start a heading or a list is escaped.
std::string md_paragraph(std::string_view s) {
  std::string out = md(s);
  if (!out.empty() && std::string_view("#+-=").find(out[0]) != std::string_view::npos)
    out.insert(0, 1, '\\');
  return out;
}

std::string markdown(const std::vector<block>& blocks, lang l) {
  const words w{l};
  std::string out;
  for (const block& b : blocks) {
    switch (b.kind) {
      case block::page_break:
        break;
      case block::heading:
        out += std::string(static_cast<std::size_t>(b.level), '#') + " " + md(b.text) + "\n\n";
        break;
      case block::paragraph:
        out += md_paragraph(b.text) + "\n\n";
        break;
      case block::fields:
        for (const field& f : b.list) out += "- **" + md(f.label) + "**: " + md(f.value) + "\n";
        out += "\n";
        break;
      case block::items:
        for (const std::string& s : b.lines) out += "- " + md(s) + "\n";
        out += "\n";
        break;
      case block::rule:
        out += "#### " + md(b.r.title) + "\n\n";
        out += "- `" + clean(b.r.id) + "`\n";
        for (const clause_line& c : b.r.clauses)
          out += "- " + w("条款 ", "Clause ") + md(c.ref) + w("：", ": ") + md(c.quote) + "\n";
        if (!b.r.interpretation.empty())
          out += "- " + w("解读：", "Reading: ") + md(b.r.interpretation) + "\n";
        for (const field& f : b.r.facts)
          out += "- " + md(f.label) + w("：", ": ") + md(f.value) + "\n";
        out += "\n";
        break;
    }
  }
  return out;
}

// ---- HTML ----

/// Element text: escaped, control characters dropped (clean), a line break as <br/>.
std::string html(std::string_view s) {
  const std::string text = clean(s);
  const std::string_view v = text;
  std::string out;
  std::size_t start = 0;
  for (std::size_t nl = v.find('\n'); nl != std::string_view::npos; nl = v.find('\n', start)) {
    detail::html_escape_into(out, v.substr(start, nl - start));
    out += "<br/>";
    start = nl + 1;
  }
  detail::html_escape_into(out, v.substr(start));
  return out;
}

constexpr std::string_view style = R"(
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.6; color: #111; }
h1 { font-size: 1.6em; border-bottom: 2px solid #333; padding-bottom: .3em; }
h2 { font-size: 1.3em; margin-top: 2em; border-bottom: 1px solid #999; }
h3 { font-size: 1.1em; margin-top: 1.5em; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
dl.fields dt { font-weight: bold; }
dl.fields dd { margin: 0; }
section.rule { border: 1px solid #ccc; border-radius: 4px; padding: .5em 1em; margin: .8em 0;
               break-inside: avoid; page-break-inside: avoid; }
section.rule h4 { margin: .2em 0; font-size: 1em; }
code { font-family: monospace; font-size: .9em; color: #555; }
blockquote { margin: .3em 0 .3em 1em; padding-left: .8em; border-left: 3px solid #bbb; color: #333; }
p.reading { background: #f5f5f0; padding: .3em .6em; }
p.outcome { margin: .3em 0; }
@media print {
  body { max-width: none; margin: 0; font-size: 10.5pt; }
  .page { break-before: page; page-break-before: always; }
  a { color: inherit; text-decoration: none; }
}
)";

std::string html_page(const std::vector<block>& blocks, lang l, const std::string& title) {
  const words w{l};
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + w("zh-CN", "en") +
                    "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                    "<title>" +
                    html(title) + "</title>\n<style>" + std::string(style) +
                    "</style>\n</head>\n<body>\n";
  bool in_section = false;
  for (const block& b : blocks) {
    switch (b.kind) {
      case block::page_break:
        if (in_section) out += "</div>\n";
        out += "<div class=\"page\">\n";
        in_section = true;
        break;
      case block::heading: {
        const std::string h = "h" + std::to_string(std::clamp(b.level, 1, 6));
        out += "<" + h + ">" + html(b.text) + "</" + h + ">\n";
        break;
      }
      case block::paragraph:
        out += "<p>" + html(b.text) + "</p>\n";
        break;
      case block::fields:
        out += "<dl class=\"fields\">\n";
        for (const field& f : b.list)
          out += "<dt>" + html(f.label) + "</dt><dd>" + html(f.value) + "</dd>\n";
        out += "</dl>\n";
        break;
      case block::items:
        out += "<ul>\n";
        for (const std::string& s : b.lines) out += "<li>" + html(s) + "</li>\n";
        out += "</ul>\n";
        break;
      case block::rule:
        out += "<section class=\"rule\">\n<h4>" + html(b.r.title) + " <code>" + html(b.r.id) +
               "</code></h4>\n";
        for (const clause_line& c : b.r.clauses)
          out += "<blockquote><strong>" + html(c.ref) + "</strong> " + html(c.quote) +
                 "</blockquote>\n";
        if (!b.r.interpretation.empty())
          out += "<p class=\"reading\"><strong>" + html(w("解读", "Reading")) + "</strong>" +
                 html(w("：", ": ")) + html(b.r.interpretation) + "</p>\n";
        for (const field& f : b.r.facts)
          out += "<p class=\"outcome\"><strong>" + html(f.label) + "</strong>" +
                 html(w("：", ": ")) + html(f.value) + "</p>\n";
        out += "</section>\n";
        break;
    }
  }
  if (in_section) out += "</div>\n";
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace

std::string doc(const notice& n, doc_format f, lang l) {
  const std::vector<block> blocks = builder(n, l).run();
  return f == doc_format::html ? html_page(blocks, l, n.info().title) : markdown(blocks, l);
}

}  // namespace nxkx
