// What the subcommands share: options, reading files, loading the pack, printing errors.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "cli.hpp"

namespace nxkx::cli {

void add_lang_option(CLI::App& app, common_options& o) {
  app.add_option("--lang", o.lang, "Language of the output and of error messages: zh (中文) or en")
      ->check(CLI::IsMember({"zh", "en"}))
      ->each([](const std::string& v) { set_error_language(v == "en" ? lang::en : lang::zh); })
      ->capture_default_str();
}

void add_format_option(CLI::App& app, common_options& o) {
  app.add_option("--format", o.format, "Output format: text (for people) or json (for programs)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
}

void add_notice_option(CLI::App& app, common_options& o) {
  app.add_option("--notice", o.notice_path,
                 "A notice pack (JSON) to use instead of the built-in 2025 notice")
      ->type_name("PACK.json");
}

void add_stage_option(CLI::App& app, common_options& o, std::string_view help) {
  app.add_option("--stage", o.stage, std::string(help))
      ->check(CLI::IsMember({"application", "completion"}));
}

std::optional<nxkx::notice> load_notice(const common_options& o) {
  if (o.notice_path.empty()) return nxkx::notice::builtin();
  try {
    return nxkx::notice::load(o.notice_path);
  } catch (const nxkx::error& e) {
    print_error(o.notice_path, e);
    return std::nullopt;
  }
}

std::string display_name(const std::string& name) { return name == "-" ? "<stdin>" : name; }

namespace {
nxkx::lang error_language = nxkx::lang::zh;

/// strerror in Chinese for the reasons people meet most; the system's text otherwise.
std::string system_reason_zh(int err) {
  switch (err) {
    case ENOENT:
      return "没有这个文件或文件夹";
    case EACCES:
    case EPERM:
      return "没有读取权限";
    case EISDIR:
      return "这是一个文件夹";
    default:
      return err != 0 ? std::strerror(err) : "未知错误";
  }
}
}  // namespace

void set_error_language(nxkx::lang l) noexcept { error_language = l; }
nxkx::lang message_language() noexcept { return error_language; }

std::string read_input(const std::string& name) {
  if (name == "-") {
    std::ostringstream buf;
    buf << std::cin.rdbuf();
    if (std::cin.bad())
      throw nxkx::input_error("input.io", "", "cannot read standard input", "无法读取标准输入");
    return std::move(buf).str();
  }
  std::error_code ec;
  if (std::filesystem::is_directory(name, ec))
    throw nxkx::input_error("input.io", "", "is a directory", "这是一个文件夹");
  std::ifstream in(name, std::ios::binary);
  if (!in) {
    const int err = errno;
    throw nxkx::input_error(
        "input.io", "",
        std::string("cannot open: ") + (err != 0 ? std::strerror(err) : "unknown error"),
        "无法打开：" + system_reason_zh(err));
  }
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw nxkx::input_error("input.io", "", "cannot read", "无法读取");
  return text;
}

void print_error(std::string_view file, const nxkx::error& e) {
  std::string line;
  if (!file.empty()) {
    line += nxkx::visible_text(file);
    line += ": ";
  }
  if (!e.path().empty()) line += nxkx::visible_text(e.path()) + ": ";
  const std::string& reason = e.reason(error_language);
  line += reason.empty() ? std::string(e.what()) : reason;
  if (!e.code().empty()) line += " [" + e.code() + "]";
  print_error(line);
}

void print_error(std::string_view what) {
  std::cout.flush();  // keep stdout and stderr in order when both go to a terminal
  std::cerr << "nxkx: " << what << '\n';
}

void print_error(std::string_view en, std::string_view zh) {
  print_error(error_language == nxkx::lang::zh ? zh : en);
}

std::string_view decision_text(nxkx::decision d, nxkx::stage st, nxkx::lang l) noexcept {
  if (d == decision::incomplete) return severity_label(severity::incomplete, st, l);
  return decision_label(d, l);
}

void write_out(std::string_view text) { std::cout.write(text.data(), std::ssize(text)); }

}  // namespace nxkx::cli
