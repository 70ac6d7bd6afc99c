// The streaming runner (batch.hpp): batch_stream, and check_batch and check_document on it.
//
// Elements are gathered into chunks on the caller's thread. A full chunk is queued; each of
// opt.threads - 1 workers, and the caller whenever it would otherwise wait, takes the oldest
// queued chunk and reads, prepares and renders its elements. Chunks are committed (judged
// across the batch, their events handed on) strictly in order, on the caller's thread, as soon
// as the oldest is done: so while chunk k is checked, chunk k + 1 is being read by the caller
// and others are checked by the workers.
#include "nxkx/batch.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>

#include "nxkx/json.hpp"

namespace nxkx {
namespace {

/// Elements a chunk holds: enough to make handing chunks between threads cheap, few enough that
/// the chunks in flight stay a small part of a batch. On one thread nothing is handed between
/// threads, and a smaller chunk keeps fewer applications and unjudged reports alive at once.
constexpr std::size_t chunk_size = 1024;
constexpr std::size_t chunk_size_one_thread = 64;

struct element {
  enum class kind { owned, ref, text, error } what = kind::owned;
  std::size_t tag = 0;
  origin where;
  std::size_t text_begin = 0, text_size = 0;  ///< of its text in chunk::text
  std::optional<application> owned;
  const application* ref = nullptr;
  std::optional<input_error> error;
  std::exception_ptr fatal;  ///< checking it failed: rethrown at its turn
  batch_checker::prepared checked;
  std::size_t out_begin = 0, out_end = 0;  ///< of its rendering in chunk::out

  const application& app() const { return ref != nullptr ? *ref : *owned; }
};

struct chunk {
  std::vector<element> items;  ///< kept for reuse: `used` of them are in use
  std::size_t used = 0;
  std::string text;  ///< the texts of the elements given as text
  std::string out;   ///< their renderings
  bool done = false;

  element& next() {
    if (used == items.size()) items.emplace_back();
    element& e = items[used++];
    e.tag = e.text_begin = e.text_size = e.out_begin = e.out_end = 0;
    e.ref = nullptr;
    e.fatal = nullptr;
    return e;
  }
  void clear() {
    for (std::size_t i = 0; i < used; ++i) {
      items[i].owned.reset();
      items[i].error.reset();
      items[i].checked = {};
    }
    used = 0;
    text.clear();
    out.clear();
    done = false;
  }
};

}  // namespace

struct batch_stream::state {
  state(const notice& pack, const check_options& opt, stream_hooks&& h)
      : n(pack),
        checker(pack, opt),
        hooks(std::move(h)),
        threads(std::max(1u, opt.threads)),
        max_in_flight(threads == 1 ? 0 : threads),
        elements_per_chunk(threads == 1 ? chunk_size_one_thread : chunk_size) {}

  ~state() { stop_workers(); }

  const notice& n;
  batch_checker checker;  // prepare() on any thread; judge() on the caller's
  const stream_hooks hooks;
  const unsigned threads;
  const std::size_t max_in_flight;  ///< chunks queued or being checked before the caller helps
  const std::size_t elements_per_chunk;

  std::unique_ptr<chunk> filling;  ///< being filled by the caller
  std::size_t added = 0;
  bool finished = false;

  std::mutex m;                                  // guards what follows
  std::condition_variable queued_cv;             ///< a chunk is queued, or the workers are to stop
  std::condition_variable done_cv;               ///< a chunk is done
  std::deque<chunk*> queued;                     ///< full, not yet taken by a thread
  std::deque<std::unique_ptr<chunk>> in_flight;  ///< handed over and not committed, in order
  std::vector<std::unique_ptr<chunk>> spare;
  bool stopping = false;
  std::vector<std::thread> workers;  ///< started with the first full chunk

  std::vector<amendment> amendments;  // the caller's
  std::string redo;

  element& next() {
    if (finished) throw std::logic_error("batch_stream: an element added after finish()");
    if (!filling) {
      std::lock_guard lock(m);
      if (!spare.empty()) {
        filling = std::move(spare.back());
        spare.pop_back();
      }
    }
    if (!filling) filling = std::make_unique<chunk>();
    ++added;
    return filling->next();
  }

  void added_one() {
    if (filling->used == elements_per_chunk) hand_over();
  }

