// nxkx check --jsonl: applications streamed one per line (JSON lines), checked as one batch by a
// batch_checker, one report written per line as soon as it is checked.
//
// Memory stays flat whatever the length of the stream: lines are read through a fixed buffer
// (a line longer than max_bytes is skipped, not stored), reports are written and dropped, and
// only the batch_checker's keys for duplicate detection grow. Reading and parsing run on a
// thread of their own, ahead of checking and writing, in chunks of lines through a short queue.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "cli.hpp"
#include "nxkx/limits.hpp"

namespace nxkx::cli {
namespace {

using clock_type = std::chrono::steady_clock;

constexpr std::size_t lines_per_chunk = 256;
constexpr std::size_t chunks_ahead = 8;

/// One non-blank line of the input: an application, or why it could not be read.
struct parsed_line {
  std::size_t line = 0;  ///< 1-based; 0 when the file itself could not be read
  std::optional<application> app;
  std::optional<input_error> error;
};

struct chunk {
  std::string file;  ///< as shown in messages
  std::vector<parsed_line> items;
  std::uint64_t bytes_read = 0;  ///< of all files so far, for the progress line
};

/// Lines of a file through a fixed buffer. A line longer than `max_line` bytes is reported as
/// too long and skipped without being kept.
class line_reader {
 public:
  line_reader(std::FILE* f, std::size_t max_line) : f_(f), max_line_(max_line) {
    buf_.resize(std::size_t{1} << 20);
  }

  /// The next line (without its '\n' or '\r\n') in `line`; false at the end of the file.
  bool next(std::string_view& line, bool& too_long) {
    too_long = false;
    bool skipping = false;
    for (;;) {
      const char* start = buf_.data() + begin_;
      if (const void* nl = std::memchr(start, '\n', end_ - begin_)) {
        const auto len = static_cast<std::size_t>(static_cast<const char*>(nl) - start);
        begin_ += len + 1;
        if (skipping) {
          too_long = true;
          line = {};
          return true;
        }
        line = trim_cr({start, len});
        if (line.size() > max_line_) {
          too_long = true;
          line = {};
        }
        return true;
      }
      if (eof_) {
        if (begin_ == end_ && !skipping) return false;
        const std::size_t len = end_ - begin_;
        line = skipping ? std::string_view{} : trim_cr({start, len});
        too_long = skipping || line.size() > max_line_;
        if (too_long) line = {};
        begin_ = end_;
        return true;
      }
      if (end_ - begin_ > max_line_ + 1) {  // too long already: drop what is buffered
        skipping = true;
        begin_ = end_ = 0;
      }
      fill();
    }
  }

  std::uint64_t bytes_read() const noexcept { return total_; }
  bool failed() const noexcept { return std::ferror(f_) != 0; }

 private:
  static std::string_view trim_cr(std::string_view s) {
    return !s.empty() && s.back() == '\r' ? s.substr(0, s.size() - 1) : s;
  }

  void fill() {
    if (begin_ > 0) {  // keep the partial line at the front
      std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
      end_ -= begin_;
      begin_ = 0;
    }
    if (end_ == buf_.size()) buf_.resize(std::min(buf_.size() * 2, max_line_ + 2));
    const std::size_t got = std::fread(buf_.data() + end_, 1, buf_.size() - end_, f_);
    end_ += got;
    total_ += got;
    if (got == 0) eof_ = true;
  }

  std::FILE* f_;
  std::size_t max_line_;
  std::vector<char> buf_;
  std::size_t begin_ = 0, end_ = 0;
  std::uint64_t total_ = 0;
  bool eof_ = false;
};

/// Chunks from the reading thread to the checking one, in order, at most `chunks_ahead` queued.
class chunk_queue {
 public:
  void push(chunk c) {
    std::unique_lock lock(m_);
    room_.wait(lock, [&] { return q_.size() < chunks_ahead || stopped_; });
    if (stopped_) return;
    q_.push_back(std::move(c));
    ready_.notify_one();
  }
  /// The next chunk, or nullopt once the reader has finished and everything is taken.
  std::optional<chunk> pop() {
    std::unique_lock lock(m_);
    ready_.wait(lock, [&] { return !q_.empty() || done_; });
    if (q_.empty()) return std::nullopt;
    chunk c = std::move(q_.front());
    q_.pop_front();
    room_.notify_one();
    return c;
  }
  void finish(std::exception_ptr e = nullptr) {
    std::lock_guard lock(m_);
    done_ = true;
    error_ = std::move(e);
    ready_.notify_all();
  }
  /// The checking side gives up (e.g. an exception): the reader stops at its next push.
  void stop() {
    std::lock_guard lock(m_);
    stopped_ = true;
    room_.notify_all();
  }
  bool stopped() {
    std::lock_guard lock(m_);
    return stopped_;
  }
  std::exception_ptr error() {
    std::lock_guard lock(m_);
    return error_;
  }

