// Internal: which declarations of a pack some rule reads, for `nxkx pack lint` (lint.unused) and
// the starter (`nxkx new` asks for a declaration no rule reads too: docs/pack-format.md §4.2).
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "nxkx/notice.hpp"

namespace nxkx::detail {

/// Every string value of a JSON tree.
inline void strings_of(const nlohmann::ordered_json& j, std::set<std::string>& out) {
  if (j.is_string()) out.insert(j.get<std::string>());
  if (j.is_structured())
    for (const auto& v : j) strings_of(v, out);
}

/// The names a pack uses: every string of the rules' params and applies_to, every code of the
/// project types' eligible lists and their contacts, the delivery methods' dates and the
/// declarations' details. A declaration is read when its name (or history./submission. name)
/// is among them.
inline std::set<std::string> names_used(const notice& n, const nlohmann::ordered_json& pack) {
  std::set<std::string> used;
  for (const auto& r : pack["rules"]) {
    strings_of(r["params"], used);
    if (r.contains("applies_to")) strings_of(r["applies_to"], used);
  }
  for (const auto& t : pack["project_types"]) {
    strings_of(t["eligible"], used);
    if (t.contains("joint_eligible")) strings_of(t["joint_eligible"], used);
    if (t.contains("contact") && t["contact"].is_string())
      used.insert(t["contact"].get<std::string>());
  }
  for (const auto& m : n.delivery_methods()) used.insert(m.date);
  for (const auto& d : n.declarations())
    if (!d.detail.empty()) used.insert(d.detail);
  return used;
}

/// Whether some rule reads the declaration (by the names of names_used).
inline bool declaration_read(const declaration_info& d, const std::set<std::string>& used) {
  const std::string scoped = d.scope == declaration_scope::history      ? "history." + d.name
                             : d.scope == declaration_scope::submission ? "submission." + d.name
                                                                        : d.name;
  return used.count(d.name) != 0 || used.count(scoped) != 0;
}

}  // namespace nxkx::detail