  /// Reads, prepares and renders every element of `c` (on any thread).
  void check(chunk& c) const {
    for (std::size_t i = 0; i < c.used; ++i) {
      element& e = c.items[i];
      if (e.what == element::kind::error) continue;
      try {
        if (e.what == element::kind::text) {
          const std::string_view text(c.text.data() + e.text_begin, e.text_size);
          try {
            if (hooks.read) {
              e.owned = hooks.read(text, e.where, e.tag);
            } else {
              e.owned = parse_application(text, n);
              e.owned->origin = e.where;
            }
          } catch (const input_error& x) {
            e.error = x;
            continue;
          }
        }
        e.checked = checker.prepare(e.app());
        if (hooks.render) {
          e.out_begin = c.out.size();
          hooks.render(e.checked.r, c.out);
          e.out_end = c.out.size();
        }
      } catch (...) {
        e.fatal = std::current_exception();
      }
    }
  }

  void hand_over() {
    chunk* c = filling.get();
    {
      std::lock_guard lock(m);
      in_flight.push_back(std::move(filling));
      queued.push_back(c);
      if (workers.empty() && threads > 1) start_workers();
    }
    queued_cv.notify_one();
    commit_done();
    while (in_flight_count() > max_in_flight) help_or_wait();
  }

  std::size_t in_flight_count() {
    std::lock_guard lock(m);
    return in_flight.size();
  }

  void start_workers() {  // under m
    try {
      for (unsigned t = 1; t < threads; ++t) workers.emplace_back([this] { work(); });
    } catch (...) {
      // No more threads to be had: those started and the caller do the work.
    }
  }

  void work() {
    std::unique_lock lock(m);
    for (;;) {
      queued_cv.wait(lock, [&] { return stopping || !queued.empty(); });
      if (stopping) return;
      chunk* c = queued.front();
      queued.pop_front();
      lock.unlock();
      check(*c);
      lock.lock();
      c->done = true;
      done_cv.notify_all();
    }
  }

  void stop_workers() {
    {
      std::lock_guard lock(m);
      stopping = true;
    }
    queued_cv.notify_all();
    for (auto& t : workers) t.join();
    workers.clear();
  }

  /// Checks the oldest queued chunk on the caller's thread, or waits for the oldest chunk in
  /// flight to be done; then commits what is done.
  void help_or_wait() {
    std::unique_lock lock(m);
    if (!queued.empty()) {
      chunk* c = queued.front();
      queued.pop_front();
      lock.unlock();
      check(*c);
      lock.lock();
      c->done = true;
    } else {
      done_cv.wait(lock, [&] { return in_flight.empty() || in_flight.front()->done; });
    }
    lock.unlock();
    commit_done();
  }

  /// Commits the chunks in flight that are done, oldest first, up to the first that is not.
  void commit_done() {
    for (;;) {
      std::unique_ptr<chunk> c;
      {
        std::lock_guard lock(m);
        if (in_flight.empty() || !in_flight.front()->done) return;
        c = std::move(in_flight.front());
        in_flight.pop_front();
      }
      commit(*c);
      c->clear();
      std::lock_guard lock(m);
      spare.push_back(std::move(c));
    }
  }

  /// Judges each element of `c` across the batch, in order, and hands on its events.
  void commit(chunk& c) {
    for (std::size_t i = 0; i < c.used; ++i) {
      element& e = c.items[i];
      if (e.fatal) std::rethrow_exception(e.fatal);
      if (e.error) {
        if (hooks.error) hooks.error(std::move(*e.error), e.where, e.tag);
        continue;
      }
      amendments.clear();
      std::string_view rendered(c.out.data() + e.out_begin, e.out_end - e.out_begin);
      if (checker.judge(e.app(), e.checked, amendments) && hooks.render) {
        redo.clear();
        hooks.render(e.checked.r, redo);
        rendered = redo;
      }
      if (hooks.report) hooks.report(std::move(e.checked.r), rendered, e.tag);
      if (hooks.amended)
        for (const amendment& a : amendments) hooks.amended(a);
    }
  }

