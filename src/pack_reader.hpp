// Internal: reading a notice pack with errors that name the place in the pack.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "nxkx/date.hpp"
#include "nxkx/error.hpp"
#include "nxkx/notice.hpp"

namespace nxkx::detail {

using json = nlohmann::ordered_json;  // the pack's own order: of its codes, its clauses

struct notice_data;

/// An array of applicant kind codes of the pack (its applicant_kinds); throws pack_error.
std::vector<std::string> kinds_list(const json& arr, const std::string& path, const notice_data& d);
/// The same for codes already read (a kind's params): each is checked; returns them.
std::vector<std::string> check_kinds(std::vector<std::string> codes, const std::string& path,
                                     const notice_data& d);

/// The shared facts a `facts` condition may test (submission.paper_copies …; facts.cpp).
std::vector<std::string_view> shared_fact_names();

[[noreturn]] inline void pack_fail(const std::string& path, const std::string& reason,
                                   const char* code = "pack.invalid") {
  throw pack_error(code, path, reason);
}

inline std::string child(const std::string& path, std::string_view key) {
  std::string out = path;
  append_pointer_token(out, key);
  return out;
}

inline std::string child(const std::string& path, std::size_t index) {
  return path + '/' + std::to_string(index);
}

inline const json& member(const json& obj, std::string_view key, const std::string& path) {
  if (!obj.is_object()) pack_fail(path, "expected an object");
  auto it = obj.find(key);
  if (it == obj.end()) pack_fail(child(path, key), "required field is missing", "pack.missing");
  return *it;
}

inline const json* optional_member(const json& obj, std::string_view key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  return it == obj.end() || it->is_null() ? nullptr : &*it;
}

inline std::string text(const json& v, const std::string& path) {
  if (!v.is_string()) pack_fail(path, std::string("expected a string, found ") + v.type_name());
  return v.get<std::string>();
}

inline std::string text_at(const json& obj, std::string_view key, const std::string& path) {
  return text(member(obj, key, path), child(path, key));
}

inline std::string text_or(const json& obj, std::string_view key, const std::string& path,
                           std::string fallback = {}) {
  const json* v = optional_member(obj, key);
  return v ? text(*v, child(path, key)) : fallback;
}

inline localized localized_at(const json& obj, std::string_view key, const std::string& path) {
  const json& v = member(obj, key, path);
  std::string p = child(path, key);
  return localized{text_at(v, "zh", p), text_at(v, "en", p)};
}

inline date date_at(const json& obj, std::string_view key, const std::string& path) {
  std::string p = child(path, key);
  std::string s = text(member(obj, key, path), p);
  const auto d = parse_date(s);
  if (!d) pack_fail(p, d.why);
  return *d;
}

inline const json& array_at(const json& obj, std::string_view key, const std::string& path) {
  const json& v = member(obj, key, path);
  if (!v.is_array())
    pack_fail(child(path, key), std::string("expected an array, found ") + v.type_name());
  return v;
}

template <class E>
E code_at(const json& v, const std::string& path, std::string_view what) {
  std::string s = text(v, path);
  auto e = from_code<E>(s);
  if (!e) pack_fail(path, "unknown " + std::string(what) + " \"" + s + "\"", "pack.unknown_code");
  return *e;
}

/// The enumerator of obj[key] by its code (codes.hpp); an unknown code fails naming the key and
/// listing the codes: `unknown scope "x"; expected one of organisation, joint_applicant, …`.
template <class E>
E code_choice(const json& obj, std::string_view key, const std::string& path) {
  const std::string s = text_at(obj, key, path);
  if (const std::optional<E> e = from_code<E>(s)) return *e;
  pack_fail(child(path, key),
            "unknown " + std::string(key) + " \"" + s + "\"; expected one of " + code_list<E>(", "),
            "pack.unknown_code");
}

}  // namespace nxkx::detail
