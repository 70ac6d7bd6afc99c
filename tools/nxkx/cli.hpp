// The nxkx command: what its subcommands share.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nxkx/nxkx.hpp"

namespace nxkx::cli {

/// Exit statuses of the command (documented in README.md).
enum exit_status : int {
  exit_ok = 0,            ///< every application accepted (or complete); any other command succeeded
  exit_not_accepted = 1,  ///< at least one application is not accepted
  exit_bad_input = 2,     ///< an input, the pack or the command line could not be read
  exit_internal = 3,      ///< a bug in nxkx
  exit_empty = 4,         ///< `check`: the input holds no application (`[]`, an empty --jsonl)
};

/// Runs a subcommand after the command line is parsed; returns an exit status.
using runner = std::function<int()>;

// Each subcommand registers itself on the app and returns what runs it.
runner add_check(CLI::App& app);
runner add_catalog(CLI::App& app);
runner add_rules(CLI::App& app);
runner add_count(CLI::App& app);
runner add_pack(CLI::App& app);
runner add_schema(CLI::App& app);
runner add_new(CLI::App& app);
runner add_conformance(CLI::App& app);

/// Options several subcommands take.
struct common_options {
  std::string lang = "zh";
  std::string format = "text";
  std::string notice_path;  ///< "" = the built-in notice
  std::string stage;        ///< "" where optional and not given

  nxkx::lang language() const noexcept { return lang == "en" ? lang::en : lang::zh; }
  bool json() const noexcept { return format == "json"; }
  /// The stage given (add_stage_option admits only its codes), the application where none is.
  nxkx::stage stage_given() const noexcept {
    return nxkx::from_code<nxkx::stage>(stage).value_or(nxkx::stage::application);
  }
};

void add_lang_option(CLI::App& app, common_options& o);
void add_format_option(CLI::App& app, common_options& o);
void add_notice_option(CLI::App& app, common_options& o);
void add_stage_option(CLI::App& app, common_options& o, std::string_view help);

/// How `nxkx check --jsonl` writes (tools/nxkx/check_jsonl.cpp).
struct jsonl_options {
  bool json = true;  ///< one report per line as JSON (default); else the text of each report
  nxkx::lang language = nxkx::lang::zh;
  bool quiet = false;     ///< never show progress
  bool progress = false;  ///< show progress even when standard error is not a terminal
  bool brief = false;     ///< text in brief (nxkx::to_brief)
  nxkx::report_detail detail = nxkx::report_detail::full;  ///< --compact
  std::string output;                                      ///< -o FILE; "" = standard output
  unsigned threads = 1;  ///< workers checking the lines (--threads)
};

/// The CPUs this process may run on (sched_getaffinity: `taskset`, a container's cpuset), at
/// least 1: the default of --threads.
unsigned available_cpus() noexcept;

/// The most threads --threads accepts.
inline constexpr unsigned max_threads = 256;

/// Streams the applications of `files` (one per line) through one batch_checker and writes one
/// report per line; an unreadable line is named by file and line number. Returns the exit status.
int check_jsonl(const std::vector<std::string>& files, const nxkx::notice& n,
                const nxkx::check_options& opt, const jsonl_options& o);

/// The pack named by --notice, or the built-in one. On failure prints why and returns nullopt.
std::optional<nxkx::notice> load_notice(const common_options& o);

/// The language of error messages on standard error (each subcommand sets it from --lang).
void set_error_language(nxkx::lang l) noexcept;
nxkx::lang message_language() noexcept;

/// The bytes of a file, or of standard input for "-", at most `limit` (nxkx::read_file,
/// nxkx::read_stream: the codes input.not_found, input.unreadable, input.directory,
/// input.not_regular, input.limit).
std::string read_input(const std::string& name, nxkx::byte_limit limit);

/// A document of applications from a file, or from standard input for "-", within `limits`
/// (nxkx::read_applications_file: max_bytes for one, max_batch_bytes for an array).
std::string read_applications_input(const std::string& name, const nxkx::input_limits& limits);

/// What `nxkx count` reads of a text file at most: 64 MiB, as much XML as a .docx may hold.
inline constexpr nxkx::byte_limit max_text_bytes{std::size_t{64} << 20, "max_text_bytes"};

/// How a file is named in messages: "<stdin>" for "-".
std::string display_name(const std::string& name);

/// Prints `nxkx: FILE: PATH: REASON [CODE]` (the path is left out when empty) on stderr, in the
/// language of error messages; control characters in the file, path and reason are shown escaped.
void print_error(std::string_view file, const nxkx::error& e);
/// Prints `nxkx: WHAT` on stderr.
void print_error(std::string_view what);
/// Prints `nxkx: EN` or `nxkx: ZH`, in the language of error messages.
void print_error(std::string_view en, std::string_view zh);

/// The files the arguments name: a file as it is ('-' too); a folder as every file under it
/// (recursively) whose name ends in `ext` (".json"), sorted by path. Folders with no such file are
/// added to `empty_folders`.
std::vector<std::string> expand_inputs(const std::vector<std::string>& args, std::string_view ext,
                                       std::vector<std::string>& empty_folders);

/// read_input, converted to UTF-8 from `encoding` (nxkx::to_utf8; "" or "utf-8": as it is).
std::string read_text_input(const std::string& name, std::string_view encoding);

/// --encoding, for subcommands that read text.
void add_encoding_option(CLI::App& app, std::string& encoding);

/// Adds "or read it with --encoding gb18030" to an input.utf8 (or, for UTF-16's NUL bytes,
/// input.syntax) error when `bytes` look like another encoding.
void add_hint_for_encoding(nxkx::input_error& e, const std::string& bytes);

/// Writes text to stdout as bytes (UTF-8 in, UTF-8 out, no locale conversion).
void write_out(std::string_view text);

}  // namespace nxkx::cli
