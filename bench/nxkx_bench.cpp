// nxkx benchmarks (bench/README.md). Every benchmark checks its own answer against answers
// that do not come from nxkx: the conformance corpus's hand-written expectations, the counts
// the command's tests document for tests/cli/zi.txt, the pack's own rule count, and for the
// realistic mix (bench/realistic_mix.py) the decisions the generator measured with the command
// (`nxkx check --format json` on the array file; here the texts are read one by one, in
// process). A wrong answer is SkipWithError, and the program then exits 1.
//
//   nxkx_bench [--mix=FILE.jsonl] [benchmark flags]
//
// --mix names a JSON-lines file of bench/realistic_mix.py (its FILE.expected.json beside it);
// by default the 1,000 applications the build generates (NXKX_MIX_FILE), when they exist.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "notice_data.hpp"  // the library's own load of the built-in pack (pack_load_builtin)
#include "nxkx/limits.hpp"
#include "nxkx/nxkx.hpp"
#include "nxkx/text.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::atomic<int> wrong_answers{0};

void wrong(benchmark::State& state, const std::string& why) {
  ++wrong_answers;
  state.SkipWithError(why.c_str());
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

nxkx::date ymd(int y, unsigned m, unsigned d) {
  return nxkx::date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

/// One application of the conformance corpus, as compact JSON text, with its expected answer.
struct sample {
  std::string name;
  std::string text;
  nxkx::check_options options;
  std::string decision;               ///< expected decision code
  std::vector<std::string> rule_ids;  ///< expected distinct rule ids, sorted
};

/// The single-application case `NNN-<label>.json` of the corpus. `<label>@2kb` is that case
/// grown to 2 KB of compact JSON, the size the speed target names, by more work measures in
/// its plan (text no rule judges, so the expected answer stays the case's).
sample corpus_case(const std::string& label) {
  if (const std::string grown = "@2kb"; label.ends_with(grown)) {
    sample s = corpus_case(label.substr(0, label.size() - grown.size()));
    json doc = json::parse(s.text);
    json& measures = doc["plan"]["work_measures"];
    if (!measures.is_array()) measures = json::array();
    static const char* const lines[] = {
        "组织会员开展科技志愿服务，深入县区基层一线开展科普与技术咨询",
        "健全学会秘书处工作制度，完善财务管理与信息公开机制",
        "举办青年科技工作者学术沙龙，搭建跨学科交流合作平台",
        "加强学会网站与新媒体建设，及时发布学术活动与科技资讯"};
    for (std::size_t i = 0; doc.dump().size() < 2048; ++i) measures.push_back(lines[i % 4]);
    s.text = doc.dump();
    s.name = label;
    return s;
  }
  for (const auto& e :
       fs::directory_iterator(fs::path(NXKX_SOURCE_DIR) / "tests/conformance/cases")) {
    const std::string file = e.path().filename().string();
    if (file.size() < 4 || file.substr(4) != label + ".json") continue;
    const json c = json::parse(slurp(e.path()));
    sample s;
    s.name = label;
    s.text = c.at("applications").at(0).dump();
    s.options.as_of = *nxkx::parse_date(c.at("as_of").get<std::string>());
    s.options.stage = *nxkx::from_code<nxkx::stage>(c.at("stage").get<std::string>());
    s.decision = c.at("expect").at(0).at("decision").get<std::string>();
    s.rule_ids = c.at("expect").at(0).at("rule_ids").get<std::vector<std::string>>();
    return s;
  }
  throw std::runtime_error("no conformance case " + label);
}

/// Whether `r` is the expected answer: the decision, and one finding per expected rule id.
bool answer_ok(benchmark::State& state, const nxkx::report& r, const sample& s) {
  std::set<std::string> ids;
  for (const auto& f : r.findings) ids.insert(f.rule_id);
  const std::vector<std::string> got(ids.begin(), ids.end());
  if (nxkx::to_code(r.decision) != s.decision || got != s.rule_ids ||
      r.findings.size() != s.rule_ids.size()) {
    wrong(state, s.name + ": decision " + std::string(nxkx::to_code(r.decision)) + " with " +
                     std::to_string(r.findings.size()) + " findings, expected " + s.decision +
                     " with " + std::to_string(s.rule_ids.size()));
    return false;
  }
  return true;
}

const char* const project_types[] = {
    "park_sta_capacity", "haizhi_base_capacity",          "returnee_alliance_capacity",
    "society_capacity",  "grassroots_societies_capacity", "regional_academic_exchange"};

// ---- one application: from JSON text, and already decoded ----

/// parse_application + check: from JSON text to a report.
void end_to_end(benchmark::State& state, const std::string& label) {
  const nxkx::notice& n = nxkx::notice::builtin();
  const sample s = corpus_case(label);
  if (!answer_ok(state, nxkx::check(n, nxkx::parse_application(s.text, n), s.options), s)) return;
  for (auto _ : state) {
    nxkx::report r = nxkx::check(n, nxkx::parse_application(s.text, n), s.options);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(s.text.size()));
  state.counters["json_bytes"] = static_cast<double>(s.text.size());
}

/// parse_application alone: the share of the parse in end_to_end.
void parse_only(benchmark::State& state, const std::string& label) {
  const nxkx::notice& n = nxkx::notice::builtin();
  const sample s = corpus_case(label);
  if (nxkx::parse_application(s.text, n).project_type.empty()) {
    wrong(state, "no project type read");
    return;
  }
  for (auto _ : state) {
    nxkx::application a = nxkx::parse_application(s.text, n);
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(s.text.size()));
}

/// check alone, on an application decoded beforehand: the rules.
void rules_only(benchmark::State& state, const std::string& label) {
  const nxkx::notice& n = nxkx::notice::builtin();
  const sample s = corpus_case(label);
  const nxkx::application a = nxkx::parse_application(s.text, n);
  if (!answer_ok(state, nxkx::check(n, a, s.options), s)) return;
  for (auto _ : state) {
    nxkx::report r = nxkx::check(n, a, s.options);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}

/// The report as JSON (to_json), which the command and the C ABI add to each check.
void report_to_json(benchmark::State& state, const std::string& label) {
  const nxkx::notice& n = nxkx::notice::builtin();
  const sample s = corpus_case(label);
  const nxkx::report r = nxkx::check(n, nxkx::parse_application(s.text, n), s.options);
  if (!answer_ok(state, r, s)) return;
  for (auto _ : state) {
    std::string text = nxkx::to_json(r, -1);
    benchmark::DoNotOptimize(text);
  }
  state.SetItemsProcessed(state.iterations());
}

/// The limits pre-scan alone (MB/s).
void limits_prescan(benchmark::State& state, const std::string& label) {
  const sample s = corpus_case(label);
  for (auto _ : state) {
    nxkx::check_input_limits(s.text);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(s.text.size()));
}

// ---- the realistic mix (issue 13) ----

/// A file of bench/realistic_mix.py: one application a line, and the decision the generator
/// measured for each (FILE.expected.json).
struct mix {
  std::string file;
  std::vector<std::string> texts;
  std::vector<std::string> decisions;  ///< expected, one per application
  std::size_t bytes = 0;
};

std::string mix_file;  // set by main() from --mix or NXKX_MIX_FILE

const mix& the_mix() {
  static const mix m = [] {
    mix out;
    out.file = mix_file;
    std::ifstream in(mix_file, std::ios::binary);
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      out.bytes += line.size();
      out.texts.push_back(std::move(line));
    }
    std::string expected = mix_file;
    if (expected.ends_with(".jsonl")) expected.resize(expected.size() - 6);
    const json e = json::parse(slurp(expected + ".expected.json"));
    out.decisions = e.at("decision_of").get<std::vector<std::string>>();
    return out;
  }();
  return m;
}

/// Whether the reports give the generator's decision for every application of the mix.
bool mix_answer_ok(benchmark::State& state, const std::vector<nxkx::report>& reports) {
  const mix& m = the_mix();
  if (reports.size() != m.decisions.size()) {
    wrong(state, std::to_string(reports.size()) + " reports for " +
                     std::to_string(m.decisions.size()) + " expected decisions");
    return false;
  }
  for (std::size_t i = 0; i < reports.size(); ++i) {
    if (nxkx::to_code(reports[i].decision) != m.decisions[i]) {
      wrong(state, m.file + ": application " + std::to_string(i + 1) + " is " +
                       std::string(nxkx::to_code(reports[i].decision)) +
                       ", the generator measured " + m.decisions[i]);
      return false;
    }
  }
  return true;
}

/// Whether `out` holds one report JSON a line with the generator's decision for each.
bool mix_json_ok(benchmark::State& state, const std::string& out) {
  const mix& m = the_mix();
  std::size_t i = 0, start = 0;
  for (std::size_t nl; (nl = out.find('\n', start)) != std::string::npos; start = nl + 1, ++i) {
    const json r = json::parse(std::string_view(out).substr(start, nl - start));
    if (i >= m.decisions.size() || r.at("decision").at("code") != m.decisions[i]) {
      wrong(state, "report JSON " + std::to_string(i + 1) + " does not give the decision expected");
      return false;
    }
  }
  if (i != m.decisions.size() || start != out.size()) {
    wrong(state, "report JSON: " + std::to_string(i) + " lines for " +
                     std::to_string(m.decisions.size()) + " applications");
    return false;
  }
  return true;
}

nxkx::check_options mix_options() {
  nxkx::check_options opt;
  opt.as_of = ymd(2025, 5, 20);
  opt.threads = 1;
  return opt;
}

void mix_counters(benchmark::State& state) {
  const mix& m = the_mix();
  const auto n = static_cast<double>(m.texts.size());
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(m.texts.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(m.bytes));
  // Time per application (the figure of issue 13), in seconds.
  state.counters["per_app"] = benchmark::Counter(
      n, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.counters["applications"] = n;
  state.counters["json_bytes"] = static_cast<double>(m.bytes) / n;
}

std::vector<nxkx::application> parse_all(const nxkx::notice& n, const mix& m) {
  std::vector<nxkx::application> apps;
  apps.reserve(m.texts.size());
  for (const auto& t : m.texts) apps.push_back(nxkx::parse_application(t, n));
  return apps;
}

/// JSON text to report JSON, one thread: parse_application of each text, one check_batch (so
/// that 三(一) is judged across the mix), and each report written as a line of compact JSON
/// (append_json into one buffer, as the command writes them), full or compact (--compact).
void mix_text_to_report_json(benchmark::State& state, nxkx::report_detail detail) {
  const nxkx::notice& n = nxkx::notice::builtin();
  const mix& m = the_mix();
  std::string out;
  {
    const auto reports = nxkx::check_batch(n, parse_all(n, m), mix_options());
    if (!mix_answer_ok(state, reports)) return;
    for (const auto& r : reports) nxkx::append_json(out, r, -1, detail), out += '\n';
    if (!mix_json_ok(state, out)) return;
  }
  for (auto _ : state) {
    const std::vector<nxkx::report> reports = nxkx::check_batch(n, parse_all(n, m), mix_options());
    out.clear();
    for (const auto& r : reports) {
      nxkx::append_json(out, r, -1, detail);
      out += '\n';
    }
    benchmark::DoNotOptimize(out.data());
  }
  mix_counters(state);
  state.counters["report_bytes"] =
      static_cast<double>(out.size()) / static_cast<double>(m.texts.size());
}

/// The same without writing the reports: JSON text to report objects (decision + findings).
void mix_text_to_report(benchmark::State& state) {
  const nxkx::notice& n = nxkx::notice::builtin();
  const mix& m = the_mix();
  if (!mix_answer_ok(state, nxkx::check_batch(n, parse_all(n, m), mix_options()))) return;
  for (auto _ : state) {
    std::vector<nxkx::report> reports = nxkx::check_batch(n, parse_all(n, m), mix_options());
    benchmark::DoNotOptimize(reports.data());
  }
  mix_counters(state);
}

/// parse_application of every text alone: the reader's share.
void mix_parse(benchmark::State& state) {
  const nxkx::notice& n = nxkx::notice::builtin();
  const mix& m = the_mix();
  if (!mix_answer_ok(state, nxkx::check_batch(n, parse_all(n, m), mix_options()))) return;
  for (auto _ : state) {
    std::vector<nxkx::application> apps = parse_all(n, m);
    benchmark::DoNotOptimize(apps.data());
  }
  mix_counters(state);
}

/// check_batch of the decoded mix alone: the rules (with their findings' messages).
void mix_rules(benchmark::State& state) {
  const nxkx::notice& n = nxkx::notice::builtin();
  const mix& m = the_mix();
  const std::vector<nxkx::application> apps = parse_all(n, m);
  if (!mix_answer_ok(state, nxkx::check_batch(n, apps, mix_options()))) return;
  for (auto _ : state) {
    std::vector<nxkx::report> reports = nxkx::check_batch(n, apps, mix_options());
    benchmark::DoNotOptimize(reports.data());
  }
  mix_counters(state);
}

/// append_json of every report alone: the writer's share, full or compact.
void mix_report_json(benchmark::State& state, nxkx::report_detail detail) {
  const nxkx::notice& n = nxkx::notice::builtin();
  const mix& m = the_mix();
  const std::vector<nxkx::report> reports = nxkx::check_batch(n, parse_all(n, m), mix_options());
  if (!mix_answer_ok(state, reports)) return;
  std::string out;
  for (auto _ : state) {
    out.clear();
    for (const auto& r : reports) {
      nxkx::append_json(out, r, -1, detail);
      out += '\n';
    }
    benchmark::DoNotOptimize(out.data());
  }
  if (!mix_json_ok(state, out)) return;
  mix_counters(state);
  state.counters["report_bytes"] =
      static_cast<double>(out.size()) / static_cast<double>(m.texts.size());
}

void register_mix() {
  if (mix_file.empty()) return;
  if (!fs::exists(mix_file)) {
    std::fprintf(stderr,
                 "nxkx_bench: no realistic mix at %s (write it with bench/realistic_mix.py); "
                 "the mix/ benchmarks are left out\n",
                 mix_file.c_str());
    return;
  }
  using nxkx::report_detail;
  for (auto [name, fn, detail] :
       {std::tuple{"mix/text_to_report_json", &mix_text_to_report_json, report_detail::full},
        std::tuple{"mix/text_to_report_json_compact", &mix_text_to_report_json,
                   report_detail::compact},
        std::tuple{"mix/report_json", &mix_report_json, report_detail::full},
        std::tuple{"mix/report_json_compact", &mix_report_json, report_detail::compact}})
    benchmark::RegisterBenchmark(name, fn, detail)->Unit(benchmark::kMillisecond);
  for (auto [name, fn] : {std::pair{"mix/text_to_report", &mix_text_to_report},
                          std::pair{"mix/parse", &mix_parse}, std::pair{"mix/rules", &mix_rules}})
    benchmark::RegisterBenchmark(name, fn)->Unit(benchmark::kMillisecond);
}

// ---- a batch ----

/// GB 32100 check characters for a code of 16 given characters (as bench/make_jsonl.py).
std::string credit_code(const std::string& prefix8, unsigned serial) {
  static constexpr std::string_view alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  std::string body = prefix8 + "MJ";
  std::string digits = std::to_string(serial);
  body += std::string(6 - digits.size(), '0') + digits;
  static constexpr int org_weights[] = {3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 8; ++i) {
    const char c = body[static_cast<std::size_t>(8 + i)];
    sum += org_weights[i] * (c >= '0' && c <= '9' ? c - '0' : c - 'A' + 10);
  }
  const int o = 11 - sum % 11;
  body += o == 10 ? 'X' : o == 11 ? '0' : static_cast<char>('0' + o);
  int total = 0, w = 1;
  for (char c : body) {
    total += w * static_cast<int>(alphabet.find(c));
    w = w * 3 % 31;
  }
  body += alphabet[static_cast<std::size_t>((31 - total % 31) % 31)];
  return body;
}

/// `count` accepted applications, every project type in turn, each with its own id, title and
/// lead credit code: no duplicates, so every one is accepted (the corpus's accepted cases).
std::vector<nxkx::application> distinct_batch(std::size_t count) {
  const nxkx::notice& n = nxkx::notice::builtin();
  std::vector<nxkx::application> templates;
  for (const char* t : project_types)
    templates.push_back(nxkx::parse_application(corpus_case(std::string("accepted-") + t).text, n));
  std::vector<nxkx::application> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    nxkx::application a = templates[i % templates.size()];
    a.id = "B-" + std::to_string(i);
    a.title += "（第" + std::to_string(i) + "号）";
    a.applicant.credit_code = credit_code(a.applicant.credit_code.value_or("51640000").substr(0, 8),
                                          static_cast<unsigned>(i));
    out.push_back(std::move(a));
  }
  return out;
}

void batch(benchmark::State& state) {
  const nxkx::notice& n = nxkx::notice::builtin();
  const auto size = static_cast<std::size_t>(state.range(0));
  const std::vector<nxkx::application> apps = distinct_batch(size);
  nxkx::check_options opt;
  opt.as_of = ymd(2025, 5, 20);
  opt.threads = static_cast<unsigned>(state.range(1));
  const auto accepted = std::ranges::count_if(nxkx::check_batch(n, apps, opt), [](const auto& r) {
    return r.decision == nxkx::decision::accepted && r.findings.empty();
  });
  if (static_cast<std::size_t>(accepted) != size) {
    wrong(state,
          std::to_string(size - static_cast<std::size_t>(accepted)) + " of the batch not accepted");
    return;
  }
  for (auto _ : state) {
    std::vector<nxkx::report> reports = nxkx::check_batch(n, apps, opt);
    benchmark::DoNotOptimize(reports);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(batch)
    ->ArgNames({"applications", "threads"})
    ->Args({1000, 1})
    ->Args({1000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// ---- count_zi ----

void count_zi_100k(benchmark::State& state) {
  // tests/cli/zi.txt: "宁夏科协，学会能力提升 UTF8 项目 2025。" — 16 字 (word-processor method), 22
  // non-space characters, as tests/cli.cmake says. Lines repeated to 100 KB.
  const std::string line = slurp(fs::path(NXKX_SOURCE_DIR) / "tests/cli/zi.txt");
  std::string text;
  std::size_t lines = 0;
  while (text.size() + line.size() <= 100 * 1024) {
    text += line;
    ++lines;
  }
  const nxkx::zi_count c = nxkx::count_zi(text);
  if (c.word_processor != 16 * lines || c.non_space != 22 * lines) {
    wrong(state, "count_zi: " + std::to_string(c.word_processor) + " / " +
                     std::to_string(c.non_space) + ", expected " + std::to_string(16 * lines) +
                     " / " + std::to_string(22 * lines));
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(nxkx::count_zi(text));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(count_zi_100k);

// ---- loading the built-in pack ----

void pack_load(benchmark::State& state) {
  const std::string& source = nxkx::notice::builtin().source();
  const json doc = json::parse(source);
  const std::size_t rules = doc.at("rules").size(), types = doc.at("project_types").size();
  const nxkx::notice once = nxkx::notice::from_json(source);
  if (once.rules().size() != rules || once.project_types().size() != types) {
    wrong(state, "the pack loads " + std::to_string(once.rules().size()) + " rules, expected " +
                     std::to_string(rules));
    return;
  }
  for (auto _ : state) {
    nxkx::notice n = nxkx::notice::from_json(source);
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(source.size()));
  state.counters["pack_bytes"] = static_cast<double>(source.size());
}
BENCHMARK(pack_load)->Unit(benchmark::kMicrosecond);

/// What the first notice::builtin() costs: the same load with the pack's sha256 computed when
/// the library was built (cmake/embed.cmake), as builtin() does, instead of hashing 181 KB.
void pack_load_builtin(benchmark::State& state) {
  const std::string_view source = nxkx::detail::builtin_pack_2025;
  const auto once = nxkx::detail::load_pack(source, nxkx::detail::builtin_pack_2025_sha256);
  if (once->identity != nxkx::notice::builtin().identity() ||
      once->rules.size() != nxkx::notice::builtin().rules().size()) {
    wrong(state, "the built-in pack loads differently from notice::builtin()");
    return;
  }
  for (auto _ : state) {
    auto d = nxkx::detail::load_pack(source, nxkx::detail::builtin_pack_2025_sha256);
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(source.size()));
  state.counters["pack_bytes"] = static_cast<double>(source.size());
}
BENCHMARK(pack_load_builtin)->Unit(benchmark::kMicrosecond);

/// For reference: nlohmann::json::parse of the pack into a DOM, the floor of pack_load as
/// the loader is written today.
void pack_parse_dom_reference(benchmark::State& state) {
  const std::string& source = nxkx::notice::builtin().source();
  if (json::parse(source).at("rules").size() != nxkx::notice::builtin().rules().size()) {
    wrong(state, "the DOM has another rule count");
    return;
  }
  for (auto _ : state) {
    json doc = json::parse(source);
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(source.size()));
}
BENCHMARK(pack_parse_dom_reference)->Unit(benchmark::kMicrosecond);

/// For reference: nlohmann's SAX parser over an application with a handler that does nothing,
/// the floor of the reader that json_in.cpp had before its own tokenizer.
struct null_sax : nlohmann::json_sax<json> {
  std::size_t values = 0;
  bool null() override { return ++values, true; }
  bool boolean(bool) override { return ++values, true; }
  bool number_integer(number_integer_t) override { return ++values, true; }
  bool number_unsigned(number_unsigned_t) override { return ++values, true; }
  bool number_float(number_float_t, const string_t&) override { return ++values, true; }
  bool string(string_t&) override { return ++values, true; }
  bool binary(binary_t&) override { return ++values, true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }
};

void sax_only_reference(benchmark::State& state, const std::string& label) {
  const sample s = corpus_case(label);
  null_sax probe;
  if (!json::sax_parse(s.text, &probe) || probe.values == 0) {
    wrong(state, "the SAX parser refused the sample");
    return;
  }
  for (auto _ : state) {
    null_sax h;
    benchmark::DoNotOptimize(json::sax_parse(s.text, &h));
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(s.text.size()));
}

void limits_prescan_pack(benchmark::State& state) {
  const std::string& source = nxkx::notice::builtin().source();
  for (auto _ : state) nxkx::check_input_limits(source);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(source.size()));
}
BENCHMARK(limits_prescan_pack)->Unit(benchmark::kMicrosecond);

void register_per_case() {
  const std::string rejected = "rejected-grade-c";
  for (const char* t : project_types) {
    const std::string a = std::string("accepted-") + t, c = std::string("complete-") + t;
    benchmark::RegisterBenchmark(("end_to_end/application/" + std::string(t)).c_str(), end_to_end,
                                 a);
    benchmark::RegisterBenchmark(("end_to_end/completion/" + std::string(t)).c_str(), end_to_end,
                                 c);
  }
  benchmark::RegisterBenchmark("end_to_end/application/rejected-grade-c", end_to_end, rejected);
  for (const char* t : {"society_capacity", "park_sta_capacity"})
    benchmark::RegisterBenchmark(("end_to_end/application/" + std::string(t) + "@2kb").c_str(),
                                 end_to_end, std::string("accepted-") + t + "@2kb");
  for (const char* t : project_types) {
    const std::string a = std::string("accepted-") + t, c = std::string("complete-") + t;
    benchmark::RegisterBenchmark(("rules_only/application/" + std::string(t)).c_str(), rules_only,
                                 a);
    benchmark::RegisterBenchmark(("rules_only/completion/" + std::string(t)).c_str(), rules_only,
                                 c);
  }
  benchmark::RegisterBenchmark("rules_only/application/rejected-grade-c", rules_only, rejected);
  benchmark::RegisterBenchmark("parse_only/application/society_capacity", parse_only,
                               "accepted-society_capacity");
  benchmark::RegisterBenchmark("parse_only/completion/park_sta_capacity", parse_only,
                               "complete-park_sta_capacity");
  benchmark::RegisterBenchmark("sax_only_reference/application/society_capacity",
                               sax_only_reference, "accepted-society_capacity");
  benchmark::RegisterBenchmark("report_to_json/rejected-grade-c", report_to_json, rejected);
  benchmark::RegisterBenchmark("report_to_json/accepted-society_capacity", report_to_json,
                               "accepted-society_capacity");
  benchmark::RegisterBenchmark("limits_prescan/application/society_capacity", limits_prescan,
                               "accepted-society_capacity");
}

}  // namespace

int main(int argc, char** argv) {
#ifdef NXKX_MIX_FILE
  mix_file = NXKX_MIX_FILE;
#endif
  // --mix=FILE is ours; the rest are Google Benchmark's.
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--mix=", 6) == 0)
      mix_file = argv[i] + 6;
    else
      argv[kept++] = argv[i];
  }
  argc = kept;
  register_per_case();
  register_mix();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return wrong_answers.load() == 0 ? 0 : 1;
}
