// Errors: only broken input (an application or a notice pack that cannot be read) throws.
// A rejected application is not an error; it is a report (see report.hpp).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "nxkx/export.hpp"

namespace nxkx {

enum class lang;  // notice.hpp: zh, en

/// Base of every exception nxkx throws.
class NXKX_EXPORT error : public std::runtime_error {
 public:
  /// `code` is stable and machine-readable (e.g. "input.type"); `path` is a JSON pointer
  /// into the document that was read ("" for the whole document); `reason` is the English text,
  /// `reason_zh` the same in Chinese. Without it the Chinese reason is the English one.
  error(std::string code, std::string path, std::string reason);
  error(std::string code, std::string path, std::string reason, std::string reason_zh);

  const std::string& code() const noexcept { return code_; }
  const std::string& path() const noexcept { return path_; }
  /// What is wrong, in English (what() is "[code] path: reason").
  const std::string& reason() const noexcept { return reason_; }
  /// What is wrong, in Chinese (every input error of the reader has one).
  const std::string& reason_zh() const noexcept { return reason_zh_; }
  /// The reason in a language.
  const std::string& reason(lang l) const noexcept;

 private:
  std::string code_, path_, reason_, reason_zh_;
};

/// An application (or any input document) could not be read: malformed JSON, a wrong type,
/// an impossible date, an unknown code, an unknown field, invalid UTF-8, a limit crossed.
class NXKX_EXPORT input_error : public error {
 public:
  using error::error;
};

/// A notice pack could not be loaded: the path names the place in the pack.
class NXKX_EXPORT pack_error : public error {
 public:
  using error::error;
};

/// Appends '/' and `key` as an RFC 6901 reference token ('~' as "~0", '/' as "~1") to the JSON
/// pointer `path`: how every error path of nxkx names a member.
NXKX_EXPORT void append_pointer_token(std::string& path, std::string_view key);

}  // namespace nxkx
