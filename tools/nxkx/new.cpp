// nxkx new: a starter application for a project type — every field its rules read, unknown —
// so that `nxkx check` of it at once lists everything to fill in.
#include <memory>
#include <string>

#include "cli.hpp"

namespace nxkx::cli {

namespace {

struct new_args {
  common_options common;
  std::string type;
  std::string kind;
  std::string output;
};

}  // namespace

runner add_new(CLI::App& app) {
  auto a = std::make_shared<new_args>();
  CLI::App* sub = app.add_subcommand(
      "new",
      "Print a starter application for a project type: the type, the applicant's kind and every "
      "field that type's rules read at the stage, and every declaration of the pack no rule reads, "
      "as null (unknown). Fill it in and check it: "
      "`nxkx check` of the starter as it is lists everything still missing. "
      "`nxkx catalog` lists the project types.");
  sub->add_option("--type", a->type, "The project type, e.g. park_sta_capacity (nxkx catalog)")
      ->required()
      ->type_name("TYPE");
  add_stage_option(*sub, a->common,
                   "application (default): what the application needs; completion: the "
                   "records too (events, texts …)");
  sub->add_option("--kind", a->kind,
                  "The applicant's kind, for types that admit several (default: the first the "
                  "type admits; a code of the notice's applicant kinds)");
  sub->add_option("-o,--output", a->output, "Write it to FILE instead of standard output")
      ->type_name("FILE");
  add_lang_option(*sub, a->common);
  add_notice_option(*sub, a->common);
  return [a] {
    const auto n = load_notice(a->common);
    if (!n) return int{exit_bad_input};
    const stage st = a->common.stage_given();
    std::optional<std::string> kind;
    if (!a->kind.empty()) kind = a->kind;
    try {
      const std::string text = starter_application(*n, a->type, st, kind);
      if (a->output.empty()) {
        write_out(text);
      } else {
        std::FILE* f = std::fopen(a->output.c_str(), "wb");
        if (f == nullptr || std::fwrite(text.data(), 1, text.size(), f) != text.size() ||
            std::fclose(f) != 0)
          throw nxkx::error("output.file", "", "cannot write " + a->output,
                            "无法写入 " + a->output);
      }
    } catch (const nxkx::input_error& e) {
      print_error("--type", e);
      return int{exit_bad_input};
    }
    return int{exit_ok};
  };
}

}  // namespace nxkx::cli
