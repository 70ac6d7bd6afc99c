// batch_stream (batch.hpp), the one streaming runner: whatever the threads and however the
// elements are given (applications, references, texts, errors), its events are those of a
// batch_checker fed one application at a time, handed on in element order on the caller's
// thread; chunks are checked while the caller goes on adding; what a check throws reaches the
// caller at its element's turn. The tsan preset runs this suite (its filter matches "Batch").
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "nxkx/nxkx.hpp"
#include "test_support.hpp"

namespace nxkx {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The applications of the corpus at the application stage, as JSON texts, repeated until there
/// are more than three chunks (1,024 elements each) of them: duplicates everywhere, so judging
/// across the batch changes reports and amends earlier ones.
std::vector<std::string> texts() {
  std::vector<fs::path> files;
  for (const auto& e :
       fs::directory_iterator(fs::path(NXKX_SOURCE_DIR) / "tests/conformance/cases"))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> one;
  for (const auto& f : files) {
    const auto c = nlohmann::json::parse(read_file(f));
    if (c.contains("error") || c.at("stage").get<std::string>() != "application") continue;
    const auto& apps = c.at("applications");
    if (apps.is_array())
      for (const auto& a : apps) one.push_back(a.dump());
    else
      one.push_back(apps.dump());
  }
  std::vector<std::string> out;
  while (out.size() < 3500) out.insert(out.end(), one.begin(), one.end());
  return out;
}

check_options options(unsigned threads) {
  check_options o = test::may20();
  o.trace = true;
  o.threads = threads;
  return o;
}

/// What one batch_checker fed one application at a time gives: each report as it was handed
/// on (JSON), and every amendment in turn (JSON).
struct events {
  std::vector<std::string> reports, amendments, rendered;
  std::vector<std::size_t> order;  ///< the tags of reports and errors, as handed on
  std::vector<std::string> errors;
  bool same_thread = true;
};

events reference(const std::vector<std::string>& in) {
  events out;
  batch_checker checker(notice::builtin(), options(1));
  std::vector<amendment> m;
  for (std::size_t i = 0; i < in.size(); ++i) {
    m.clear();
    const report r = checker.add(parse_application(in[i], notice::builtin()), m);
    out.reports.push_back(to_json(r, -1));
    out.rendered.push_back(to_json(r, -1));
    out.order.push_back(i);
    for (const auto& a : m) {
      std::string j;
      append_json(j, a, -1);
      out.amendments.push_back(j);
    }
  }
  return out;
}

stream_hooks recording(events& out, std::thread::id caller) {
  stream_hooks h;
  h.render = [](const report& r, std::string& text) { text += to_json(r, -1); };
  h.report = [&out, caller](report&& r, std::string_view rendered, std::size_t tag) {
    out.same_thread = out.same_thread && std::this_thread::get_id() == caller;
    out.reports.push_back(to_json(r, -1));
    out.rendered.emplace_back(rendered);
    out.order.push_back(tag);
  };
  h.amended = [&out, caller](const amendment& m) {
    out.same_thread = out.same_thread && std::this_thread::get_id() == caller;
    std::string j;
    append_json(j, m, -1);
    out.amendments.push_back(j);
  };
  h.error = [&out, caller](input_error&& e, const origin& where, std::size_t tag) {
    out.same_thread = out.same_thread && std::this_thread::get_id() == caller;
    out.errors.push_back(e.code() + " " + e.path() + " " + where.file);
    out.order.push_back(tag);
  };
  return h;
}

TEST(BatchStream, EveryWayOfAddingGivesWhatOneCheckerGives) {
  const std::vector<std::string> in = texts();
  ASSERT_GT(in.size(), 3 * 1024u);
  const events expected = reference(in);
  ASSERT_FALSE(expected.amendments.empty());  // duplicates across chunks are judged
  std::vector<application> apps;
  for (const auto& t : in) apps.push_back(parse_application(t, notice::builtin()));
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    for (int way = 0; way < 3; ++way) {
      events got;
      batch_stream s(notice::builtin(), options(threads),
                     recording(got, std::this_thread::get_id()));
      for (std::size_t i = 0; i < in.size(); ++i) {
        if (way == 0) s.add_text(in[i], {}, i);
        if (way == 1) s.add_ref(apps[i], i);
        if (way == 2) s.add(application(apps[i]), i);
      }
      EXPECT_EQ(s.size(), in.size());
      s.finish();
      SCOPED_TRACE("threads " + std::to_string(threads) + ", way " + std::to_string(way));
      EXPECT_EQ(got.reports, expected.reports);
      EXPECT_EQ(got.amendments, expected.amendments);
      EXPECT_EQ(got.rendered, expected.rendered);  // rendered as judged, re-rendered if changed
      EXPECT_EQ(got.order, expected.order);
      EXPECT_TRUE(got.same_thread);
    }
  }
}