 private:
  std::mutex m_;
  std::condition_variable ready_, room_;
  std::deque<chunk> q_;
  bool done_ = false, stopped_ = false;
  std::exception_ptr error_;
};

/// Reads and parses every file, pushing chunks of parsed lines.
void read_all(const std::vector<std::string>& files, const notice& n, const input_limits& limits,
              chunk_queue& out) {
  std::uint64_t bytes_before = 0;
  for (const auto& file : files) {
    chunk c;
    c.file = display_name(file);
    std::FILE* f = file == "-" ? stdin : std::fopen(file.c_str(), "rb");
    const int err = errno;
    std::error_code ec;
    if (f == nullptr || (file != "-" && std::filesystem::is_directory(file, ec))) {
      if (f != nullptr) std::fclose(f);
      std::string why =
          f != nullptr ? "is a directory" : std::string("cannot open: ") + std::strerror(err);
      c.items.push_back({0, std::nullopt, input_error("input.io", "", why)});
      out.push(std::move(c));
      continue;
    }
    line_reader reader(f, limits.max_bytes);
    std::string_view line;
    bool too_long = false;
    std::size_t number = 0;
    while (reader.next(line, too_long)) {
      ++number;
      if (!too_long && line.find_first_not_of(" \t") == std::string_view::npos) continue;
      parsed_line p;
      p.line = number;
      if (too_long) {
        p.error.emplace("input.limit", "",
                        "the line is more than max_bytes (" + std::to_string(limits.max_bytes) +
                            ") bytes long");
      } else {
        try {
          check_input_limits(line, limits);
          p.app = parse_application(line, n);
        } catch (const input_error& e) {
          p.error = e;
        }
      }
      c.items.push_back(std::move(p));
      if (c.items.size() == lines_per_chunk) {
        c.bytes_read = bytes_before + reader.bytes_read();
        const std::string name = c.file;
        out.push(std::move(c));
        if (out.stopped()) break;
        c = chunk{};
        c.file = name;
      }
    }
    if (reader.failed())
      c.items.push_back({0, std::nullopt, input_error("input.io", "", "cannot read")});
    bytes_before += reader.bytes_read();
    c.bytes_read = bytes_before;
    if (f != stdin) std::fclose(f);
    if (!c.items.empty()) out.push(std::move(c));
    if (out.stopped()) return;
  }
}

/// "count · rate · time left" on standard error, at most four times a second.
class progress_line {
 public:
  progress_line(bool on, lang l, std::uint64_t total_bytes)
      : on_(on), lang_(l), total_(total_bytes), start_(clock_type::now()), last_(start_) {}

  /// Redraws the line if a quarter of a second has passed since the last time, or if `last`.
  void update(std::uint64_t checked, std::uint64_t bytes_read, bool last = false) {
    if (!on_) return;
    const auto now = clock_type::now();
    if (!last && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    const double seconds = std::max(std::chrono::duration<double>(now - start_).count(), 1e-3);
    const auto rate = static_cast<std::uint64_t>(static_cast<double>(checked) / seconds);
    std::string text = lang_ == lang::zh
                           ? "已核验 " + group(checked) + " 份 · " + group(rate) + " 份/秒"
                           : group(checked) + " checked · " + group(rate) + "/s";
    if (total_ > 0 && bytes_read > 0 && bytes_read <= total_) {
      const double left =
          seconds * static_cast<double>(total_ - bytes_read) / static_cast<double>(bytes_read);
      const auto s = static_cast<std::uint64_t>(left + 0.5);
      const std::string clock =
          std::to_string(s / 60) + ":" + (s % 60 < 10 ? "0" : "") + std::to_string(s % 60);
      text += lang_ == lang::zh ? " · 剩余约 " + clock : " · " + clock + " left";
    }
    std::fprintf(stderr, "\r\033[K%s", text.c_str());
    std::fflush(stderr);
    shown_ = true;
  }

  void clear() {
    if (shown_) std::fputs("\r\033[K", stderr);
    shown_ = false;
  }

 private:
  static std::string group(std::uint64_t v) {  // 1234567 → 1,234,567
    std::string digits = std::to_string(v), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
      out += digits[i];
    }
    return out;
  }

