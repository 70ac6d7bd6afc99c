// Reading with a cap (read.hpp). A regular file's size is known before it is read: one larger
// than its limit is refused at once, and one within it is read into a string reserved to its
// size. A stream is read in blocks of 1 MiB, never more than the limit (plus one block), and
// the blocks are joined at the end, each freed as soon as it is copied: the peak is the text
// and one block, not the twice the text a growing string costs.
#include "nxkx/read.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "limit_messages.hpp"
#include "nxkx/error.hpp"

namespace nxkx {
namespace {

namespace fs = std::filesystem;
namespace reason = detail::limit_reason;

constexpr std::size_t block_size = std::size_t{1} << 20;

/// The system's reason for errno `err`, in Chinese for the ones people meet.
std::string system_reason_zh(int err) {
  switch (err) {
    case EACCES:
    case EPERM:
      return "没有读取权限";
    case EIO:
      return "读取时发生输入/输出错误";
    default:
      return err != 0 ? std::strerror(err) : "未知错误";
  }
}

[[noreturn]] void missing() {
  throw input_error("input.not_found", "", "no such file or directory", "没有这个文件或文件夹");
}

[[noreturn]] void unreadable(int err, bool opening) {
  const std::string why = err != 0 ? std::strerror(err) : "unknown error";
  throw input_error("input.unreadable", "",
                    std::string(opening ? "cannot open it: " : "cannot read it: ") + why,
                    std::string(opening ? "无法打开：" : "无法读取：") + system_reason_zh(err));
}

[[noreturn]] void directory() {
  throw input_error("input.directory", "", "is a directory, not a file",
                    "这是一个文件夹，不是文件");
}

[[noreturn]] void not_regular(std::string_view what_en, std::string_view what_zh) {
  throw input_error("input.not_regular", "", "is not a regular file (" + std::string(what_en) + ")",
                    "不是普通文件（" + std::string(what_zh) + "）");
}

/// What a caller reads: any bytes up to a limit, or a document of applications whose limit
/// depends on its first character.
class cap {
 public:
  explicit cap(byte_limit l) : plain_(l) {}
  explicit cap(const input_limits& l) : apps_(&l) {}

