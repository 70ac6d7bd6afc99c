// nxkx schema: the JSON Schema (draft 2020-12) of an application or of a report, for portals that
// build their forms from it (docs/schema.md).
#include "nxkx/schema.hpp"

#include <memory>
#include <string>

#include "cli.hpp"

namespace nxkx::cli {

namespace {

struct schema_args {
  common_options common;
  std::string document = "application";
  bool report = false;
  bool pack = false;
};

}  // namespace

runner add_schema(CLI::App& app) {
  auto a = std::make_shared<schema_args>();
  CLI::App* sub =
      app.add_subcommand("schema",
                         "Print the JSON Schema (draft 2020-12) of an application, generated from "
                         "the format the "
                         "reader accepts and the notice's codes, with titles in Chinese (title) "
                         "and English "
                         "(description). --report prints the schema of a report instead.");
  sub->add_option("--document", a->document,
                  "Which document: application, applications (one or an "
                  "array), report, or "
                  "batch (the result of a batch)")
      ->check(CLI::IsMember({"application", "applications", "report", "batch"}))
      ->capture_default_str();
  sub->add_flag("--report", a->report, "The schema of a report (same as --document report)");
  sub->add_flag("--pack", a->pack,
                "The schema of a notice pack (nxkx-notice-pack/2, docs/pack-format.md), for "
                "whoever writes one; the same for every notice");
  add_notice_option(*sub, a->common);
  return [a] {
    if (a->pack) {
      write_out(std::string(pack_schema()));
      return int{exit_ok};
    }
    const auto n = load_notice(a->common);
    if (!n) return int{exit_bad_input};
    const auto document =
        a->report ? schema_document::report : *from_code<schema_document>(a->document);
    write_out(json_schema(*n, document) + "\n");
    return int{exit_ok};
  };
}

}  // namespace nxkx::cli
