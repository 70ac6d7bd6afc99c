// What changed for applicants between two notice packs (`nxkx pack diff`, docs/pack-tools.md):
// the notice's dates, delivery, copies, every threshold, project types, applicant kinds,
// declarations, code lists, the history window, rules, quotes and readings. Entries are matched
// by their stable keys (codes, names, refs, rule ids), never by position.
#pragma once

#include <string>
#include <vector>

#include "nxkx/export.hpp"
#include "nxkx/notice.hpp"

namespace nxkx {

/// How an entry of a pack changed.
enum class change_kind {
  added,    ///< only in the new pack
  removed,  ///< only in the old pack
  changed,  ///< in both, with a field that differs
};

/// One change between two packs.
struct pack_change {
  change_kind kind = change_kind::changed;
  /// The pack's section: "notice", "history", "delivery_methods", "categories",
  /// "applicant_kinds", "declarations", "contacts", "project_types", "divisions", "vocabulary",
  /// "clauses", "rules".
  std::string section;
  /// The entry's stable key in its section: a code, a declaration's name ("history.penalized"),
  /// a vocabulary key, a clause ref, a rule id; "" for the notice, the history and the divisions.
  std::string key;
  /// What of the entry changed, a path inside it ("completion_deadline", "params/min",
  /// "params/conditions[submission.paper_copies]/min"); "" for an entry added or removed whole.
  std::string field;
  std::string old_path;   ///< JSON pointer in the old pack; "" where it is not there
  std::string new_path;   ///< JSON pointer in the new pack; "" where it is not there
  std::string old_value;  ///< the old value as JSON text; "" where it is not there
  std::string new_value;  ///< the new value as JSON text; "" where it is not there
  localized subject;  ///< the entry as people name it: 规则 submission.copies「…」（三(二)）
  localized field_label;  ///< the field as people name it: 完成时限, 参数 min; empty for "" fields
  localized old_text;  ///< the old value as people read it (labels, not codes), or empty
  localized new_text;  ///< the new value as people read it, or empty

  bool operator==(const pack_change&) const = default;
};

/// The changes from one pack to another, in the order of the sections above and of the packs.
struct pack_diff {
  pack_identity old_pack;
  pack_identity new_pack;
  std::vector<pack_change> changes;
  /// No change for applicants (the packs' versions and messages may still differ).
  bool empty() const noexcept { return changes.empty(); }
  bool operator==(const pack_diff&) const = default;
};

/// What changed for applicants from `old_pack` to `new_pack`. Not compared: the pack's format
/// and version, message templates and rule titles (titles are shown as the rules' names), the
/// field-to-clause table and the notice's text file.
NXKX_EXPORT pack_diff diff(const notice& old_pack, const notice& new_pack);

/// The diff as JSON: {"old": {id, version, sha256}, "new": {…}, "changes": N, "items": [{"change":
/// "added"|"removed"|"changed", "section", "key", "field", "old_path", "new_path", "old", "new",
/// "subject": {zh, en}, "field_label": {zh, en}, "old_text": {zh, en}, "new_text": {zh, en}}]},
/// "old"/"new" of an item being the JSON value (null where absent).
NXKX_EXPORT std::string diff_json(const pack_diff& d, int indent = 2);

/// The diff as text in `l`: a heading per section, one change a line with its pointers in both
/// packs, and a last line counting the changes.
NXKX_EXPORT std::string diff_text(const pack_diff& d, lang l);

}  // namespace nxkx
