// Internal: what a loaded notice pack holds.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "nxkx/notice.hpp"

namespace nxkx::detail {

class requirement;

/// Message templates of a rule, with {placeholders}.
struct rule_messages {
  localized failed;
  localized expected;
  localized unknown;  ///< when the input leaves the fact out; falls back to `failed`
  /// Further templates a kind names for particular cases (violation::message), e.g. "late".
  std::vector<std::pair<std::string, localized>> named;

  /// The template called `name`, or nullptr.
  const localized* find(std::string_view name) const noexcept {
    for (const auto& [k, v] : named)
      if (k == name) return &v;
    return nullptr;
  }
};

/// A rule ready to evaluate: the public description, its templates and its implementation.
struct compiled_rule {
  const rule_info* info = nullptr;
  rule_messages messages;
  std::unique_ptr<requirement> impl;
  /// info->project_types as flags by the index of the type in notice_data::project_types, and
  /// info->applicant_kinds as bits by the enumerator: what applies() tests, without strings.
  std::vector<bool> for_type;
  std::uint32_t for_kinds = ~std::uint32_t{0};
  /// The clauses a finding cites for each project type (by index in notice_data::project_types):
  /// info->clauses without those cited for other types only.
  std::vector<std::vector<clause_ref>> clauses_for_type;

  /// Whether the rule applies to an application of the `type_index`-th project type whose
  /// lead applicant is of kind `k`.
  bool applies(std::size_t type_index, applicant_kind k) const noexcept {
    return type_index < for_type.size() && for_type[type_index] &&
           (for_kinds >> static_cast<unsigned>(k) & 1u) != 0;
  }
};

struct string_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

struct notice_data {
  std::string source;
  notice_info info;
  std::vector<category_info> categories;
  std::vector<applicant_kind_info> applicant_kinds;
  std::vector<project_type_info> project_types;
  std::vector<contact> contacts;
  std::vector<rule_info> rules;
  std::vector<compiled_rule> compiled;  ///< parallel to `rules`
  division_table divisions;
  std::unordered_map<std::string, localized, string_hash, std::equal_to<>> vocabulary;

  notice_data();
  ~notice_data();
  notice_data(const notice_data&) = delete;
  notice_data& operator=(const notice_data&) = delete;

  /// The label of a vocabulary code, or nullptr.
  const localized* label(std::string_view code) const noexcept {
    auto it = vocabulary.find(code);
    return it == vocabulary.end() ? nullptr : &it->second;
  }
  /// The label of `ns.code`, or a localized text holding the bare code.
  localized label_or_code(std::string_view ns, std::string_view code) const;
};

}  // namespace nxkx::detail
