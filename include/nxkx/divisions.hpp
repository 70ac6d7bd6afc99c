// Administrative divisions (GB/T 2260) of the region a notice covers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nxkx/codes.hpp"  // to_code / from_code<division_level>
#include "nxkx/export.hpp"

namespace nxkx {

/// The level of a division within the region.
enum class division_level { region, city, county };

/// One division: its code, Chinese name, level, and the city it belongs to.
struct division {
  std::string code;  ///< six digits, e.g. "640122"
  std::string name;  ///< e.g. "贺兰县"
  division_level level = division_level::county;
  std::string city;  ///< the code of its prefecture-level city ("" for the region itself)

  bool operator==(const division&) const = default;
};

/// All divisions of one region, looked up by code.
class NXKX_EXPORT division_table {
 public:
  division_table() = default;
  explicit division_table(std::vector<division> all);

  /// The division with this code, or nullptr.
  const division* find(std::string_view code) const noexcept;
  /// The prefecture-level city a code lies in (itself for a city), or nullptr.
  const division* city_of(std::string_view code) const noexcept;
  const division* region() const noexcept;
  const std::vector<division>& all() const noexcept { return all_; }

 private:
  std::vector<division> all_;
};

}  // namespace nxkx
