// Internal: a kind's params as one typed struct, described once (docs/pack-format.md §7).
//
// Each kind declares a struct with a member per param (its type; its default is the member's
// initializer) and one table of `param<P>` naming each member with its doc line. read_params()
// fills the struct from a rule's `params` with errors that name the place, and describe()
// gives the table to the tests that hold the schema (data/pack.schema.json) and the docs to
// the same list (tests/unit/params_test.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "pack_reader.hpp"

namespace nxkx::detail {

/// One param as the docs and the schema test see it.
struct param_info {
  std::string_view name;
  std::string type;  ///< "string", "integer ≥ 1", "boolean", "number", "array of strings", …
  bool required = false;  ///< absent → pack.missing
  std::string fallback;   ///< the default as the docs write it ("`lead`", "`false`"); "—": none
  std::string_view doc;   ///< one line
};

/// One member of a kind's params struct P.
template <class P>
struct param {
  using member =
      std::variant<std::string P::*, std::optional<std::string> P::*, std::int64_t P::*,
                   std::optional<std::int64_t> P::*, bool P::*, std::optional<double> P::*,
                   std::optional<std::vector<std::string>> P::*, const json * P::*>;
  std::string_view name;
  member at;
  std::string_view doc;
  bool required = false;
  std::int64_t lowest = 0;   ///< integers: the least value
  std::string_view shape{};  ///< const json*: what it holds, as the docs say ("object")
};

namespace params_detail {

inline std::int64_t integer(const json& v, const std::string& path, std::int64_t lowest) {
  if (!v.is_number_integer() || v.get<std::int64_t>() < lowest)
    pack_fail(path, "expected an integer of at least " + std::to_string(lowest));
  return v.get<std::int64_t>();
}

inline bool boolean(const json& v, const std::string& path) {
  if (!v.is_boolean()) pack_fail(path, "expected true or false");
  return v.get<bool>();
}

inline double number(const json& v, const std::string& path) {
  if (!v.is_number()) pack_fail(path, "expected a number");
  return v.get<double>();
}

inline std::vector<std::string> strings(const json& v, const std::string& path) {
  if (!v.is_array()) pack_fail(path, std::string("expected an array, found ") + v.type_name());
  std::vector<std::string> out;
  out.reserve(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) out.push_back(text(v[i], child(path, i)));
  return out;
}

inline std::string quoted(std::string_view s) { return "`\"" + std::string(s) + "\"`"; }

}  // namespace params_detail

/// The params of one rule (or of one object inside them) read into P: an unknown member is
/// pack.unknown_field at its pointer, a missing required one pack.missing, a value of the
/// wrong type pack.invalid naming the type expected. null is the same as absent.
template <class P>
P read_params(const json& params, const std::string& path, std::span<const param<P>> desc) {
  if (!params.is_object()) pack_fail(path, "expected an object");
  for (const auto& [key, value] : params.items()) {
    bool known = false;
    for (const param<P>& d : desc) known = known || d.name == key;
    if (!known) pack_fail(child(path, key), "unknown field \"" + key + "\"", "pack.unknown_field");
  }
  P out{};
  for (const param<P>& d : desc) {
    const json* v = optional_member(params, d.name);
    const std::string p = child(path, d.name);
    if (!v) {
      if (d.required) pack_fail(p, "required field is missing", "pack.missing");
      continue;
    }
    std::visit(
        [&](auto m) {
          using T = std::remove_cvref_t<decltype(out.*m)>;
          if constexpr (std::is_same_v<T, std::string> ||
                        std::is_same_v<T, std::optional<std::string>>)
            out.*m = text(*v, p);
          else if constexpr (std::is_same_v<T, std::int64_t> ||
                             std::is_same_v<T, std::optional<std::int64_t>>)
            out.*m = params_detail::integer(*v, p, d.lowest);
          else if constexpr (std::is_same_v<T, bool>)
            out.*m = params_detail::boolean(*v, p);
          else if constexpr (std::is_same_v<T, std::optional<double>>)
            out.*m = params_detail::number(*v, p);
          else if constexpr (std::is_same_v<T, std::optional<std::vector<std::string>>>)
            out.*m = params_detail::strings(*v, p);
          else
            out.*m = v;
        },
        d.at);
  }
  return out;
}

/// The table as the docs show it; the defaults are those of a default-constructed P.
template <class P>
std::vector<param_info> describe(std::span<const param<P>> desc) {
  const P fresh{};
  std::vector<param_info> out;
  for (const param<P>& d : desc) {
    param_info i{d.name, {}, d.required, "—", d.doc};
    std::visit(
        [&](auto m) {
          using T = std::remove_cvref_t<decltype(fresh.*m)>;
          if constexpr (std::is_same_v<T, std::string>) {
            i.type = "string";
            if (!(fresh.*m).empty()) i.fallback = params_detail::quoted(fresh.*m);
          } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
            i.type = "string";
          } else if constexpr (std::is_same_v<T, std::int64_t> ||
                               std::is_same_v<T, std::optional<std::int64_t>>) {
            i.type = "integer ≥ " + std::to_string(d.lowest);
            if constexpr (std::is_same_v<T, std::int64_t>)
              i.fallback = "`" + std::to_string(fresh.*m) + "`";
          } else if constexpr (std::is_same_v<T, bool>) {
            i.type = "boolean";
            i.fallback = fresh.*m ? "`true`" : "`false`";
          } else if constexpr (std::is_same_v<T, std::optional<double>>) {
            i.type = "number";
          } else if constexpr (std::is_same_v<T, std::optional<std::vector<std::string>>>) {
            i.type = "array of strings";
          } else {
            i.type = std::string(d.shape);
          }
        },
        d.at);
    if (d.required) i.fallback = "required";
    out.push_back(std::move(i));
  }
  return out;
}

/// The doc lines of the params every scoped kind shares (entity_scope::make).
inline constexpr std::string_view subject_doc =
    "whose: `lead`, `joint_applicants` or `all` (lead and joint applicants)";
inline constexpr std::string_view entity_kinds_doc =
    "only organisations of these applicant kinds (absent: every kind)";

/// The params of a kind, or nullptr for an unknown kind (registry.cpp).
const std::vector<param_info>* kind_params(std::string_view kind);
/// Every kind's name, in the registry's order.
std::vector<std::string_view> kind_list();

}  // namespace nxkx::detail
