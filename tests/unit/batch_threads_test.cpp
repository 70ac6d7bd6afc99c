// Threads: one notice shared by many threads, and check_batch with 2-8 threads, give exactly
// what one thread gives. Run under TSan by the `tsan` preset (ctest --preset tsan), which
// selects these suites (BatchThreads, SharedNotice) and the other batch tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "nxkx/nxkx.hpp"
#include "test_support.hpp"

namespace nxkx {
namespace {

namespace fs = std::filesystem;

constexpr unsigned many_threads = 8;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The batches of the conformance corpus at one stage, as JSON texts (error cases left out).
std::vector<std::string> corpus_texts(stage st) {
  std::vector<fs::path> files;
  for (const auto& e :
       fs::directory_iterator(fs::path(NXKX_SOURCE_DIR) / "tests/conformance/cases"))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> out;
  for (const auto& f : files) {
    const auto c = nlohmann::json::parse(read_file(f));
    if (c.contains("error") || c.at("stage").get<std::string>() != to_code(st)) continue;
    out.push_back(c.at("applications").dump());
  }
  return out;
}

/// Every application of the corpus at one stage, in one batch: the same applicant appears
/// several times, so 三(一) finds duplicates across it.
std::vector<application> corpus_batch(stage st) {
  std::vector<application> apps;
  for (const auto& text : corpus_texts(st))
    for (auto& a : parse_applications(text, notice::builtin())) apps.push_back(std::move(a));
  return apps;
}

check_options options(stage st, unsigned threads = 1) {
  check_options o = test::may20();
  if (st == stage::completion) o.as_of = test::ymd(2025, 12, 1);
  o.stage = st;
  o.trace = true;
  o.threads = threads;
  return o;
}

std::vector<std::string> as_json(const std::vector<report>& reports) {
  std::vector<std::string> out;
  out.reserve(reports.size());
  for (const auto& r : reports) out.push_back(to_json(r, -1));
  return out;
}

/// Runs `body(thread_index)` on `n` threads at once (they start together).
template <class F>
void on_threads(unsigned n, F body) {
  std::atomic<unsigned> ready{0};
  std::vector<std::thread> pool;
  pool.reserve(n);
  for (unsigned t = 0; t < n; ++t)
    pool.emplace_back([&, t] {
      ready.fetch_add(1);
      while (ready.load() < n) std::this_thread::yield();
      body(t);
    });
  for (auto& th : pool) th.join();
}

TEST(BatchThreads, CorpusIsLargeEnough) {
  EXPECT_GT(corpus_batch(stage::application).size(), 40u);
  EXPECT_GT(corpus_batch(stage::completion).size(), 10u);
}

TEST(BatchThreads, TwoToEightThreadsEqualOne) {
  const notice& n = notice::builtin();
  for (stage st : {stage::application, stage::completion}) {
    const std::vector<application> apps = corpus_batch(st);
    const std::vector<std::string> expected = as_json(check_batch(n, apps, options(st, 1)));
    std::size_t duplicates = 0;
    for (const auto& r : check_batch(n, apps, options(st, 1)))
      duplicates += static_cast<std::size_t>(std::ranges::count_if(
          r.findings, [](const finding& f) { return f.kind == "unique_in_batch"; }));
    if (st == stage::application) {
      EXPECT_GT(duplicates, 0u) << "the batch has no duplicates";
    }
    for (unsigned threads = 2; threads <= 8; ++threads)
      EXPECT_EQ(as_json(check_batch(n, apps, options(st, threads))), expected)
          << to_code(st) << " with " << threads << " threads";
  }
}

TEST(BatchThreads, MoreThreadsThanApplications) {
  const notice& n = notice::builtin();
  const std::vector<application> apps{test::good_application(), test::good_application()};
  const auto expected = as_json(check_batch(n, apps, options(stage::application, 1)));
  EXPECT_EQ(as_json(check_batch(n, apps, options(stage::application, 64))), expected);
  EXPECT_TRUE(check_batch(n, {}, options(stage::application, 8)).empty());
}

TEST(BatchThreads, ErrorInAWorkerReachesTheCaller) {
  const notice& n = notice::builtin();
  std::vector<application> apps(20, test::good_application());
  apps[13].project_type = "no_such_type";
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    try {
      (void)check_batch(n, apps, options(stage::application, threads));
      ADD_FAILURE() << "no error with " << threads << " threads";
    } catch (const input_error& e) {
      EXPECT_EQ(e.code(), "input.unknown_code");
      EXPECT_EQ(e.path(), "/project_type");
    }
  }
}

TEST(BatchThreads, ConcurrentBatchesOnOneNotice) {
  // Several callers each run a threaded batch on the same notice at the same time.
  const notice& n = notice::builtin();
  const std::vector<application> apps = corpus_batch(stage::application);
  const auto expected = as_json(check_batch(n, apps, options(stage::application)));
  std::vector<std::vector<std::string>> got(4);
  on_threads(4, [&](unsigned t) {
    got[t] = as_json(check_batch(n, apps, options(stage::application, 2 + t)));
  });
  for (const auto& g : got) EXPECT_EQ(g, expected);
}

TEST(SharedNotice, ManyThreadsCheckOnOneNotice) {
  const notice& n = notice::builtin();
  std::vector<application> apps;
  for (const char* type :
       {"park_sta_capacity", "haizhi_base_capacity", "returnee_alliance_capacity",
        "society_capacity", "grassroots_societies_capacity", "regional_academic_exchange"}) {
    apps.push_back(test::good_application(type));
    application late = test::good_application(type);
    decl(late.submission, "dispatch_date") = test::ymd(2025, 5, 17);
    apps.push_back(late);
  }
  std::vector<std::string> expected;
  for (const auto& a : apps)
    expected.push_back(to_json(check(n, a, options(stage::application)), -1));

  std::vector<int> mismatches(many_threads, 0);
  on_threads(many_threads, [&](unsigned t) {
    for (int round = 0; round < 5; ++round)
      for (std::size_t i = 0; i < apps.size(); ++i) {
        const report r = check(n, apps[i], options(stage::application));
        if (to_json(r, -1) != expected[i]) ++mismatches[t];
        (void)to_text(r, t % 2 ? lang::en : lang::zh, n);
      }
  });
  for (unsigned t = 0; t < many_threads; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

TEST(SharedNotice, ParseAndStreamOnManyThreads) {
  // Reading JSON, copying the notice handle (a shared reference count) and streaming through a
  // batch_checker of one's own, all at once.
  const notice& n = notice::builtin();
  const std::vector<std::string> texts = corpus_texts(stage::application);
  // A stream's reports and amendments, as JSON lines.
  auto streamed = [](const notice& with, const std::string& text) {
    batch_checker stream(with, options(stage::application));
    std::vector<std::string> lines;
    std::vector<amendment> amendments;
    for (const auto& a : parse_applications(text, with)) {
      lines.push_back(to_json(stream.add(a, amendments), -1));
      for (const amendment& m : amendments) lines.push_back(to_json(m, -1));
      amendments.clear();
    }
    return lines;
  };
  std::vector<std::vector<std::string>> expected;
  for (const auto& text : texts) expected.push_back(streamed(n, text));
  std::vector<int> mismatches(many_threads, 0);
  on_threads(many_threads, [&](unsigned t) {
    const notice copy = n;  // copies share the immutable data
    for (std::size_t k = 0; k < texts.size(); ++k)
      if (streamed(copy, texts[k]) != expected[k]) ++mismatches[t];
  });
  for (unsigned t = 0; t < many_threads; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

TEST(SharedNotice, LoadedPacksOnManyThreads) {
  // Loading packs while others check on a shared loaded one; the copies of the shared one are
  // released on whichever thread ends last.
  const notice& builtin = notice::builtin();
  const application app = test::good_application("society_capacity");
  const std::string expected = to_json(check(builtin, app, options(stage::application)), -1);
  const notice shared = notice::from_json(builtin.source());
  std::vector<int> mismatches(many_threads, 0);
  on_threads(many_threads, [&](unsigned t) {
    const notice mine = t % 2 == 0 ? notice::from_json(builtin.source()) : shared;
    for (int round = 0; round < 10; ++round)
      if (to_json(check(mine, app, options(stage::application)), -1) != expected) ++mismatches[t];
  });
  for (unsigned t = 0; t < many_threads; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

}  // namespace
}  // namespace nxkx