  bool on_;
  lang lang_;
  std::uint64_t total_;
  clock_type::time_point start_, last_;
  bool shown_ = false;
};

std::string error_line(const std::string& file, std::size_t line, const input_error& e) {
  nlohmann::ordered_json doc;
  doc["error"] = {{"file", file},
                  {"line", line},
                  {"code", e.code()},
                  {"path", e.path()},
                  {"reason", e.reason()}};
  return doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string summary(const std::array<std::uint64_t, 5>& counts, std::uint64_t failed, stage st,
                    lang l) {
  constexpr std::array all{decision::accepted, decision::needs_review, decision::incomplete,
                           decision::rejected, decision::complete};
  std::uint64_t total = 0;
  for (auto c : counts) total += c;
  std::string line = std::to_string(total);
  line += l == lang::zh ? " 份申报" : (total == 1 ? " application" : " applications");
  std::string parts;
  for (decision d : all) {
    const auto c = counts[static_cast<std::size_t>(d)];
    if (c == 0) continue;
    parts += parts.empty() ? ": " : ", ";
    parts += decision_text(d, st, l);
    parts += " " + std::to_string(c);
  }
  line += parts;
  if (failed > 0)
    line += l == lang::zh ? "; " + std::to_string(failed) + " 行无法读取"
                          : "; " + std::to_string(failed) + (failed == 1 ? " line" : " lines") +
                                " could not be read";
  return line + "\n";
}

}  // namespace

int check_jsonl(const std::vector<std::string>& files, const notice& n, const check_options& opt,
                const jsonl_options& o) {
  const input_limits limits;
  std::uint64_t total_bytes = 0;
  for (const auto& f : files) {
    std::error_code ec;
    const auto size = f == "-" ? 0 : std::filesystem::file_size(f, ec);
    if (f == "-" || ec) {
      total_bytes = 0;  // unknown: no time left is shown
      break;
    }
    total_bytes += size;
  }
  const bool show = !o.quiet && (o.progress || (isatty(STDERR_FILENO) && !isatty(STDOUT_FILENO)));
  progress_line progress(show, o.language, total_bytes);

  chunk_queue queue;
  std::thread reader([&] {
    try {
      read_all(files, n, limits, queue);
      queue.finish();
    } catch (...) {
      queue.finish(std::current_exception());
    }
  });

  std::array<std::uint64_t, 5> counts{};
  std::uint64_t checked = 0, failed = 0;
  std::string out;
  try {
    batch_checker stream(n, opt);
    while (auto c = queue.pop()) {
      out.clear();
      for (auto& item : c->items) {
        if (item.error) {
          write_out(out);
          out.clear();
          progress.clear();
          print_error(item.line == 0 ? c->file : c->file + ":" + std::to_string(item.line),
                      *item.error);
          if (o.json) out += error_line(c->file, item.line, *item.error);
          ++failed;
          continue;
        }
        const report r = stream.add(*item.app);
        ++counts[static_cast<std::size_t>(r.decision)];
        ++checked;
        if (o.json) {
          out += to_json(r, -1);
          out += '\n';
        } else {
          out += to_text(r, o.language, n);
          out += '\n';
        }
      }
      write_out(out);
      progress.update(checked, c->bytes_read);
    }
  } catch (...) {
    queue.stop();
    reader.join();
    progress.clear();
    throw;
  }
  reader.join();
  progress.update(checked, total_bytes, true);  // the final count stays until cleared
  progress.clear();
  if (auto e = queue.error()) std::rethrow_exception(e);
  if (!o.json) write_out(summary(counts, failed, opt.stage, o.language));
  std::fflush(stdout);

  if (failed > 0) return exit_bad_input;
  if (counts[static_cast<std::size_t>(decision::accepted)] +
          counts[static_cast<std::size_t>(decision::complete)] !=
      checked)
    return exit_not_accepted;
  return exit_ok;
}

}  // namespace nxkx::cli
