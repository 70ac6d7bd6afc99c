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
  chunked_checker(const notice& n, const check_options& opt, document_check& out)
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
      out_.reports.push_back(std::move(prepared[i].r));
      for (const amendment& m : amendments_) apply(out_.reports.at(m.position), m);
      amendments_.clear();
    }
    apps_.clear();
  }

 private:
  batch_checker checker_;
  unsigned threads_;
  document_check& out_;
  std::vector<application> apps_;
  std::vector<amendment> amendments_;
};

}  // namespace

document_check check_document(
    std::string_view json_text, const notice& n, const check_options& opt,
    const input_limits& limits,
    const std::function<void(application&, std::optional<std::size_t>)>& on_read) {
  document_check out;
  chunked_checker checker(n, opt, out);
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
        out.errors.push_back(std::move(e.error));
        if (e.app) checker.add(std::move(*e.app));
      },
      limits);
  checker.flush();
  return out;
}

const input_error* strict_error(const document_check& d) {
  const input_error* model = nullptr;
  const input_error* texts = nullptr;
  for (const auto& e : d.errors) {
    if (!e) continue;
    const std::string& c = e->code();
    if (c == "input.syntax" || c == "input.utf8" || c == "input.limit") return &*e;
    if (c == "input.file") {
      if (texts == nullptr) texts = &*e;
    } else if (model == nullptr) {
      model = &*e;
    }
  }
  return model != nullptr ? model : texts;
}

}  // namespace nxkx
