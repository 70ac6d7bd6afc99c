// The reasons of input.limit errors, shared by the limits pre-scan (limits.cpp) and the
// application reader (json_in.cpp), which apply the same limits and must word them alike.
#pragma once

#include <cstddef>
#include <string>

namespace nxkx::detail::limit_reason {

inline std::string at(std::size_t offset) { return " at byte " + std::to_string(offset); }

inline std::string depth(std::size_t max, std::size_t offset) {
  return "arrays and objects nest deeper than max_depth (" + std::to_string(max) + ")" + at(offset);
}

inline std::string string(std::size_t max, std::size_t offset, bool is_key) {
  std::string out = is_key ? "a key" : "a string";
  out += " longer than max_string_bytes (";
  out += std::to_string(max);
  out += ") bytes";
  return out + at(offset);
}

inline std::string scalar(std::size_t max, std::size_t offset) {
  return "a number or literal longer than max_string_bytes (" + std::to_string(max) + ") bytes" +
         at(offset);
}

inline std::string list(std::size_t max, std::size_t offset) {
  return "a list of more than max_list_items (" + std::to_string(max) + ") items" + at(offset);
}

inline std::string batch(std::size_t max) {
  return "a batch of more than max_batch (" + std::to_string(max) + ") applications";
}

inline std::string document_bytes(std::size_t size, std::size_t max) {
  return "the application is " + std::to_string(size) + " bytes, more than max_bytes (" +
         std::to_string(max) + ")";
}

inline std::string element_bytes(std::size_t index, std::size_t max) {
  return "application " + std::to_string(index) + " is more than max_bytes (" +
         std::to_string(max) + ") bytes long";
}

}  // namespace nxkx::detail::limit_reason
