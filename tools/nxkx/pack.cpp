// nxkx pack: the built-in notice pack, byte for byte, to copy and edit for another notice;
// nxkx pack lint: what a pack that loads may still get wrong (nxkx/lint.hpp).
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli.hpp"
#include "nxkx/lint.hpp"

namespace nxkx::cli {

namespace {

struct lint_args {
  common_options common;
  std::string file;
};

/// The notice's text the pack names (/notice/text, relative to the pack), or "" without one.
std::string notice_text(const notice& n, const std::string& pack_file) {
  if (n.info().text_file.empty()) return {};
  const std::filesystem::path p =
      std::filesystem::path(pack_file).parent_path() / n.info().text_file;
  std::ifstream in(p, std::ios::binary);
  if (!in)
    throw nxkx::pack_error("pack.invalid", "/notice/text",
                           "cannot read the notice's text " + p.string(),
                           "无法读取通知文本 " + p.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

runner add_pack(CLI::App& app) {
  CLI::App* sub = app.add_subcommand(
      "pack",
      "Print the built-in 2025 notice pack (JSON), e.g. `nxkx pack > my-pack.json`, to edit and "
      "use with --notice; `nxkx pack lint FILE` checks a pack (docs/pack-format.md §9).");
  auto a = std::make_shared<lint_args>();
  CLI::App* lint_cmd = sub->add_subcommand(
      "lint",
      "Check a notice pack: it loads (an error names the place), every weekday it states is the "
      "calendar's, every quote is in the notice's text (/notice/text), every applicant kind, "
      "declaration and contact is used, no rule is unreachable, titles state only their own "
      "numbers, targets agree with completion thresholds. Exit status: 0 no error (warnings "
      "allowed), 1 errors found, 2 the pack cannot be read.");
  lint_cmd->add_option("PACK", a->file, "The pack (JSON file)")->required();
  add_lang_option(*lint_cmd, a->common);
  add_format_option(*lint_cmd, a->common);
  return [a, lint_cmd] {
    if (!lint_cmd->parsed()) {
      write_out(notice::builtin().source());
      return int{exit_ok};
    }
    set_error_language(a->common.language());
    common_options o = a->common;
    o.notice_path = a->file;
    const auto n = load_notice(o);
    if (!n) return int{exit_bad_input};
    std::vector<lint_issue> issues;
    try {
      issues = lint(*n, notice_text(*n, a->file));
    } catch (const nxkx::error& e) {
      print_error(a->file, e);
      return int{exit_bad_input};
    }
    write_out(a->common.json() ? lint_json(*n, issues) + "\n"
                               : lint_text(*n, issues, a->common.language()));
    for (const auto& i : issues)
      if (i.error) return int{exit_not_accepted};
    return int{exit_ok};
  };
}

}  // namespace nxkx::cli
