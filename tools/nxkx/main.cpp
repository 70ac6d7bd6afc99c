// nxkx — check applications against 宁夏科协〔2025〕61号, list its project types and rules.
#include <exception>
#include <iostream>
#include <utility>
#include <vector>

#include "cli.hpp"

int main(int argc, char** argv) {
  using namespace nxkx::cli;
  CLI::App app{
      "nxkx — a grant notice's rules as code: checks applications against a notice pack and lists "
      "its project types and rules.\nBuilt in: "
      "宁夏科协〔2025〕61号《关于组织申报2025年学术交流及学会能力提升项目的通知》; "
      "--notice PACK.json judges by another pack, and every report names the pack it used.",
      "nxkx"};
  app.set_version_flag("--version", [] { return std::string("nxkx ") + nxkx::version_string; });
  app.require_subcommand(1);
  app.footer("Run `nxkx SUBCOMMAND --help` for the options of each subcommand.");

  std::vector<std::pair<CLI::App*, runner>> subcommands;
  auto add = [&](runner (*make)(CLI::App&)) {
    const auto before = app.get_subcommands({}).size();
    runner r = make(app);
    subcommands.emplace_back(app.get_subcommands({}).at(before), std::move(r));
  };
  add(add_check);
  add(add_catalog);
  add(add_rules);
  add(add_count);
  add(add_pack);
  add(add_schema);
  add(add_new);
  add(add_conformance);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);  // prints help, the version, or what is wrong
    return status == 0 ? exit_ok : exit_bad_input;
  }

  try {
    for (auto& [sub, run] : subcommands)
      if (sub->parsed()) return run();
  } catch (const nxkx::error& e) {
    print_error("", e);
    return exit_bad_input;
  } catch (const std::exception& e) {
    print_error(std::string("internal error: ") + e.what());
    return exit_internal;
  }
  return exit_ok;
}
