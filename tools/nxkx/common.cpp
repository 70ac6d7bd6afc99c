// What the subcommands share: options, reading files, loading the pack, printing errors.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "cli.hpp"
#include "nxkx/office.hpp"

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
  std::vector<std::string> codes;
  for (const auto& [value, code] : nxkx::code_table<nxkx::stage>::items) codes.emplace_back(code);
  app.add_option("--stage", o.stage, std::string(help))->check(CLI::IsMember(codes));
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

}  // namespace

void set_error_language(nxkx::lang l) noexcept { error_language = l; }
nxkx::lang message_language() noexcept { return error_language; }

std::string read_input(const std::string& name, nxkx::byte_limit limit) {
  return name == "-" ? nxkx::read_stream(stdin, limit) : nxkx::read_file(name, limit);
}

std::string read_applications_input(const std::string& name, const nxkx::input_limits& limits) {
  return name == "-" ? nxkx::read_applications_stream(stdin, limits)
                     : nxkx::read_applications_file(name, limits);
}

void print_error(std::string_view file, const nxkx::error& e) {
  std::string line;
  if (!file.empty()) {
    line += nxkx::visible_text(file);
    line += ": ";
  }
  if (!e.path().empty()) line += nxkx::visible_text(e.path()) + ": ";
  // The reason may quote the input (a text's file name, a value): shown escaped as well.
  const std::string& reason = e.reason(error_language);
  line +=
      nxkx::visible_text(reason.empty() ? std::string_view(e.what()) : std::string_view(reason));
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

void write_out(std::string_view text) { std::cout.write(text.data(), std::ssize(text)); }

namespace {

bool has_extension(const std::filesystem::path& p, std::string_view ext) {
  std::string e = p.extension().string();
  for (char& c : e)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return e == ext;
}

bool hidden(const std::filesystem::path& p) {
  const std::string name = p.filename().string();
  return name.starts_with(".") || name.starts_with("~$");
}

}  // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& args, std::string_view ext,
                                       std::vector<std::string>& empty_folders) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& arg : args) {
    std::error_code ec;
    if (arg == "-" || !fs::is_directory(arg, ec)) {
      out.push_back(arg);
      continue;
    }
    // Every file of the folder and its subfolders whose name ends in `ext`, in the order of their
    // paths: folder by folder, each name compared byte by byte (UTF-8). Names that begin with
    // "." or "~$" (hidden files, Office's lock files) are left out, and so are the folders they
    // name; links to folders are not followed.
    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      if (hidden(p)) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && has_extension(p, ext)) found.push_back(p);
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) empty_folders.push_back(arg);
    for (const auto& p : found) out.push_back(p.string());
  }
  return out;
}

std::string read_text_input(const std::string& name, std::string_view encoding) {
  std::string bytes = read_input(name, max_text_bytes);
  if (encoding.empty() || encoding == "utf-8") return bytes;
  return nxkx::to_utf8(bytes, encoding);
}

void add_encoding_option(CLI::App& app, std::string& encoding) {
  app.add_option("--encoding", encoding,
                 "The encoding of the input files: utf-8 (default), gb18030 (also gbk: what "
                 "Chinese Windows saves as ANSI), utf-16 (le/be), or auto (UTF-8 unless the bytes "
                 "look like GB18030 or UTF-16)")
      ->check([](const std::string& v) {
        return nxkx::known_encoding(v) ? std::string()
                                       : "unknown encoding " + v +
                                             "; expected utf-8, gb18030, utf-16, utf-16le, "
                                             "utf-16be or auto";
      })
      ->capture_default_str();
}

void add_hint_for_encoding(nxkx::input_error& e, const std::string& bytes) {
  if (e.code() != "input.utf8" && e.code() != "input.syntax") return;
  const std::string_view guess = nxkx::guess_encoding(bytes);
  if (guess.empty()) return;
  std::string code(guess);
  for (char& c : code)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  e = nxkx::input_error(e.code(), e.path(), e.reason() + "; or read it with --encoding " + code,
                        e.reason_zh() + "；或用 --encoding " + code + " 读取");
}

}  // namespace nxkx::cli