TEST(BatchStream, ErrorsComeInTheirPlace) {
  std::vector<std::string> in = texts();
  in.resize(2100);
  in[5] = "{";                                  // the reader's error, on a worker
  in[1500] = R"({"project_type": "no_such"})";  // the reader's error too
  for (unsigned threads : {1u, 2u, 4u}) {
    events got;
    batch_stream s(notice::builtin(), options(threads), recording(got, std::this_thread::get_id()));
    for (std::size_t i = 0; i < in.size(); ++i) {
      if (i == 7)
        s.add_error(input_error("input.file", "/x", "given as an error", "错误"),
                    {"f.json", {}, {}}, i);
      else
        s.add_text(in[i], {}, i);
    }
    s.finish();
    ASSERT_EQ(got.errors.size(), 3u);
    EXPECT_EQ(got.errors[0].substr(0, 12), "input.syntax");
    EXPECT_EQ(got.errors[1], "input.file /x f.json");
    EXPECT_EQ(got.reports.size(), in.size() - 3);
    std::vector<std::size_t> all(in.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    EXPECT_EQ(got.order, all);  // errors among the reports, in element order
    EXPECT_TRUE(got.same_thread);
  }
}

TEST(BatchStream, WhatACheckThrowsReachesTheCallerAtItsTurn) {
  std::vector<std::string> in = texts();
  in.resize(3000);
  for (unsigned threads : {1u, 2u, 8u}) {
    events got;
    stream_hooks h = recording(got, std::this_thread::get_id());
    h.render = [](const report& r, std::string& text) {
      if (r.application_id == "boom") throw std::runtime_error("render failed");
      text += to_json(r, -1);
    };
    std::vector<application> apps;
    for (const auto& t : in) apps.push_back(parse_application(t, notice::builtin()));
    apps[2500].id = "boom";
    try {
      batch_stream s(notice::builtin(), options(threads), std::move(h));
      for (auto& a : apps) s.add_ref(a);
      s.finish();
      ADD_FAILURE() << "no error with " << threads << " threads";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "render failed");
    }
    EXPECT_EQ(got.reports.size(), 2500u);  // every report before it, none after
  }
}

TEST(BatchStream, ChunksAreCheckedWhileTheCallerAdds) {
  // One thread: a chunk is checked as soon as it is full. More: at most threads + 1 chunks are
  // in flight, so reports come back before the caller has added everything.
  const std::vector<std::string> in = texts();
  for (unsigned threads : {1u, 2u, 4u}) {
    std::size_t reports = 0;
    stream_hooks h;
    h.report = [&](report&&, std::string_view, std::size_t) { ++reports; };
    batch_stream s(notice::builtin(), options(threads), std::move(h));
    std::size_t when_full = 0;
    for (std::size_t i = 0; i < in.size(); ++i) {
      s.add_text(in[i]);
      if (i + 1 == 1024) when_full = reports;
    }
    if (threads == 1) {
      EXPECT_EQ(when_full, 1024u);
    }
    const std::size_t chunks_added = in.size() / 1024;
    EXPECT_GE(reports, (chunks_added - std::min<std::size_t>(chunks_added, threads)) * 1024)
        << threads << " threads";
    s.finish();
    EXPECT_EQ(reports, in.size());
  }
}

TEST(BatchStream, AnEmptyStreamAndCheckBatchOnIt) {
  events got;
  batch_stream s(notice::builtin(), options(4), recording(got, std::this_thread::get_id()));
  s.finish();
  EXPECT_TRUE(got.reports.empty());
  EXPECT_THROW(s.add_text("{}"), std::logic_error);
  // check_batch runs on the stream: its reports are the checker's with amendments applied.
  std::vector<application> apps;
  for (const auto& t : texts()) apps.push_back(parse_application(t, notice::builtin()));
  batch_checker checker(notice::builtin(), options(1));
  std::vector<report> expected;
  std::vector<amendment> m;
  for (const auto& a : apps) {
    expected.push_back(checker.add(a, m));
    for (const auto& x : m) apply(expected.at(x.position), x);
    m.clear();
  }
  for (unsigned threads : {1u, 3u}) {
    const auto got_reports = check_batch(notice::builtin(), apps, options(threads));
    ASSERT_EQ(got_reports.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
      EXPECT_EQ(to_json(got_reports[i], -1), to_json(expected[i], -1)) << i;
  }
}

}  // namespace
}  // namespace nxkx
