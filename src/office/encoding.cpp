// Text in the encodings Chinese Windows saves, as UTF-8 (office.hpp), with glibc's iconv.
#include <errno.h>
#include <iconv.h>

#include <stdexcept>
#include <string>
#include <string_view>

#include "nxkx/error.hpp"
#include "nxkx/office.hpp"
#include "nxkx/text.hpp"

namespace nxkx {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

/// iconv's name of an encoding `--encoding` names; "" for UTF-8, nullptr for an unknown one.
const char* iconv_name(std::string_view encoding, std::string_view bytes) {
  const std::string e = lower(encoding);
  if (e == "utf-8" || e == "utf8") return "";
  if (e == "gb18030" || e == "gbk" || e == "gb2312" || e == "cp936") return "GB18030";
  if (e == "utf-16le") return "UTF-16LE";
  if (e == "utf-16be") return "UTF-16BE";
  if (e == "utf-16") {
    // A byte-order mark decides; without one, little endian (what Windows writes).
    if (bytes.starts_with("\xFE\xFF")) return "UTF-16BE";
    return "UTF-16LE";
  }
  if (e == "auto") {
    const std::string_view guess = guess_encoding(bytes);
    if (guess == "GB18030") return "GB18030";
    if (guess == "UTF-16LE") return "UTF-16LE";
    if (guess == "UTF-16BE") return "UTF-16BE";
    return "";
  }
  return nullptr;
}

std::string_view without_bom(std::string_view s) {
  return s.starts_with("\xEF\xBB\xBF") ? s.substr(3) : s;
}

}  // namespace

bool known_encoding(std::string_view encoding) noexcept {
  return iconv_name(encoding, {}) != nullptr;
}

std::string to_utf8(std::string_view bytes, std::string_view encoding) {
  const char* from = iconv_name(encoding, bytes);
  if (from == nullptr)
    throw std::invalid_argument("nxkx: unknown encoding \"" + std::string(encoding) + "\"");
  if (*from == '\0') return std::string(bytes);  // UTF-8 already; the readers judge it
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1))
    throw std::runtime_error(std::string("nxkx: iconv cannot convert from ") + from);
  struct closer {
    iconv_t cd;
    ~closer() { iconv_close(cd); }
  } close{cd};
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());  // iconv's signature; it does not write there
  std::size_t in_left = bytes.size();
  std::size_t done = 0;
  for (;;) {
    char* to = out.data() + done;
    std::size_t out_left = out.size() - done;
    const std::size_t r = iconv(cd, in_left > 0 ? &in : nullptr, &in_left, &to, &out_left);
    done = out.size() - out_left;
    if (r != static_cast<std::size_t>(-1)) {
      if (in_left == 0) break;
      continue;
    }
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    // EILSEQ: an invalid sequence; EINVAL: a sequence cut off at the end.
    const std::size_t at = bytes.size() - in_left;
    const std::string name = from;
    throw input_error(
        "input.encoding", "",
        (errno == EINVAL ? "the text ends inside a character of " + name
                         : "the text is not valid " + name + " at byte " + std::to_string(at)) +
            " (given --encoding " + std::string(encoding) + ")",
        (errno == EINVAL ? "文本在 " + name + " 字符的中间结束"
                         : "第 " + std::to_string(at) + " 字节处不是有效的 " + name + " 编码") +
            "（所给编码 " + std::string(encoding) + "）");
  }
  out.resize(done);
  return std::string(without_bom(out));
}

}  // namespace nxkx
