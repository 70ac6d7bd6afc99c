// Internal: what a loaded notice pack holds.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "application_fields.hpp"
#include "nxkx/notice.hpp"
#include "nxkx/report.hpp"

namespace nxkx::detail {

class requirement;

/// Message templates of a rule, with {placeholders}: what its findings' contexts share
/// (finding_context::texts), and the names of the kind's own templates.
struct rule_messages {
  /// expected; messages [0] failed, [1] unknown (the pack's, else failed), then `named`'s.
  std::shared_ptr<const message_templates> texts;
  /// The names of the templates a kind names for particular cases (violation::message), e.g.
  /// "late", in the order of texts->messages from [2] on.
  std::vector<std::string> named;

  /// The index in texts->messages of the template `name` (violation::message; "": failed, or
  /// unknown when `unknown`).
  std::uint32_t index_of(std::string_view name, bool unknown) const noexcept {
    for (std::size_t i = 0; i < named.size(); ++i)
      if (!name.empty() && named[i] == name) return static_cast<std::uint32_t>(i + 2);
    return unknown ? 1 : 0;
  }
};

/// A rule ready to evaluate: the public description, its templates and its implementation.
struct compiled_rule {
  const rule_info* info = nullptr;
  rule_messages messages;
  std::unique_ptr<requirement> impl;
  /// info->project_types as flags by the index of the type in notice_data::project_types, and
  /// info->applicant_kinds as bits by the kind's index in notice_data::applicant_kinds: what
  /// applies() tests, without strings.
  std::vector<bool> for_type;
  std::uint32_t for_kinds = ~std::uint32_t{0};
  /// What a finding shares for each project type (by index in notice_data::project_types): the
  /// clauses it cites (info->clauses without those cited for other types only), the reading
  /// and the type's contact. Findings point to these instead of copying them.
  std::vector<std::shared_ptr<const finding_context>> context_for_type;
  /// The same for an application of no project type of the pack: every clause, no contact.
  std::shared_ptr<const finding_context> context_any;

  /// The context of a finding for the `type_index`-th project type (npos: none of the pack's).
  const std::shared_ptr<const finding_context>& context(std::size_t type_index) const noexcept {
    return type_index < context_for_type.size() ? context_for_type[type_index] : context_any;
  }

  /// Whether the rule applies to an application of the `type_index`-th project type whose
  /// lead applicant is of the `kind_index`-th kind (npos: a kind the pack does not have).
  bool applies(std::size_t type_index, std::size_t kind_index) const noexcept {
    if (type_index >= for_type.size() || !for_type[type_index]) return false;
    if (for_kinds == ~std::uint32_t{0}) return true;
    return kind_index < 32 && (for_kinds >> kind_index & 1u) != 0;
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
  std::vector<declaration_info> declarations;
  std::vector<delivery_method_info> delivery_methods;
  /// The clause table: ref → quote, in the pack's order.
  std::vector<std::pair<std::string, std::string>> clauses;
  pack_identity identity;
  /// The clause each shared field of the format serves in this notice (/field_clauses):
  /// "object/field" → clause ref, e.g. "submission/paper_copies" → "三(二)".
  std::vector<std::pair<std::string, std::string>> field_clauses;
  /// The application format of this notice: the shared table with the declarations merged in.
  format::notice_format format;
  std::vector<rule_info> rules;
  std::vector<compiled_rule> compiled;  ///< parallel to `rules`
  division_table divisions;
  std::unordered_map<std::string, localized, string_hash, std::equal_to<>> vocabulary;
  /// The keys of `vocabulary` in the pack's order (a section's codes in that section's order).
  std::vector<std::string> vocabulary_order;

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
  /// The codes of the vocabulary namespace `ns` (without "ns."), in the pack's order.
  std::vector<std::string_view> codes(std::string_view ns) const {
    std::vector<std::string_view> out;
    for (const std::string& key : vocabulary_order)
      if (key.size() > ns.size() && key.compare(0, ns.size(), ns) == 0 && key[ns.size()] == '.')
        out.push_back(std::string_view(key).substr(ns.size() + 1));
    return out;
  }
  /// The index of an applicant kind in `applicant_kinds`, or npos.
  std::size_t kind_index(std::string_view code) const noexcept {
    for (std::size_t i = 0; i < applicant_kinds.size(); ++i)
      if (applicant_kinds[i].code == code) return i;
    return static_cast<std::size_t>(-1);
  }
  /// The index of the declaration `name` of `scope`, or npos.
  std::size_t declaration(std::string_view name, declaration_scope scope) const noexcept {
    for (std::size_t i = 0; i < declarations.size(); ++i)
      if (declarations[i].scope == scope && declarations[i].name == name) return i;
    return static_cast<std::size_t>(-1);
  }
  /// The quote of a clause of the clause table, or nullptr.
  const std::string* quote(std::string_view ref) const noexcept {
    for (const auto& [r, q] : clauses)
      if (r == ref) return &q;
    return nullptr;
  }
};

/// The library's way into a notice's data, which the public header keeps opaque.
struct notice_access {
  static const notice_data& data(const notice& n) noexcept { return *n.data_; }
  static notice make(std::shared_ptr<const notice_data> d) { return notice(std::move(d)); }
};

/// What a loaded notice holds.
inline const notice_data& data_of(const notice& n) noexcept { return notice_access::data(n); }

/// Loads a pack (notice::from_json, notice::builtin). `sha256`: the text's digest when it is
/// known (the built-in pack's, computed when the library was built), else empty and computed
/// here.
std::shared_ptr<const notice_data> load_pack(std::string_view text, std::string_view sha256 = {});

/// The built-in pack's text and the sha256 of it, computed at build time (cmake/embed.cmake).
extern const std::string_view builtin_pack_2025;
extern const std::string_view builtin_pack_2025_sha256;

}  // namespace nxkx::detail
