// check_document (batch.hpp): a batch's text read an element at a time and checked in chunks by
// one batch_checker, prepare() on several threads, judge() in order.
#include "nxkx/batch.hpp"

#include <algorithm>
#include <exception>
#include <utility>

#include "nxkx/json.hpp"
#include "parallel.hpp"

namespace nxkx {
namespace {

/// Applications prepared together: enough to make starting threads cheap, few enough that the
/// applications in memory stay a small part of a batch.
constexpr std::size_t chunk_size = 1024;

class chunked_checker {
 public:
  chunked_checker(const notice& n, const check_options& opt, const document_events& out)
      : checker_(n, opt), threads_(std::max(1u, opt.threads)), out_(out) {
    apps_.reserve(chunk_size);
  }

  void add(application&& a) {
    apps_.push_back(std::move(a));
    if (apps_.size() == chunk_size) flush();
  }

  void flush() {
    if (apps_.empty()) return;
    std::vector<batch_checker::prepared> prepared(apps_.size());
    detail::for_each_index(apps_.size(), threads_,
                           [&](std::size_t i) { prepared[i] = checker_.prepare(apps_[i]); });
    for (std::size_t i = 0; i < apps_.size(); ++i) {
      checker_.judge(apps_[i], prepared[i], amendments_);
      out_.report(std::move(prepared[i].r));
      for (const amendment& m : amendments_) out_.amended(m);
      amendments_.clear();
    }
    apps_.clear();
  }

 private:
  batch_checker checker_;
  unsigned threads_;
  const document_events& out_;
  std::vector<application> apps_;
  std::vector<amendment> amendments_;
};

}  // namespace

struct batch_stream::state {
  state(const notice& n, const check_options& opt, const document_events& events)
      : checker(n, opt, events) {}
  chunked_checker checker;
};

batch_stream::batch_stream(const notice& n, const check_options& opt, const document_events& events)
    : s_(std::make_unique<state>(n, opt, events)) {}
batch_stream::~batch_stream() = default;
void batch_stream::add(application&& a) { s_->checker.add(std::move(a)); }
void batch_stream::finish() { s_->checker.flush(); }

std::size_t check_document_each(
    std::string_view json_text, const notice& n, const check_options& opt,
    const input_limits& limits,
    const std::function<void(application&, std::optional<std::size_t>)>& on_read,
    const document_events& events) {
  std::size_t elements = 0;
  chunked_checker checker(n, opt, events);
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
        const std::size_t index = elements++;
        if (e.error) events.error(index, std::move(*e.error));
        if (e.app) checker.add(std::move(*e.app));
      },
      limits);
  checker.flush();
  return elements;
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