  /// Looks at bytes [offset, offset + b.size()) of the document, until its first character
  /// (after a byte order mark and white space) is known.
  void see(std::string_view b, std::size_t offset) {
    if (apps_ == nullptr || kind_ != kind::unknown) return;
    std::size_t i = 0;
    if (offset == 0 && b.starts_with("\xEF\xBB\xBF")) i = 3;
    for (; i < b.size(); ++i) {
      const char c = b[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
      kind_ = c == '[' ? kind::batch : kind::one;
      return;
    }
  }

  /// True once the limit is known: always for plain bytes, after the first character for a
  /// document of applications.
  bool known() const noexcept { return apps_ == nullptr || kind_ != kind::unknown; }

  /// The most bytes allowed, as far as it is known.
  std::size_t max() const noexcept {
    if (apps_ == nullptr) return plain_.max_bytes;
    return kind_ == kind::batch ? apps_->max_batch_bytes : apps_->max_bytes;
  }

  /// The error for `size` bytes (known) or for more than max() (size unknown: nullopt).
  [[noreturn]] void refuse(std::optional<std::size_t> size) const {
    const std::size_t m = max();
    if (apps_ == nullptr)
      reason::raise(
          "", size ? reason::file_bytes(*size, plain_.name, m) : reason::file_over(plain_.name, m));
    if (kind_ == kind::batch)
      reason::raise("", size ? reason::batch_bytes(*size, m) : reason::batch_over(m));
    reason::raise("", size ? reason::document_bytes(*size, m) : reason::document_over(m));
  }

 private:
  enum class kind { unknown, one, batch };
  byte_limit plain_;
  const input_limits* apps_ = nullptr;
  kind kind_ = kind::unknown;
};

struct file_closer {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};
using file_ptr = std::unique_ptr<std::FILE, file_closer>;

/// Reads `f` to its end (a stream: size unknown) in blocks.
std::string read_blocks(std::FILE* f, cap& c) {
  std::vector<std::string> blocks;
  std::size_t total = 0;
  for (;;) {
    std::string block(block_size, '\0');
    const std::size_t got = std::fread(block.data(), 1, block.size(), f);
    if (got == 0) {
      if (std::ferror(f)) unreadable(errno, false);
      break;
    }
    block.resize(got);
    c.see(block, total);
    total += got;
    if (total > c.max()) c.refuse(std::nullopt);
    blocks.push_back(std::move(block));
    if (got < block_size && std::feof(f)) break;
  }
  if (blocks.size() == 1) return std::move(blocks.front());
  std::string out;
  out.reserve(total);
  for (std::string& b : blocks) {
    out += b;
    std::string().swap(b);  // freed now, not at the end
  }
  return out;
}

/// Reads a regular file of `size` bytes (as it was when it was opened): refused by its size as
/// soon as its first character tells its limit, else read into a string reserved to its size.
std::string read_sized(std::FILE* f, std::size_t size, cap& c) {
  std::string out;
  out.reserve(std::min(size, c.max()) + 1);
  bool judged = false;  // its size has been held against its limit
  for (;;) {
    if (!judged && c.known()) {
      judged = true;
      if (size > c.max()) c.refuse(size);
      out.reserve(size + 1);
    }
    const std::size_t total = out.size();
    // Up to its size and one byte more (to see that it ends), within the limit and one more.
    const std::size_t want = std::min(judged && total <= size ? size : c.max(), c.max()) + 1;
    const std::size_t room = std::min(block_size, want > total ? want - total : 1);
    out.resize(total + room);
    const std::size_t got = std::fread(out.data() + total, 1, room, f);
    out.resize(total + got);
    c.see(std::string_view(out).substr(total), total);
    if (out.size() > c.max()) {
      if (judged) c.refuse(std::nullopt);  // it grew past its limit while being read
      c.refuse(size);
    }
    if (got < room) {
      if (std::ferror(f)) unreadable(errno, false);
      return out;
    }
  }
}

/// `file` opened for reading after its type is checked; its status in `st`.
file_ptr open_path(const fs::path& file, fs::file_status& st) {
  std::error_code ec;
  st = fs::status(file, ec);
  if (ec) {
    if (ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory) missing();
    unreadable(ec.value(), true);
  }
  switch (st.type()) {
    case fs::file_type::not_found:
      missing();
    case fs::file_type::directory:
      directory();
    case fs::file_type::regular:
    case fs::file_type::fifo:
    case fs::file_type::character:
      break;
    case fs::file_type::block:
      not_regular("a block device", "块设备");
    case fs::file_type::socket:
      not_regular("a socket", "套接字");
    default:
      not_regular("of an unknown type", "类型未知");
  }
  errno = 0;
#ifdef _WIN32
  file_ptr f(::_wfopen(file.c_str(), L"rb"));
#else
  file_ptr f(std::fopen(file.c_str(), "rb"));
#endif
  if (!f) {
    const int err = errno;
    if (err == ENOENT) missing();
    if (err == EISDIR) directory();
    unreadable(err, true);
  }
  return f;
}

std::string read_path(const fs::path& file, cap& c) {
  fs::file_status st;
  file_ptr f = open_path(file, st);
  if (st.type() != fs::file_type::regular) return read_blocks(f.get(), c);
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(file, ec);
  if (ec) return read_blocks(f.get(), c);
  return read_sized(f.get(), static_cast<std::size_t>(size), c);
}

}  // namespace

std::FILE* open_file(const fs::path& file) {
  fs::file_status st;
  return open_path(file, st).release();
}

std::string read_file(const fs::path& file, byte_limit limit) {
  cap c(limit);
  return read_path(file, c);
}

std::string read_stream(std::FILE* stream, byte_limit limit) {
  cap c(limit);
  return read_blocks(stream, c);
}

std::string read_applications_file(const fs::path& file, const input_limits& limits) {
  cap c(limits);
  return read_path(file, c);
}

std::string read_applications_stream(std::FILE* stream, const input_limits& limits) {
  cap c(limits);
  return read_blocks(stream, c);
}

}  // namespace nxkx
