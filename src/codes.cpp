#include "nxkx/codes.hpp"

#include <array>
#include <string_view>
#include <utility>

namespace nxkx {

// The codes are the enumerator names on purpose: one spelling across C++, JSON and bindings.
// They are stored by portals, so an entry here is never renamed once released.

const std::array<std::pair<stage, std::string_view>, 2> code_table<stage>::items{{
    {stage::application, "application"},
    {stage::completion, "completion"},
}};

const std::array<std::pair<severity, std::string_view>, 3> code_table<severity>::items{{
    {severity::needs_review, "needs_review"},
    {severity::incomplete, "incomplete"},
    {severity::rejected, "rejected"},
}};

const std::array<std::pair<decision, std::string_view>, 5> code_table<decision>::items{{
    {decision::accepted, "accepted"},
    {decision::needs_review, "needs_review"},
    {decision::incomplete, "incomplete"},
    {decision::rejected, "rejected"},
    {decision::complete, "complete"},
}};

namespace {

// A search, not an index: severity starts at 1, and a value cast from a bad integer must give ""
// rather than read past the table.
template <class E>
std::string_view code_of(E v) noexcept {
  for (const auto& [value, name] : code_table<E>::items)
    if (value == v) return name;
  return {};
}

}  // namespace

std::string_view to_code(stage v) noexcept { return code_of(v); }
std::string_view to_code(severity v) noexcept { return code_of(v); }
std::string_view to_code(decision v) noexcept { return code_of(v); }

}  // namespace nxkx
