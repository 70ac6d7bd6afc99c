// nxkx check --jsonl: applications streamed one per line (JSON lines), checked as one batch by a
// batch_checker, one report written per line, in input order.
//
// The lines are read in chunks. A pool of workers (one per core) each take the next chunk,
// parse and check its applications on their own (batch_checker::prepare) and write their
// reports; chunks are then committed strictly in input order, by whichever worker finishes
// the chunk that is next: duplicates are judged across the batch (batch_checker::judge, the
// only sequential step), the few reports it changes are written again, a report written earlier
// that a later line supersedes gets an amendment record after that line's report, and the
// chunk's text goes to standard output in one piece.
//
// Memory stays flat whatever the length of the stream: lines are read through a fixed buffer
// (a line longer than max_bytes is skipped, not stored), at most a few chunks are in flight at a
// time, reports are written and dropped, and only the batch_checker's keys for duplicate
// detection grow.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "cli.hpp"
#include "nxkx/limits.hpp"
#include "nxkx/office.hpp"

namespace nxkx::cli {
namespace {

using clock_type = std::chrono::steady_clock;

/// Lines a chunk holds at most: enough to make the hand-over between threads cheap, few enough
/// that the chunks in flight (the lines, their applications and reports) stay small.
constexpr std::size_t lines_per_chunk = 1024;

/// One non-blank line of the input: an application, or why it could not be read.
struct item {
  std::size_t line = 0;              ///< 1-based; 0 when the file itself could not be read
  std::size_t begin = 0, size = 0;   ///< of the line in chunk::text
  std::optional<input_error> error;  ///< the line could not be read (or the file)
  std::exception_ptr fatal;          ///< checking failed: stops the run once its turn comes
  std::optional<application> app;
  batch_checker::prepared checked;
  std::size_t out_begin = 0, out_end = 0;  ///< of its report in chunk::out
};

/// Lines of one file, then their reports.
struct chunk {
  std::uint64_t seq = 0;      ///< position in the stream of chunks
  std::string file;           ///< as shown in messages
  std::filesystem::path dir;  ///< the folder of the file, where the texts it names are
  std::string text;           ///< the lines
  std::vector<item> items;
  std::size_t used = 0;          ///< items in use (the vector keeps its elements for reuse)
  std::uint64_t bytes_read = 0;  ///< of all files so far, for the progress line
  std::string out;               ///< the reports, one a line

  item& add() {
    if (used == items.size()) items.emplace_back();
    item& i = items[used++];
    i.line = i.begin = i.size = i.out_begin = i.out_end = 0;
    i.error.reset();
    i.fatal = nullptr;
    i.app.reset();
    return i;
  }
  std::span<item> in_use() { return {items.data(), used}; }
};

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

/// The lines of every file in turn, a chunk at a time.
class source {
 public:
  source(const std::vector<std::string>& files, std::size_t max_line, std::size_t max_skip)
      : files_(files), max_line_(max_line), max_skip_(max_skip) {}
  source(const source&) = delete;
  source& operator=(const source&) = delete;
  ~source() { close(); }

  /// Fills `c` with the next lines (of one file); false when every file has been read.
  bool next(chunk& c) {
    c.used = 0;
    c.text.clear();
    c.out.clear();
    while (!reader_) {
      if (index_ == files_.size()) return false;
      if (open(c)) break;  // else `c` holds why the file cannot be read
      c.bytes_read = bytes_before_;
      return true;
    }
    c.file = display_name(files_[index_]);
    c.dir = files_[index_] == "-" ? std::filesystem::current_path()
                                  : std::filesystem::path(files_[index_]).parent_path();
    std::string_view line;
    bool too_long = false;
    while (c.used < lines_per_chunk && reader_->next(line, too_long)) {
      ++number_;
      if (!too_long && line.find_first_not_of(" \t") == std::string_view::npos) continue;
      item& i = c.add();
      i.line = number_;
      if (too_long && reader_->endless()) {
        i.error.emplace("input.limit", "",
                        "the line is more than max_bytes (" + std::to_string(max_line_) +
                            ") bytes long and goes on past max_batch_bytes (" +
                            std::to_string(max_skip_) +
                            ") without ending: the rest of the file is not read",
                        "这一行超过 max_bytes（" + std::to_string(max_line_) +
                            "）字节，且超过 max_batch_bytes（" + std::to_string(max_skip_) +
                            "）字节仍未结束：文件其余部分未读取");
      } else if (too_long) {
        i.error.emplace(
            "input.limit", "",
            "the line is more than max_bytes (" + std::to_string(max_line_) + ") bytes long",
            "这一行超过 max_bytes（" + std::to_string(max_line_) + "）字节");
      } else {
        i.begin = c.text.size();
        i.size = line.size();
        c.text.append(line);
      }
    }
    c.bytes_read = bytes_before_ + reader_->bytes_read();
    if (c.used < lines_per_chunk) {                  // the end of the file
      if (!reader_->endless() && reader_->failed())  // an endless line is named above
        c.add().error.emplace("input.unreadable", "",
                              std::string("cannot read it: ") + std::strerror(errno), "无法读取");
      bytes_before_ += reader_->bytes_read();
      c.bytes_read = bytes_before_;
      close();
      ++index_;
    }
    return true;
  }

