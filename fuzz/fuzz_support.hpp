// What the fuzz targets share: a way to stop on a broken invariant, and the check date.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "nxkx/date.hpp"

namespace nxkx::fuzz {

/// Stops the run on a broken invariant: libFuzzer (and the replay driver) report it as a crash.
[[noreturn]] inline void invariant_failed(std::string_view what) {
  std::fprintf(stderr, "nxkx fuzz: invariant broken: %.*s\n", static_cast<int>(what.size()),
               what.data());
  std::abort();
}

#define NXKX_FUZZ_REQUIRE(cond) \
  ((cond) ? static_cast<void>(0) : ::nxkx::fuzz::invariant_failed(#cond))

/// Every target checks as of the same day, as the conformance corpus mostly does.
inline date check_day() {
  using namespace std::chrono;
  return year{2025} / May / day{20};
}

}  // namespace nxkx::fuzz
