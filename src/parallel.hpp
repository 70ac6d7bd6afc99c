// Internal: how a batch's applications are prepared on several threads (engine.cpp's
// check_batch, batch.cpp's check_document).
#pragma once

#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace nxkx::detail {

/// Calls `f(i)` for every i in [0, n), on up to `threads` threads: one contiguous block per
/// thread (neighbouring results written by different threads would share cache lines), the
/// calling thread taking the first block itself. Rethrows the first exception of a block, in
/// block order, after every thread has ended.
template <class F>
void for_each_index(std::size_t n, unsigned threads, F&& f) {
  if (threads > n) threads = static_cast<unsigned>(n);
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) f(i);
    return;
  }
  std::vector<std::exception_ptr> errors(threads);
  auto work = [&](unsigned t) {
    try {
      const std::size_t begin = n * t / threads, end = n * (t + 1) / threads;
      for (std::size_t i = begin; i < end; ++i) f(i);
    } catch (...) {
      errors[t] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& th : pool) th.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace nxkx::detail
