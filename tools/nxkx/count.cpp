// nxkx count: 字 of text files, as the notice's "不少于1500字" counts them.
#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cli.hpp"
#include "nxkx/office.hpp"
#include "nxkx/text.hpp"

namespace nxkx::cli {

namespace {

struct count_args {
  common_options common;
  std::string method = "both";
  std::string encoding = "utf-8";
  std::vector<std::string> files;
};

/// A Word document by its name (.docx, .doc) or its first bytes (a zip archive, an OLE
/// compound file): read as one, so that a .doc or an encrypted document is named as such.
bool is_word(const std::string& file, const std::string& bytes) {
  std::string ext = std::filesystem::path(file).extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext == ".docx" || ext == ".doc" || bytes.starts_with("PK\x03\x04") ||
         bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
}

std::string count_line(const std::string& name, const zi_count& c, const count_args& a) {
  const bool zh = a.common.language() == lang::zh;
  std::string out = name + ": ";
  // The methods by the names the pack, the findings and the docs give them.
  if (a.method != "non_space") {
    out += std::to_string(c.word_processor) +
           (zh ? " 字 (Word 字数统计口径)" : " 字 (word-processor method)");
  }
  if (a.method == "both") out += ", ";
  if (a.method != "word_processor") {
    out += std::to_string(c.non_space) +
           (zh ? " 字 (不计空格字符口径)" : " 字 (non-space-character method)");
  }
  return out + "\n";
}

int run_count(const count_args& a) {
  if (std::ranges::count(a.files, std::string("-")) > 1) {
    print_error("'-' (standard input) may be given only once", "'-'（标准输入）只能出现一次");
    return exit_bad_input;
  }
  int status = exit_ok;
  for (const auto& file : a.files) {
    const std::string name = display_name(file);
    std::string bytes;
    try {
      // A Word document: the text of its body (paragraphs, tables, text boxes), as Word's 字数.
      // Named .docx or .doc, it is read as one (its XML has a cap of its own); else its bytes are
      // read, at most max_text_bytes, and looked at.
      if (file != "-" && is_word(file, "")) {
        write_out(count_line(name, count_zi(read_docx_text(file)), a));
        continue;
      }
      bytes = read_input(file, max_text_bytes);
      if (file != "-" && is_word(file, bytes)) {
        write_out(count_line(name, count_zi(read_docx_text(file)), a));
        continue;
      }
      write_out(count_line(name, count_zi(to_utf8(bytes, a.encoding)), a));
    } catch (nxkx::input_error& e) {
      if (a.encoding == "utf-8") add_hint_for_encoding(e, bytes);
      print_error(name, e);
      status = exit_bad_input;
    }
  }
  return status;
}

}  // namespace

runner add_count(CLI::App& app) {
  auto a = std::make_shared<count_args>();
  CLI::App* sub = app.add_subcommand(
      "count",
      "Count the 字 of text files and Word documents (.docx) as the notice's limits "
      "(\"不少于1500字\") count them: word_processor counts like Word/WPS 字数 (each CJK "
      "character or full-width mark is one, each run of Latin letters or digits is one, white "
      "space is nothing); non_space counts every character that is not white space. Of a .docx "
      "the body is counted (paragraphs, tables, text boxes), not headers, footers, footnotes or "
      "comments, as Word does.\nExit status: 0, or 2 if a file cannot be read, is not valid "
      "UTF-8 (the byte offset is named; see --encoding) or is not a readable Word document.");
  sub->add_option("--method", a->method, "Which count to print: word_processor, non_space or both")
      ->check(CLI::IsMember({"word_processor", "non_space", "both"}))
      ->capture_default_str();
  add_lang_option(*sub, a->common);
  add_encoding_option(*sub, a->encoding);
  sub->add_option("files", a->files,
                  "Text files (UTF-8, or see --encoding) or Word documents (.docx); '-' for "
                  "standard input")
      ->required()
      ->type_name("FILE");
  return [a] { return run_count(*a); };
}

}  // namespace nxkx::cli