 private:
  /// Opens the next file; false (and an item saying why in `c`) when it cannot be read.
  bool open(chunk& c) {
    const std::string& file = files_[index_];
    std::FILE* f = stdin;
    if (file != "-") {
      try {
        f = nxkx::open_file(file);  // one code for each way it cannot be read (read.hpp)
      } catch (const input_error& e) {
        c.file = display_name(file);
        c.add().error = e;
        ++index_;
        return false;
      }
    }
    file_ = f;
    reader_.emplace(f, max_line_, max_skip_);
    number_ = 0;
    return true;
  }

  void close() {
    reader_.reset();
    if (file_ != nullptr && file_ != stdin) std::fclose(file_);
    file_ = nullptr;
  }

  const std::vector<std::string>& files_;
  std::size_t max_line_;
  std::size_t max_skip_;
  std::size_t index_ = 0;  ///< of the file being read
  std::FILE* file_ = nullptr;
  std::optional<line_reader> reader_;
  std::size_t number_ = 0;  ///< of the last line read
  std::uint64_t bytes_before_ = 0;
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

/// Everything the workers share. Chunks are read in turn (under `read_m_`), checked in parallel,
/// and committed in order (one thread at a time, whichever finishes the chunk next in line).
class pipeline {
 public:
  pipeline(const std::vector<std::string>& files, const notice& n, const check_options& opt,
           const jsonl_options& o, std::uint64_t total_bytes, unsigned workers)
      : n_(n),
        o_(o),
        stage_(opt.stage),
        checker_(n, opt),
        input_(files, limits_.max_bytes, limits_.max_batch_bytes),
        max_in_flight_(workers + 2),
        progress_(!o.quiet && (o.progress || (isatty(STDERR_FILENO) && !isatty(STDOUT_FILENO))),
                  o.language, total_bytes) {}

  /// One worker: until the input ends or the run stops.
  void work() {
    try {
      while (std::unique_ptr<chunk> c = read()) {
        check(*c);
        hand_over(std::move(c));
      }
    } catch (...) {
      stop(std::current_exception());
    }
  }

