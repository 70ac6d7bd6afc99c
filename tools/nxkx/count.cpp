// nxkx count: 字 of text files, as the notice's "不少于1500字" counts them.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "cli.hpp"
#include "nxkx/text.hpp"

namespace nxkx::cli {

namespace {

struct count_args {
  common_options common;
  std::string method = "both";
  std::vector<std::string> files;
};

std::string count_line(const std::string& name, const zi_count& c, const count_args& a) {
  const bool zh = a.common.language() == lang::zh;
  std::string out = name + ": ";
  if (a.method != "non_space") {
    out +=
        std::to_string(c.word_processor) + (zh ? " 字 (字处理软件字数)" : " zi (word processor)");
  }
  if (a.method == "both") out += ", ";
  if (a.method != "word_processor") {
    out += std::to_string(c.non_space) + (zh ? " 个非空白字符" : " non-space characters");
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
    try {
      write_out(count_line(name, count_zi(read_input(file)), a));
    } catch (const nxkx::input_error& e) {
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
      "Count the 字 of UTF-8 text files as the notice's limits (\"不少于1500字\") count them: "
      "word_processor counts like Word/WPS 字数 (each CJK character or full-width mark is one, "
      "each run of Latin letters or digits is one, white space is nothing); non_space counts "
      "every character that is not white space.\nExit status: 0, or 2 if a file cannot be read "
      "or is not valid UTF-8 (the byte offset is named).");
  sub->add_option("--method", a->method, "Which count to print: word_processor, non_space or both")
      ->check(CLI::IsMember({"word_processor", "non_space", "both"}))
      ->capture_default_str();
  add_lang_option(*sub, a->common);
  sub->add_option("files", a->files, "Text files (UTF-8); '-' for standard input")
      ->required()
      ->type_name("FILE");
  return [a] { return run_count(*a); };
}

}  // namespace nxkx::cli
