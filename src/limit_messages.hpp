// The reasons of input.limit errors, shared by the limits pre-scan (limits.cpp) and the
// application reader (json_in.cpp), which apply the same limits and must word them alike.
// Each comes in English and Chinese; the limit's name stays as it is in both (it is what a
// caller changes in input_limits).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "nxkx/error.hpp"

namespace nxkx::detail::limit_reason {

/// A reason in both languages.
struct text {
  std::string en, zh;
};

inline std::string at(std::size_t offset) { return " at byte " + std::to_string(offset); }
inline std::string at_zh(std::size_t offset) {
  return "（第 " + std::to_string(offset) + " 字节处）";
}
inline std::string n(std::size_t v) { return std::to_string(v); }

inline text depth(std::size_t max, std::size_t offset) {
  return {"arrays and objects nest deeper than max_depth (" + n(max) + ")" + at(offset),
          "数组和对象嵌套超过 max_depth（" + n(max) + "）层" + at_zh(offset)};
}

inline text string(std::size_t max, std::size_t offset, bool is_key) {
  std::string en = is_key ? "a key" : "a string";
  en += " longer than max_string_bytes (" + n(max) + ") bytes" + at(offset);
  return {std::move(en), std::string(is_key ? "键名" : "字符串") + "长度超过 max_string_bytes（" +
                             n(max) + "）字节" + at_zh(offset)};
}

inline text scalar(std::size_t max, std::size_t offset) {
  return {"a number or literal longer than max_string_bytes (" + n(max) + ") bytes" + at(offset),
          "数字或字面量长度超过 max_string_bytes（" + n(max) + "）字节" + at_zh(offset)};
}

inline text list(std::size_t max, std::size_t offset) {
  return {"a list of more than max_list_items (" + n(max) + ") items" + at(offset),
          "列表的项数超过 max_list_items（" + n(max) + "）" + at_zh(offset)};
}

inline text batch(std::size_t max) {
  return {"a batch of more than max_batch (" + n(max) + ") applications",
          "一批申报超过 max_batch（" + n(max) + "）份"};
}

inline text batch_count(std::size_t count, std::size_t max) {
  return {"a batch of " + n(count) + " applications, more than max_batch (" + n(max) + ")",
          "一批 " + n(count) + " 份申报，超过 max_batch（" + n(max) + "）份"};
}

inline text document_bytes(std::size_t size, std::size_t max) {
  return {"the application is " + n(size) + " bytes, more than max_bytes (" + n(max) + ")",
          "申报共 " + n(size) + " 字节，超过 max_bytes（" + n(max) + "）"};
}

/// One application read from a stream (its size unknown) that goes on past max_bytes.
inline text document_over(std::size_t max) {
  return {"the application is more than max_bytes (" + n(max) + ") bytes long",
          "申报超过 max_bytes（" + n(max) + "）字节"};
}

inline text batch_bytes(std::size_t size, std::size_t max) {
  return {"the batch is " + n(size) + " bytes, more than max_batch_bytes (" + n(max) + ")",
          "这批申报共 " + n(size) + " 字节，超过 max_batch_bytes（" + n(max) + "）"};
}

/// A batch read from a stream that goes on past max_batch_bytes.
inline text batch_over(std::size_t max) {
  return {"the batch is more than max_batch_bytes (" + n(max) + ") bytes long",
          "这批申报超过 max_batch_bytes（" + n(max) + "）字节"};
}

/// A file (a text, a pack) larger than the limit called `name`.
inline text file_bytes(std::size_t size, std::string_view name, std::size_t max) {
  return {"the file is " + n(size) + " bytes, more than " + std::string(name) + " (" + n(max) + ")",
          "文件共 " + n(size) + " 字节，超过 " + std::string(name) + "（" + n(max) + "）"};
}

/// A stream that goes on past the limit called `name`.
inline text file_over(std::string_view name, std::size_t max) {
  return {"the input is more than " + std::string(name) + " (" + n(max) + ") bytes long",
          "输入超过 " + std::string(name) + "（" + n(max) + "）字节"};
}

inline text element_bytes(std::size_t index, std::size_t max) {
  return {"application " + n(index) + " is more than max_bytes (" + n(max) + ") bytes long",
          "第 " + n(index) + " 份申报（从 0 起）超过 max_bytes（" + n(max) + "）字节"};
}

/// The input.limit error with this reason.
[[noreturn]] inline void raise(std::string path, text reason) {
  throw input_error("input.limit", std::move(path), std::move(reason.en), std::move(reason.zh));
}

}  // namespace nxkx::detail::limit_reason