  /// After every worker has returned: the exit status, or the exception that stopped the run.
  int finish(std::uint64_t total_bytes) {
    progress_.update(checked_, total_bytes, true);  // the final count stays until cleared
    progress_.clear();
    if (error_) std::rethrow_exception(error_);
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
  /// The next chunk of lines, or null at the end of the input or when the run stops.
  std::unique_ptr<chunk> read() {
    std::unique_ptr<chunk> c;
    {
      std::unique_lock lock(m_);
      room_.wait(lock, [&] { return stopped_ || in_flight_ < max_in_flight_; });
      if (stopped_) return nullptr;
      ++in_flight_;
      if (!spare_.empty()) {
        c = std::move(spare_.back());
        spare_.pop_back();
      }
    }
    if (!c) c = std::make_unique<chunk>();
    bool more = false;
    {
      std::lock_guard lock(read_m_);
      more = input_.next(*c);
      c->seq = next_seq_++;
    }
    if (!more) {
      std::lock_guard lock(m_);
      --in_flight_;
      room_.notify_all();
      return nullptr;
    }
    return c;
  }

  /// Parses and checks every line of `c` on its own, and writes its reports.
  void check(chunk& c) {
    for (item& i : c.in_use()) {
      if (i.error) continue;
      const std::string_view line(c.text.data() + i.begin, i.size);
      try {
        i.app = parse_application(line, n_, limits_);  // the limits apply as it reads
        i.app->origin.file = c.file;
        i.app->origin.line = i.line;
        load_text_files(*i.app, c.dir);  // texts given as .docx next to the file
      } catch (const input_error& e) {
        i.error = e;
        continue;
      }
      try {
        i.checked = checker_.prepare(*i.app);
        i.out_begin = c.out.size();
        render(c.out, i.checked.r);
        i.out_end = c.out.size();
      } catch (...) {
        i.fatal = std::current_exception();
      }
    }
  }

  void render(std::string& out, const report& r) const {
    if (o_.json) {
      append_json(out, r, -1);
      out += '\n';
    } else if (o_.brief) {
      out += to_brief(r, n_, o_.language);
    } else {
      out += to_text(r, o_.language, n_);
      out += '\n';
    }
  }

  /// Queues `c` for its turn, and commits every chunk whose turn it is unless another thread
  /// is doing so already.
  void hand_over(std::unique_ptr<chunk> c) {
    std::unique_lock lock(m_);
    if (stopped_) return;
    done_.emplace(c->seq, std::move(c));
    if (committing_) return;
    committing_ = true;
    while (!stopped_ && !done_.empty() && done_.begin()->first == next_commit_) {
      std::unique_ptr<chunk> next = std::move(done_.begin()->second);
      done_.erase(done_.begin());
      lock.unlock();
      try {
        commit(*next);
      } catch (...) {
        lock.lock();
        committing_ = false;
        throw;
      }
      lock.lock();
      ++next_commit_;
      --in_flight_;
      spare_.push_back(std::move(next));
      room_.notify_all();
    }
    committing_ = false;
  }

  /// Judges duplicates across the batch, in input order, and writes the chunk's reports.
  void commit(chunk& c) {
    std::size_t written = 0;      // of c.out
    std::size_t reports_end = 0;  // of the reports of the items before this one, in c.out
    auto write_up_to = [&](std::size_t end) {
      if (end > written) write_out(std::string_view(c.out).substr(written, end - written));
      written = std::max(written, end);
    };
    for (item& i : c.in_use()) {
      if (i.error) {
        write_up_to(reports_end);
        progress_.clear();
        print_error(i.line == 0 ? c.file : c.file + ":" + std::to_string(i.line), *i.error);
        if (o_.json) write_out(error_line(c.file, i.line, *i.error));
        ++failed_;
        continue;
      }
      if (i.fatal) {
        write_up_to(reports_end);
        std::rethrow_exception(i.fatal);
      }
      amendments_.clear();
      if (checker_.judge(*i.app, i.checked, amendments_)) {  // its report is written again
        write_up_to(i.out_begin);
        redo_.clear();
        render(redo_, i.checked.r);
        write_out(redo_);
        written = i.out_end;
      }
      reports_end = i.out_end;
      ++counts_[static_cast<std::size_t>(i.checked.r.decision)];
      ++checked_;
      // This line changes reports already written (it supersedes them): an amendment record
      // each, right after its own report; the counts follow the decisions as amended.
      if (!amendments_.empty()) {
        write_up_to(i.out_end);
        redo_.clear();
        for (const amendment& m : amendments_) {
          --counts_[static_cast<std::size_t>(m.previous)];
          ++counts_[static_cast<std::size_t>(m.decision)];
          if (o_.json)
            append_json(redo_, m, -1);
          else
            redo_ += to_text(m, o_.language);
          redo_ += '\n';
        }
        write_out(redo_);
      }
    }
    write_up_to(c.out.size());
    progress_.update(checked_, c.bytes_read);
  }

  void stop(std::exception_ptr e) {
    std::lock_guard lock(m_);
    if (!error_) error_ = std::move(e);
    stopped_ = true;
    room_.notify_all();
  }

  const input_limits limits_;
  const notice& n_;
  const jsonl_options& o_;
  const stage stage_;
  batch_checker checker_;  // prepare() by any worker; judge() by the committing one

  std::mutex read_m_;  // guards input_ and next_seq_
  source input_;
  std::uint64_t next_seq_ = 0;

  std::mutex m_;  // guards what follows, except what only the committing thread touches
  std::condition_variable room_;
  const std::size_t max_in_flight_;  ///< chunks read and not yet committed, at most
  std::size_t in_flight_ = 0;
  std::map<std::uint64_t, std::unique_ptr<chunk>> done_;  ///< checked, waiting for their turn
  std::uint64_t next_commit_ = 0;
  bool committing_ = false;
  bool stopped_ = false;
  std::exception_ptr error_;
  std::vector<std::unique_ptr<chunk>> spare_;  ///< committed chunks, to be filled again

  // Only the committing thread (one at a time, ordered by m_) touches these.
  progress_line progress_;
  std::array<std::uint64_t, 5> counts_{};
  std::uint64_t checked_ = 0, failed_ = 0;
  std::string redo_;
  std::vector<amendment> amendments_;
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
  const unsigned workers = std::max(1u, o.threads);
  pipeline p(files, n, opt, o, total_bytes, workers);
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  try {
    for (unsigned i = 1; i < workers; ++i) pool.emplace_back([&p] { p.work(); });
  } catch (...) {
    // No more threads to be had: the ones started and this one do the work.
  }
  p.work();
  for (auto& t : pool) t.join();
  return p.finish(total_bytes);
}

}  // namespace nxkx::cli
