// nxkx::doc (nxkx pack doc): each shipped pack renders in Markdown and HTML, in both languages,
// with every rule and every clause; the HTML is balanced and self-contained; hostile text is
// escaped and control characters never reach the output.
#include "nxkx/doc.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "nxkx/nxkx.hpp"

namespace nxkx {
namespace {

namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;

const fs::path root{NXKX_SOURCE_DIR};

std::vector<notice> shipped() {
  return {notice::builtin(), notice::load(root / "examples/packs/notice-2026-sample.json"),
          notice::load(root / "examples/packs/notice-huangshi-2023.json")};
}

/// The HTML's elements open and close in order (void elements aside); "" or what is wrong.
std::string unbalanced(const std::string& html) {
  std::vector<std::string> open;
  for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    const std::size_t end = html.find('>', at);
    if (end == std::string::npos) return "a tag is not closed";
    std::string tag = html.substr(at + 1, end - at - 1);
    if (tag.empty() || tag[0] == '!') continue;
    const bool closing = tag[0] == '/';
    const bool self_closing = tag.back() == '/';
    std::string name = tag.substr(closing ? 1 : 0);
    name = name.substr(0, name.find_first_of(" /"));
    if (self_closing) continue;
    if (!closing) {
      open.push_back(name);
      continue;
    }
    if (open.empty() || open.back() != name)
      return "</" + name + "> closes <" + (open.empty() ? "" : open.back()) + ">";
    open.pop_back();
  }
  return open.empty() ? "" : "<" + open.back() + "> is never closed";
}

/// A text as the HTML holds it.
std::string escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else if (c == '\'')
      out += "&#39;";
    else
      out += c;
  }
  return out;
}

