// nxkx pack: the built-in notice pack, byte for byte, to copy and edit for another notice.
#include "cli.hpp"

namespace nxkx::cli {

runner add_pack(CLI::App& app) {
  app.add_subcommand("pack",
                     "Print the built-in 2025 notice pack (JSON), e.g. `nxkx pack > my-pack.json`, "
                     "to edit and use with --notice.");
  return [] {
    write_out(notice::builtin().source());
    return int{exit_ok};
  };
}

}  // namespace nxkx::cli
