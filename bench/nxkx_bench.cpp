// nxkx benchmarks (bench/README.md). Every benchmark checks its own answer against answers
// that do not come from nxkx: the conformance corpus's hand-written expectations, the counts
// the command's tests document for tests/cli/zi.txt, the pack's own rule count. A wrong answer
// is SkipWithError, and the program then exits 1.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

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
  register_per_case();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return wrong_answers.load() == 0 ? 0 : 1;
}
