// nxkx check --jsonl: applications streamed one per line (JSON lines), checked as one batch, one
// report written per line, in input order.
//
// The lines are read here, through a fixed buffer, and handed to the library's streaming runner
// (nxkx::batch_stream, batch.hpp), which parses, checks and renders them in chunks on --threads
// threads while the next lines are read, judges duplicates across the batch in input order, and
// hands each report (written again if judging changed it) and each amendment record back in
// order, to be written here.
//
// Memory stays flat whatever the length of the stream: a line longer than max_bytes is skipped,
// not stored; at most --threads + 1 chunks of lines are in flight; reports are written and
// dropped, and only the keys for duplicate detection grow.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli.hpp"
#include "nxkx/batch.hpp"
#include "nxkx/limits.hpp"
#include "nxkx/office.hpp"

namespace nxkx::cli {
namespace {

using clock_type = std::chrono::steady_clock;

/// Lines of a file through a fixed buffer. A line longer than `max_line` bytes is reported as
/// too long and skipped without being kept, to its end; one that goes on for more than
/// `max_skip` bytes (/dev/zero, a file with no line breaks) ends the file: endless() is true and
/// the rest is not read, so that time too stays proportional to the limits.
class line_reader {
 public:
  line_reader(std::FILE* f, std::size_t max_line, std::size_t max_skip)
      : f_(f), max_line_(max_line), max_skip_(max_skip) {
    buf_.resize(std::size_t{1} << 20);
  }

  /// The next line (without its '\n' or '\r\n') in `line`; false at the end of the file.
  bool next(std::string_view& line, bool& too_long) {
    too_long = false;
    if (endless_) return false;
    bool skipping = false;
    std::uint64_t skipped = 0;
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
        skipped += end_ - begin_;
        begin_ = end_ = 0;
        if (skipped > max_skip_) {
          endless_ = true;
          too_long = true;
          line = {};
          return true;
        }
      }
      fill();
    }
  }

  std::uint64_t bytes_read() const noexcept { return total_; }
  bool failed() const noexcept { return std::ferror(f_) != 0; }
  /// A line went on past max_skip: the file was left there.
  bool endless() const noexcept { return endless_; }

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
  std::size_t max_skip_;
  bool endless_ = false;
};

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
  doc["error"] = {{"file", file},     {"line", line},         {"code", e.code()},
                  {"path", e.path()}, {"reason", e.reason()}, {"reason_zh", e.reason_zh()}};
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

/// The run: lines read on this thread and handed to one batch_stream (batch.hpp), which reads,
/// checks and renders them on its threads and hands their reports back here, in input order.
class run {
 public:
  run(const notice& n, const check_options& opt, const jsonl_options& o,
      const std::vector<std::string>& files, std::uint64_t total_bytes)
      : n_(n),
        o_(o),
        stage_(opt.stage),
        progress_(!o.quiet && (o.progress || (isatty(STDERR_FILENO) && !isatty(STDOUT_FILENO))),
                  o.language, total_bytes) {
    for (const auto& f : files) {
      names_.push_back(display_name(f));
      // The folder of the file, where the texts it names are.
      dirs_.push_back(f == "-" ? std::filesystem::current_path()
                               : std::filesystem::path(f).parent_path());
    }
    stream_.emplace(n, opt, hooks());
  }

  /// Reads every file in turn, a line at a time, into the stream.
  void read(const std::vector<std::string>& files) {
    try {
      read_all(files);
    } catch (...) {
      flush();  // the reports before the one whose check failed
      throw;
    }
  }

  /// After read(): the exit status.
  int finish(std::uint64_t total_bytes) {
    flush();
    progress_.update(checked_, total_bytes, true);  // the final count stays until cleared
    progress_.clear();
    if (!o_.json) write_out(summary(counts_, failed_, stage_, o_.language));
    std::fflush(stdout);
    if (failed_ > 0) return exit_bad_input;
    if (checked_ == 0) return exit_empty;  // nothing was checked: not "all accepted"
    if (counts_[static_cast<std::size_t>(decision::accepted)] +
            counts_[static_cast<std::size_t>(decision::complete)] !=
        checked_)
      return exit_not_accepted;
    return exit_ok;
  }

 private:
  void read_all(const std::vector<std::string>& files) {
    for (std::size_t index = 0; index < files.size(); ++index) {
      const std::string& file = files[index];
      std::FILE* f = stdin;
      if (file != "-") {
        try {
          f = nxkx::open_file(file);  // one code for each way it cannot be read (read.hpp)
        } catch (input_error& e) {
          stream_->add_error(std::move(e), origin{names_[index], {}, {}}, index);
          continue;
        }
      }
      read_lines(f, index);
      bytes_before_ += reader_bytes_;
      reader_bytes_ = 0;
      if (f != stdin) std::fclose(f);
    }
    stream_->finish();
  }