/// A text as the Markdown holds it (docs/pack-tools.md: these characters are escaped).
std::string md_escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\`*_[]<>|~&").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

bool has_control(const std::string& s) {
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\n') || c == 0x7F) return true;
  }
  return false;
}

TEST(Doc, EveryShippedPackRendersEveryRuleAndClause) {
  for (const notice& n : shipped()) {
    const ojson pack = ojson::parse(n.source());
    for (lang l : {lang::zh, lang::en})
      for (doc_format f : {doc_format::markdown, doc_format::html}) {
        const std::string out = doc(n, f, l);
        auto as_out = [&](const std::string& text) {
          return f == doc_format::html ? escaped(text) : md_escaped(text);
        };
        const std::string what = n.identity().id + (f == doc_format::html ? " html" : " md") +
                                 (l == lang::zh ? " zh" : " en");
        EXPECT_FALSE(has_control(out)) << what;
        EXPECT_NE(out.find(as_out(n.info().title)), std::string::npos) << what;
        for (const auto& r : n.rules()) {
          EXPECT_NE(out.find(r.id), std::string::npos) << what << ": " << r.id;
          EXPECT_NE(out.find(as_out(r.title.in(l))), std::string::npos) << what << ": " << r.id;
          for (const auto& c : r.clauses)
            EXPECT_NE(out.find(c.ref), std::string::npos) << what << ": " << c.ref;
        }
        for (const auto& [ref, quote] : pack["clauses"].items())
          EXPECT_NE(out.find(ref), std::string::npos) << what << ": " << ref;
        for (const auto& t : n.project_types())
          EXPECT_NE(out.find(as_out(t.name.in(l))), std::string::npos) << what << ": " << t.code;
        for (const auto& k : n.applicant_kinds())
          EXPECT_NE(out.find(as_out(k.name.in(l))), std::string::npos) << what << ": " << k.code;
        if (f == doc_format::html) {
          EXPECT_EQ(unbalanced(out), "") << what;
          EXPECT_EQ(out.rfind("<!DOCTYPE html>", 0), 0u) << what;
          EXPECT_NE(out.find("@media print"), std::string::npos);
          EXPECT_EQ(out.find("<link"), std::string::npos) << "no external stylesheet";
          EXPECT_EQ(out.find("<script"), std::string::npos);
          EXPECT_EQ(out.find("src="), std::string::npos);
          EXPECT_EQ(out.find("href="), std::string::npos);
          EXPECT_EQ(out.find("url("), std::string::npos);
          EXPECT_EQ(out.find("@import"), std::string::npos);
        }
      }
  }
}

// A6 of the trial: a shared field a type's rules read is listed under the pack's fact.* label.
TEST(Doc, SharedFieldsUnderThePacksLabel) {
  const notice n = notice::load(root / "examples/packs/notice-huangshi-2023.json");
  const std::string zh = doc(n, doc_format::markdown, lang::zh);
  EXPECT_NE(zh.find("- 电子版已发送\n"), std::string::npos) << zh;
  EXPECT_EQ(zh.find("word_version.emailed"), std::string::npos);
}

// B9 of the trial: the head says the pack's text is a summary, in Markdown and HTML, zh and en.
TEST(Doc, SaysTheTextIsASummary) {
  const notice h = notice::load(root / "examples/packs/notice-huangshi-2023.json");
  for (doc_format f : {doc_format::markdown, doc_format::html}) {
    const std::string zh = doc(h, f, lang::zh);
    EXPECT_NE(zh.find("notice-huangshi-2023.zh.md（摘要，非通知原文）"), std::string::npos) << zh;
    const std::string en = doc(h, f, lang::en);
    EXPECT_NE(en.find("notice-huangshi-2023.zh.md (a summary, not the notice"), std::string::npos)
        << en;
  }
  // The 2025 pack ships the notice's own words: its text is named without the remark.
  const std::string zh = doc(notice::builtin(), doc_format::markdown, lang::zh);
  EXPECT_EQ(zh.find("摘要，非通知原文"), std::string::npos);
}

TEST(Doc, OutcomesAreLabelsNotCodes) {
  const std::string zh = doc(notice::builtin(), doc_format::markdown, lang::zh);
  EXPECT_NE(zh.find("不符合时：不予受理"), std::string::npos);
  EXPECT_NE(zh.find("不符合时：材料不全"), std::string::npos);
  EXPECT_NE(zh.find("不符合时：需人工审核"), std::string::npos);
  EXPECT_NE(zh.find("不符合时：未完成"), std::string::npos);  // at completion
  EXPECT_NE(zh.find("申报时审查"), std::string::npos);
  EXPECT_NE(zh.find("结项时审查"), std::string::npos);
  EXPECT_EQ(zh.find("rejected"), std::string::npos);
  const std::string en = doc(notice::builtin(), doc_format::markdown, lang::en);
  EXPECT_NE(en.find("When broken: rejected"), std::string::npos);
  EXPECT_NE(en.find("Checked at completion"), std::string::npos);
}

TEST(Doc, EveryTextIsEscaped) {
  ojson j = ojson::parse(notice::builtin().source());
  j["notice"]["title"] = "<script>alert('x')</script> & *bold* [link](http://x)\x01\x7F";
  j["rules"][0]["title"]["zh"] = "<b>规则</b>\t一|二";
  j["rules"][0]["title"]["en"] = "<b>rule</b>";
  const notice n = notice::from_json(j.dump());
  const std::string html = doc(n, doc_format::html, lang::zh);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;"), std::string::npos);
  EXPECT_EQ(unbalanced(html), "");
  EXPECT_FALSE(has_control(html));
  const std::string md = doc(n, doc_format::markdown, lang::zh);
  EXPECT_NE(md.find("\\<script\\>"), std::string::npos);
  EXPECT_NE(md.find("\\*bold\\*"), std::string::npos);
  EXPECT_NE(md.find("\\[link\\]"), std::string::npos);
  EXPECT_NE(md.find("\\<b\\>规则\\</b\\> 一\\|二"), std::string::npos);
  EXPECT_FALSE(has_control(md));
}

TEST(Doc, EachTypeListsOnlyItsRules) {
  // A rule of one project type is under that type only: count its headings.
  const notice& n = notice::builtin();
  const std::string md = doc(n, doc_format::markdown, lang::zh);
  for (const auto& r : n.rules()) {
    if (r.project_types.size() != 1) continue;
    const std::string id = "`" + r.id + "`";
    std::size_t count = 0;
    for (std::size_t at = md.find(id); at != std::string::npos; at = md.find(id, at + 1)) ++count;
    EXPECT_EQ(count, 1u) << r.id;
  }
}

TEST(Doc, FormatCodes) {
  EXPECT_EQ(from_code<doc_format>("md"), doc_format::markdown);
  EXPECT_EQ(from_code<doc_format>("html"), doc_format::html);
  EXPECT_EQ(to_code(doc_format::markdown), "md");
  EXPECT_FALSE(from_code<doc_format>("markdown"));  // `nxkx pack doc --format` takes md or html
  EXPECT_FALSE(from_code<doc_format>("pdf"));
}

}  // namespace
}  // namespace nxkx