  void finish() {
    if (finished) return;
    finished = true;
    if (filling && filling->used > 0) {
      chunk* c = filling.get();
      std::lock_guard lock(m);
      in_flight.push_back(std::move(filling));
      queued.push_back(c);
    }
    commit_done();
    while (in_flight_count() > 0) help_or_wait();
    stop_workers();
  }
};

batch_stream::batch_stream(const notice& n, const check_options& opt, stream_hooks hooks)
    : s_(std::make_unique<state>(n, opt, std::move(hooks))) {}
batch_stream::~batch_stream() = default;

void batch_stream::add(application&& a, std::size_t tag) {
  element& e = s_->next();
  e.what = element::kind::owned;
  e.tag = tag;
  e.where = {};
  e.owned = std::move(a);
  s_->added_one();
}

void batch_stream::add_ref(const application& a, std::size_t tag) {
  element& e = s_->next();
  e.what = element::kind::ref;
  e.tag = tag;
  e.where = {};
  e.ref = &a;
  s_->added_one();
}

void batch_stream::add_text(std::string_view text, const origin& where, std::size_t tag) {
  element& e = s_->next();
  e.what = element::kind::text;
  e.tag = tag;
  e.where = where;
  e.text_begin = s_->filling->text.size();
  e.text_size = text.size();
  s_->filling->text.append(text);
  s_->added_one();
}

void batch_stream::add_error(input_error&& x, const origin& where, std::size_t tag) {
  element& e = s_->next();
  e.what = element::kind::error;
  e.tag = tag;
  e.where = where;
  e.error = std::move(x);
  s_->added_one();
}

void batch_stream::finish() { s_->finish(); }
std::size_t batch_stream::size() const noexcept { return s_->added; }

std::vector<report> check_batch(const notice& n, std::span<const application> apps,
                                const check_options& opt) {
  std::vector<report> out;
  out.reserve(apps.size());
  stream_hooks hooks;
  hooks.report = [&](report&& r, std::string_view, std::size_t) { out.push_back(std::move(r)); };
  // What a later application changes in an earlier report, as a stream would say it.
  hooks.amended = [&](const amendment& m) { apply(out.at(m.position), m); };
  batch_stream stream(n, opt, std::move(hooks));
  for (const application& a : apps) stream.add_ref(a);
  stream.finish();
  return out;
}

std::size_t check_document_each(
    std::string_view json_text, const notice& n, const check_options& opt,
    const input_limits& limits,
    const std::function<void(application&, std::optional<std::size_t>)>& on_read,
    const document_events& events) {
  stream_hooks hooks;
  hooks.error = [&](input_error&& e, const origin&, std::size_t index) {
    events.error(index, std::move(e));
  };
  hooks.report = [&](report&& r, std::string_view, std::size_t) { events.report(std::move(r)); };
  hooks.amended = events.amended;
  batch_stream stream(n, opt, std::move(hooks));
  for_each_application(
      json_text, n,
      [&](batch_element&& e) {
        if (e.app && on_read) {
          try {
            on_read(*e.app, e.index);
          } catch (const input_error& x) {
            e.error = x;
            e.app.reset();
          }
        }
        const std::size_t index = stream.size();
        if (e.error)
          stream.add_error(std::move(*e.error), {}, index);
        else
          stream.add(std::move(*e.app), index);
      },
      limits);
  stream.finish();
  return stream.size();
}

document_check check_document(
    std::string_view json_text, const notice& n, const check_options& opt,
    const input_limits& limits,
    const std::function<void(application&, std::optional<std::size_t>)>& on_read) {
  document_check out;
  document_events events;
  events.error = [&](std::size_t index, input_error&& e) {
    out.errors.resize(index + 1);
    out.errors[index] = std::move(e);
  };
  events.report = [&](report&& r) { out.reports.push_back(std::move(r)); };
  events.amended = [&](const amendment& m) { apply(out.reports.at(m.position), m); };
  const std::size_t elements = check_document_each(json_text, n, opt, limits, on_read, events);
  out.errors.resize(elements);
  return out;
}

namespace {

template <class Range, class Get>
const input_error* first_strict(const Range& errors, Get get) {
  const input_error* model = nullptr;
  const input_error* texts = nullptr;
  for (const auto& item : errors) {
    const input_error* e = get(item);
    if (e == nullptr) continue;
    const std::string& c = e->code();
    if (c == "input.syntax" || c == "input.utf8" || c == "input.limit") return e;
    if (c == "input.file") {
      if (texts == nullptr) texts = e;
    } else if (model == nullptr) {
      model = e;
    }
  }
  return model != nullptr ? model : texts;
}

}  // namespace

const input_error* strict_error(const document_check& d) {
  return first_strict(d.errors, [](const std::optional<input_error>& e) -> const input_error* {
    return e ? &*e : nullptr;
  });
}

const input_error* strict_error(std::span<const input_error> errors) {
  return first_strict(errors, [](const input_error& e) { return &e; });
}

}  // namespace nxkx