  void read_lines(std::FILE* f, std::size_t index) {
    const std::string& name = names_[index];
    line_reader reader(f, limits_.max_bytes, limits_.max_batch_bytes);
    std::string_view line;
    bool too_long = false;
    std::size_t number = 0;
    while (reader.next(line, too_long)) {
      ++number;
      if (!too_long && line.find_first_not_of(" \t") == std::string_view::npos) continue;
      const origin where{name, {}, number};
      if (too_long && reader.endless()) {
        stream_->add_error(
            input_error("input.limit", "",
                        "the line is more than max_bytes (" + std::to_string(limits_.max_bytes) +
                            ") bytes long and goes on past max_batch_bytes (" +
                            std::to_string(limits_.max_batch_bytes) +
                            ") without ending: the rest of the file is not read",
                        "这一行超过 max_bytes（" + std::to_string(limits_.max_bytes) +
                            "）字节，且超过 max_batch_bytes（" +
                            std::to_string(limits_.max_batch_bytes) +
                            "）字节仍未结束：文件其余部分未读取"),
            where, index);
      } else if (too_long) {
        stream_->add_error(
            input_error("input.limit", "",
                        "the line is more than max_bytes (" + std::to_string(limits_.max_bytes) +
                            ") bytes long",
                        "这一行超过 max_bytes（" + std::to_string(limits_.max_bytes) + "）字节"),
            where, index);
      } else {
        stream_->add_text(line, where, index);
      }
      reader_bytes_ = reader.bytes_read();
    }
    reader_bytes_ = reader.bytes_read();
    if (!reader.endless() && reader.failed())  // an endless line is named above
      stream_->add_error(
          input_error("input.unreadable", "",
                      std::string("cannot read it: ") + std::strerror(errno), "无法读取"),
          origin{name, {}, {}}, index);
  }

  stream_hooks hooks() {
    stream_hooks h;
    h.read = [this](std::string_view text, const origin& where, std::size_t index) {
      application a = parse_application(text, n_, limits_);  // the limits apply as it reads
      a.origin = where;
      load_text_files(a, dirs_[index]);  // texts given as .docx next to the file
      return a;
    };
    h.render = [this](const report& r, std::string& out) { render(r, out); };
    h.error = [this](input_error&& e, const origin& where, std::size_t) {
      flush();
      progress_.clear();
      print_error(where.line ? where.file + ":" + std::to_string(*where.line) : where.file, e);
      if (o_.json) write_out(error_line(where.file, where.line.value_or(0), e));
      ++failed_;
    };
    h.report = [this](report&& r, std::string_view rendered, std::size_t) {
      ++counts_[static_cast<std::size_t>(r.decision)];
      ++checked_;
      out_ += rendered;
      if (out_.size() >= (std::size_t{1} << 18)) flush();
    };
    // A line that changes reports written before (it supersedes them): an amendment record
    // each, right after its own report; the counts follow the decisions as amended.
    h.amended = [this](const amendment& m) {
      --counts_[static_cast<std::size_t>(m.previous)];
      ++counts_[static_cast<std::size_t>(m.decision)];
      if (o_.json)
        append_json(out_, m, -1, o_.detail);
      else
        out_ += to_text(m, o_.language, o_.detail);
      out_ += '\n';
    };
    return h;
  }

  void render(const report& r, std::string& out) const {
    if (o_.json) {
      append_json(out, r, -1, o_.detail);
      out += '\n';
    } else if (o_.brief) {
      out += to_brief(r, n_, o_.language);
    } else {
      out += to_text(r, o_.language, n_, o_.detail);
      out += '\n';
    }
  }

  /// Writes what is buffered, and redraws the progress line.
  void flush() {
    if (!out_.empty()) write_out(out_);
    out_.clear();
    progress_.update(checked_, bytes_before_ + reader_bytes_);
  }

  const input_limits limits_;
  const notice& n_;
  const jsonl_options& o_;
  const stage stage_;
  std::vector<std::string> names_;  ///< of the files, as shown in messages
  std::vector<std::filesystem::path> dirs_;
  std::optional<batch_stream> stream_;
  std::uint64_t bytes_before_ = 0, reader_bytes_ = 0;  ///< read of the files before, and this one
  progress_line progress_;
  std::array<std::uint64_t, 5> counts_{};
  std::uint64_t checked_ = 0, failed_ = 0;
  std::string out_;  ///< reports not written yet
};

}  // namespace

int check_jsonl(const std::vector<std::string>& files, const notice& n, const check_options& opt,
                const jsonl_options& o) {
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
  if (!o.output.empty() && std::freopen(o.output.c_str(), "wb", stdout) == nullptr)
    throw nxkx::error("output.file", "", "cannot write " + o.output, "无法写入 " + o.output);
  check_options with_threads = opt;
  with_threads.threads = std::max(1u, o.threads);
  run r(n, with_threads, o, files, total_bytes);
  r.read(files);
  return r.finish(total_bytes);
}

}  // namespace nxkx::cli
