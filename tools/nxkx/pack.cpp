// nxkx pack: the built-in notice pack, byte for byte, to copy and edit for another notice;
// nxkx pack lint: what a pack that loads may still get wrong (nxkx/lint.hpp);
// nxkx pack diff: what changed for applicants between two packs (nxkx/diff.hpp);
// nxkx pack doc: the rules reference of a pack, Markdown or HTML (nxkx/doc.hpp).
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli.hpp"
#include "nxkx/diff.hpp"
#include "nxkx/doc.hpp"
#include "nxkx/lint.hpp"

namespace nxkx::cli {

namespace {

struct lint_args {
  common_options common;
  std::string file;
};

struct diff_args {
  common_options common;
  std::string old_file;
  std::string new_file;
};

struct doc_args {
  common_options common;
  std::string file;
  std::string output;  ///< -o FILE; "" = standard output
  std::string format = "md";
};

/// A pack from a file, or nullopt after printing why (the status is then exit_bad_input).
std::optional<notice> load_pack(const std::string& file) {
  common_options o;
  o.notice_path = file;
  return load_notice(o);
}

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
      "use with --notice; `nxkx pack lint FILE` checks a pack (docs/pack-format.md §9), "
      "`nxkx pack diff OLD NEW` says what changed for applicants, `nxkx pack doc FILE` writes "
      "the rules reference (docs/pack-tools.md).");
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
  auto d = std::make_shared<diff_args>();
  CLI::App* diff_cmd = sub->add_subcommand(
      "diff",
      "What changed for applicants from the pack OLD to the pack NEW: the notice's number, title "
      "and dates, delivery methods and the date that counts, copies, every threshold (each "
      "rule's params, old → new, with the rule's title and clause), project types, applicant "
      "kinds, declarations, code lists, the history window, rules added or removed with their "
      "outcome, changed quotes and readings. Entries are matched by code, name, ref or rule id; "
      "each change names its JSON pointer in both packs (docs/pack-tools.md). Exit status: 0 no "
      "change for applicants, 1 changes found, 2 a pack cannot be read or the command line is "
      "wrong, 3 an internal error.");
  diff_cmd->add_option("OLD", d->old_file, "The old pack (JSON file), e.g. data/notice-2025.json")
      ->required();
  diff_cmd->add_option("NEW", d->new_file, "The new pack (JSON file)")->required();
  add_lang_option(*diff_cmd, d->common);
  add_format_option(*diff_cmd, d->common);

  auto g = std::make_shared<doc_args>();
  CLI::App* doc_cmd = sub->add_subcommand(
      "doc",
      "Write the rules reference of a pack for staff and applicants: the notice (number, title, "
      "issuer, dates, how to deliver), who may apply, and per project type what an application "
      "states and every rule checked at application and at completion, with its clause, quote, "
      "reading and outcome; Markdown, or one self-contained printable HTML page "
      "(docs/pack-tools.md). Exit status: 0 written, 2 the pack cannot be read, the output cannot "
      "be written or the command line is wrong, 3 an internal error.");
  doc_cmd->add_option("PACK", g->file, "The pack (JSON file)")->required();
  doc_cmd->add_option("-o,--output", g->output, "Write to this file instead of standard output");
  doc_cmd->add_option("--format", g->format, "md (Markdown) or html (a printable page)")
      ->check(CLI::IsMember({"md", "html"}))
      ->capture_default_str();
  add_lang_option(*doc_cmd, g->common);

  return [a, lint_cmd, d, diff_cmd, g, doc_cmd] {
    if (diff_cmd->parsed()) {
      set_error_language(d->common.language());
      const auto old_pack = load_pack(d->old_file);
      if (!old_pack) return int{exit_bad_input};
      const auto new_pack = load_pack(d->new_file);
      if (!new_pack) return int{exit_bad_input};
      const pack_diff changes = diff(*old_pack, *new_pack);
      write_out(d->common.json() ? diff_json(changes) + "\n"
                                 : diff_text(changes, d->common.language()));
      return int{changes.empty() ? exit_ok : exit_not_accepted};
    }
    if (doc_cmd->parsed()) {
      set_error_language(g->common.language());
      const auto n = load_pack(g->file);
      if (!n) return int{exit_bad_input};
      const std::string text = doc(*n, *from_code<doc_format>(g->format), g->common.language());
      if (g->output.empty()) {
        write_out(text);
        return int{exit_ok};
      }
      std::ofstream out(g->output, std::ios::binary | std::ios::trunc);
      out << text;
      out.close();
      if (!out) {
        print_error("cannot write " + g->output, "无法写入 " + g->output);
        return int{exit_bad_input};
      }
      return int{exit_ok};
    }
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
