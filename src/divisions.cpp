#include "nxkx/divisions.hpp"

#include <string_view>
#include <utility>
#include <vector>

namespace nxkx {

division_table::division_table(std::vector<division> all) : all_(std::move(all)) {}

// A linear scan: a region has a few dozen divisions, fewer than a sorted index would pay for,
// and all() keeps the pack's own order.
const division* division_table::find(std::string_view code) const noexcept {
  for (const auto& d : all_)
    if (d.code == code) return &d;
  return nullptr;
}

const division* division_table::city_of(std::string_view code) const noexcept {
  const division* d = find(code);
  if (d == nullptr) return nullptr;
  switch (d->level) {
    case division_level::city:
      return d;
    case division_level::county: {
      // Follow the stored link rather than guess from the digits (6401xx -> 640100): the pack is
      // the authority, and a county whose link is broken must not silently get a city.
      const division* city = find(d->city);
      return city != nullptr && city->level == division_level::city ? city : nullptr;
    }
    case division_level::region:
      break;
  }
  return nullptr;
}

const division* division_table::region() const noexcept {
  for (const auto& d : all_)
    if (d.level == division_level::region) return &d;
  return nullptr;
}

}  // namespace nxkx
