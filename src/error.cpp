#include "nxkx/error.hpp"

#include <string>
#include <utility>

#include "nxkx/notice.hpp"  // lang

namespace nxkx {
namespace {

// nlohmann-style "[id] where: what", so a log line alone says what broke and where.
std::string describe(const std::string& code, const std::string& path, const std::string& reason) {
  std::string text;
  text.reserve(code.size() + path.size() + reason.size() + 5);
  text += '[';
  text += code;
  text += "] ";
  if (!path.empty()) {
    text += path;
    text += ": ";
  }
  text += reason;
  return text;
}

}  // namespace

void append_pointer_token(std::string& path, std::string_view key) {
  path.reserve(path.size() + key.size() + 1);
  path += '/';
  for (char c : key) {
    if (c == '~')
      path += "~0";
    else if (c == '/')
      path += "~1";
    else
      path += c;
  }
}

error::error(std::string code, std::string path, std::string reason)
    : std::runtime_error(describe(code, path, reason)),
      code_(std::move(code)),
      path_(std::move(path)),
      reason_(std::move(reason)) {
  reason_zh_ = reason_;
}

error::error(std::string code, std::string path, std::string reason, std::string reason_zh)
    : std::runtime_error(describe(code, path, reason)),
      code_(std::move(code)),
      path_(std::move(path)),
      reason_(std::move(reason)),
      reason_zh_(reason_zh.empty() ? reason_ : std::move(reason_zh)) {}

const std::string& error::reason(lang l) const noexcept {
  return l == lang::zh ? reason_zh_ : reason_;
}

}  // namespace nxkx
