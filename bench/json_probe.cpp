// Boost.JSON against today's reader, on the realistic mix (issue 13, point 3): a measurement,
// not an integration. bench/README.md, "Boost.JSON".
//
//   nxkx_json_probe [--mix=FILE.jsonl] [--strictness-only] [benchmark flags]
//
// First a strictness table: cases the product must refuse or accept, each spliced into an
// application of the mix, read by nxkx::parse_application, today's tokenizer alone, and
// Boost.JSON three ways. Then the benchmarks, every text of the mix per iteration:
//   json/nxkx_parse_application   today's reader, text to model (tokenizer + walk)
//   json/nxkx_tokenizer           today's tokenizer alone (text to its flat tree)
//   json/boost_null               basic_parser, a handler that does nothing
//   json/boost_tokens             basic_parser, token_handler (boost_json_tokens.hpp): the same
//                                 flat tree, with duplicate keys, int64 range, finite numbers,
//                                 string and list limits checked by the handler
//   json/boost_tokens_no_duplicate_check   the same, duplicate keys left to a later pass (as
//                                 today's tokenizer leaves them to the walk)
//   json/boost_dom[_monotonic]    boost::json::parse into a DOM (default / monotonic memory)
//   json/nlohmann_sax_null        nlohmann's SAX parser, a handler that does nothing
// Their answers are checked before they are timed: every one reads every text, with the same
// count of values, and the token handler's tree equals today's tokenizer's, value by value.
#include <benchmark/benchmark.h>

#include <atomic>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "boost_json_tokens.hpp"
#include "nxkx/error.hpp"
#include "nxkx/nxkx.hpp"
#include "tree_fingerprint.hpp"

#ifdef NXKX_PROBE_TODAY_TOKENIZER
namespace nxkx {
std::size_t probe_today_tokenize(std::string_view text, const input_limits& limits);
std::string probe_today_fingerprint(std::string_view text);
}  // namespace nxkx
#endif

namespace {

namespace fs = std::filesystem;
using nxkx_probe::node;

std::atomic<int> wrong_answers{0};
std::string mix_file;

void wrong(benchmark::State& state, const std::string& why) {
  ++wrong_answers;
  state.SkipWithError(why.c_str());
}

const std::vector<std::string>& texts() {
  static const std::vector<std::string> t = [] {
    std::vector<std::string> out;
    std::ifstream in(mix_file, std::ios::binary);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) out.push_back(std::move(line));
    return out;
  }();
  return t;
}

std::size_t total_bytes() {
  std::size_t n = 0;
  for (const auto& t : texts()) n += t.size();
  return n;
}

void counters(benchmark::State& state) {
  const auto n = static_cast<double>(texts().size());
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(texts().size()));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(total_bytes()));
  state.counters["per_app"] = benchmark::Counter(
      n, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  // Time per KB (1,000 bytes) of input.
  state.counters["per_kb"] = benchmark::Counter(
      static_cast<double>(total_bytes()) / 1000.0,
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

// ---- nlohmann SAX, a handler that does nothing ----

struct null_sax : nlohmann::json_sax<nlohmann::json> {
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
  bool end_object() override { return ++values, true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return ++values, true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }
};

std::size_t nlohmann_values(std::string_view text) {
  null_sax h;
  return nlohmann::json::sax_parse(text, &h) ? h.values : 0;
}

#ifdef NXKX_PROBE_TODAY_TOKENIZER
/// The token handler's tree in the format of probe_today_fingerprint.
std::string fingerprint(const nxkx_probe::document& doc) {
  std::string out;
  nxkx_bench::write_fingerprint(doc.root, out);
  return out;
}
#endif

/// Every way reads every text of the mix with the same count of values.
bool answers_ok(benchmark::State& state) {
  if (texts().empty()) {
    wrong(state, "no texts in " + mix_file);
    return false;
  }
  nxkx_probe::token_parser tp;
  nxkx_probe::document doc;
  for (std::size_t i = 0; i < texts().size(); ++i) {
    const std::string& t = texts()[i];
    const std::size_t expected = nlohmann_values(t);
    const auto tokens = tp.parse(t, doc);
    const auto null = nxkx_probe::null_parse(t);
    const auto dom = nxkx_probe::dom_parse(t);
    if (expected == 0 || !tokens.ok || tokens.values != expected || !null.ok ||
        null.values != expected || !dom.ok || dom.values != expected) {
      wrong(state, "text " + std::to_string(i + 1) + ": values nlohmann " +
                       std::to_string(expected) + ", tokens " + std::to_string(tokens.values) +
                       " " + tokens.error + ", null " + std::to_string(null.values) + ", dom " +
                       std::to_string(dom.values));
      return false;
    }
#ifdef NXKX_PROBE_TODAY_TOKENIZER
    if (nxkx::probe_today_tokenize(t, {}) != expected ||
        nxkx::probe_today_fingerprint(t) != fingerprint(doc)) {
      wrong(state, "text " + std::to_string(i + 1) + ": the token handler's tree is not today's");
      return false;
    }
#endif
  }
  return true;
}

// ---- the benchmarks ----

void json_nxkx_parse_application(benchmark::State& state) {
  const nxkx::notice& n = nxkx::notice::builtin();
  if (!answers_ok(state)) return;
  for (auto _ : state)
    for (const auto& t : texts()) {
      nxkx::application a = nxkx::parse_application(t, n);
      benchmark::DoNotOptimize(a);
    }
  counters(state);
}

#ifdef NXKX_PROBE_TODAY_TOKENIZER
void json_nxkx_tokenizer(benchmark::State& state) {
  if (!answers_ok(state)) return;
  const nxkx::input_limits lim;
  for (auto _ : state)
    for (const auto& t : texts()) benchmark::DoNotOptimize(nxkx::probe_today_tokenize(t, lim));
  counters(state);
}
#endif

void json_boost_null(benchmark::State& state) {
  if (!answers_ok(state)) return;
  for (auto _ : state)
    for (const auto& t : texts()) benchmark::DoNotOptimize(nxkx_probe::null_parse(t).values);
  counters(state);
}

void json_boost_tokens(benchmark::State& state) {
  if (!answers_ok(state)) return;
  nxkx_probe::token_parser tp;
  for (auto _ : state)
    for (const auto& t : texts()) {
      // A document per text, as json_in.cpp has one per parse_application.
      nxkx_probe::document doc;
      benchmark::DoNotOptimize(tp.parse(t, doc).values);
    }
  counters(state);
}

void json_boost_tokens_no_duplicate_check(benchmark::State& state) {
  if (!answers_ok(state)) return;
  nxkx_probe::limits lim;
  lim.check_duplicates = false;
  nxkx_probe::token_parser tp(lim);
  for (auto _ : state)
    for (const auto& t : texts()) {
      nxkx_probe::document doc;
      benchmark::DoNotOptimize(tp.parse(t, doc).values);
    }
  counters(state);
}

void json_boost_dom(benchmark::State& state) {
  if (!answers_ok(state)) return;
  for (auto _ : state)
    for (const auto& t : texts()) benchmark::DoNotOptimize(nxkx_probe::dom_parse(t).values);
  counters(state);
}

void json_boost_dom_monotonic(benchmark::State& state) {
  if (!answers_ok(state)) return;
  for (auto _ : state)
    for (const auto& t : texts())
      benchmark::DoNotOptimize(nxkx_probe::dom_parse_monotonic(t).values);
  counters(state);
}

void json_nlohmann_sax_null(benchmark::State& state) {
  if (!answers_ok(state)) return;
  for (auto _ : state)
    for (const auto& t : texts()) benchmark::DoNotOptimize(nlohmann_values(t));
  counters(state);
}

// ---- strictness ----

struct verdict {
  bool accepted = false;
  std::string why;
};

verdict nxkx_reads(std::string_view text) {
  try {
    (void)nxkx::parse_application(text, nxkx::notice::builtin());
    return {true, ""};
  } catch (const nxkx::input_error& e) {
    return {false, e.code()};
  }
}

#ifdef NXKX_PROBE_TODAY_TOKENIZER
verdict tokenizer_reads(std::string_view text) {
  try {
    (void)nxkx::probe_today_tokenize(text, {});
    return {true, ""};
  } catch (const nxkx::input_error& e) {
    return {false, e.code()};
  }
}
#endif

verdict of(const nxkx_probe::result& r) { return {r.ok, r.ok ? "" : r.error}; }

/// `base` with its first `from` replaced by `to`.
std::string splice(const std::string& base, std::string_view from, std::string_view to) {
  const std::size_t at = base.find(from);
  if (at == std::string::npos) throw std::runtime_error("no " + std::string(from) + " to splice");
  std::string out = base;
  out.replace(at, from.size(), to);
  return out;
}

int strictness_table() {
  // An application of the mix with the fields the cases splice into.
  const std::string* base = nullptr;
  for (const auto& t : texts())
    if (t.find("\"paper_copies\":2,") != std::string::npos &&
        t.find("\"title\":\"") != std::string::npos && nxkx_reads(t).accepted) {
      base = &t;
      break;
    }
  if (base == nullptr) {
    std::fprintf(stderr, "no application of the mix to splice the cases into\n");
    return 1;
  }
  const std::string& b = *base;
  const std::string copies = "\"paper_copies\":2", title = "\"title\":\"";
  auto copies_as = [&](std::string_view v) {
    return splice(b, copies, "\"paper_copies\":" + std::string(v));
  };
  auto in_title = [&](std::string_view v) { return splice(b, title, title + std::string(v)); };
  auto deep = [&](std::size_t levels) {
    return splice(b, title,
                  "\"title\":" + std::string(levels, '[') + "\"x\"" + std::string(levels, ']') +
                      ",\"_t\":\"");
  };
  struct test_case {
    std::string name;
    bool product_accepts;
    std::string text;
  };
  const std::vector<test_case> cases = {
      {"the application as it is", true, b},
      {"duplicate key (\"id\" twice)", false, splice(b, "{\"id\":", "{\"id\":\"dup\",\"id\":")},
      {"duplicate key in a nested object", false,
       splice(b, "\"paper_copies\":2,", "\"paper_copies\":2,\"paper_copies\":3,")},
      {"NaN", false, copies_as("NaN")},
      {"Infinity", false, copies_as("Infinity")},
      {"-Infinity", false, copies_as("-Infinity")},
      {"1e999 (overflows a double)", false, copies_as("1e999")},
      {"9223372036854775807 (int64 max)", true, copies_as("9223372036854775807")},
      {"9223372036854775808 (int64 max + 1)", false, copies_as("9223372036854775808")},
      {"18446744073709551616 (beyond uint64)", false, copies_as("18446744073709551616")},
      {"-9223372036854775809 (int64 min - 1)", false, copies_as("-9223372036854775809")},
      {"leading zero 02", false, copies_as("02")},
      {"+2", false, copies_as("+2")},
      {"stray byte 0x80 in a string", false, in_title("\x80")},
      {"overlong C0 AF", false, in_title("\xC0\xAF")},
      {"encoded surrogate ED A0 80", false, in_title("\xED\xA0\x80")},
      {"above U+10FFFF (F4 90 80 80)", false, in_title("\xF4\x90\x80\x80")},
      {"truncated E6 97 before the quote", false, in_title("\xE6\x97")},
      {"bad UTF-8 outside strings", false, splice(b, "{\"id\":", "{\xC3 \"id\":")},
      {"\\ud800 (lone high surrogate)", false, in_title("\\ud800")},
      {"\\udc00 (lone low surrogate)", false, in_title("\\udc00")},
      {"\\ud83d\\ude00 (a pair)", true, in_title("\\ud83d\\ude00")},
      {"\\u0000", true, in_title("\\u0000")},
      {"raw control character 0x01", false, in_title("\x01")},
      {"UTF-8 byte order mark", true, "\xEF\xBB\xBF" + b},
      {"trailing comma", false, splice(b, "\"paper_copies\":2,", "\"paper_copies\":2,,")},
      {"comment", false, splice(b, "{\"id\":", "{/* c */\"id\":")},
      {"text after the value", false, b + " x"},
      {"white space after the value", true, b + " \n"},
      {"depth 64 (the limit)", true, deep(63)},
      {"depth 65", false, deep(64)},
  };
  std::printf("strictness (each case spliced into application %s):\n",
              nlohmann::json::parse(b).at("id").get<std::string>().c_str());
  std::printf("%-40s %-8s %-24s %-22s %-10s %-26s %-10s\n", "case", "product",
              "nxkx parse_application", "nxkx tokenizer", "Boost null", "Boost tokens (handler)",
              "Boost DOM");
  int disagreements = 0, gaps = 0;
  auto shown = [](const verdict& v) { return v.accepted ? std::string("accepts") : "refuses"; };
  for (const auto& c : cases) {
    // The title's splice adds an unknown "_t" field for the depth cases: parse_application
    // refuses those for that reason once the tokenizer passes; the tokenizer is the judge there.
    const verdict full = nxkx_reads(c.text);
#ifdef NXKX_PROBE_TODAY_TOKENIZER
    const verdict tok = tokenizer_reads(c.text);
#else
    // Without the tokenizer alone, the whole reader tells the depth cases apart by its reason:
    // only input.limit is a refusal of the depth (the other is the spliced unknown field).
    const verdict tok{full.accepted || full.why != "input.limit", "(not built)"};
#endif
    nxkx_probe::token_parser tp;
    nxkx_probe::document doc;
    const verdict null = of(nxkx_probe::null_parse(c.text)), tokens = of(tp.parse(c.text, doc)),
                  dom = of(nxkx_probe::dom_parse(c.text));
    const bool is_depth = c.name.starts_with("depth");
    const bool nxkx_accepts = is_depth ? tok.accepted : full.accepted;
    if (nxkx_accepts != c.product_accepts) ++disagreements;
    if (tokens.accepted != c.product_accepts) ++gaps;
    std::printf("%-40s %-8s %-24s %-22s %-10s %-26s %-10s%s\n", c.name.c_str(),
                c.product_accepts ? "accept" : "refuse",
                (shown(full) + (full.accepted ? "" : " " + full.why)).c_str(),
                (shown(tok) + (tok.accepted ? "" : " " + tok.why)).c_str(), shown(null).c_str(),
                (shown(tokens) + (tokens.accepted ? "" : " (" + tokens.why + ")")).c_str(),
                shown(dom).c_str(), tokens.accepted != c.product_accepts ? "  <- GAP" : "");
  }
  std::printf("token handler: %d gap(s) against the product; nxkx: %d disagreement(s)\n\n", gaps,
              disagreements);

  // Numbers: the double Boost.JSON 1.81 reads against the correctly rounded one (from_chars).
  std::mt19937_64 rng(13);
  std::size_t differ = 0, total = 0, differ_short = 0, total_short = 0;
  std::int64_t max_ulps = 0;
  nxkx_probe::token_parser tp;
  nxkx_probe::document doc;
  for (int i = 0; i < 100'000; ++i) {
    char text[64];
    const double mantissa = std::uniform_real_distribution<double>(1.0, 10.0)(rng);
    const int exponent = std::uniform_int_distribution<int>(-30, 30)(rng);
    const int digits = std::uniform_int_distribution<int>(3, 19)(rng);
    std::snprintf(text, sizeof text, "[%.*fe%d]", digits, mantissa, exponent);
    const std::string_view number(text + 1, std::strlen(text) - 2);
    double want = 0;
    std::from_chars(number.data(), number.data() + number.size(), want);
    const auto r = tp.parse(text, doc);
    if (!r.ok || doc.root.count != 1) continue;
    ++total;
    const bool short_number = digits <= 14;  // at most 15 significant digits
    total_short += short_number ? 1 : 0;
    const double got = doc.root.children()[0].number;
    if (got != want) {
      ++differ;
      differ_short += short_number ? 1 : 0;
      std::int64_t a = 0, w = 0;
      std::memcpy(&a, &got, sizeof a);
      std::memcpy(&w, &want, sizeof w);
      max_ulps = std::max(max_ulps, a > w ? a - w : w - a);
    }
  }
  std::printf(
      "decimal numbers (4-20 significant digits, e-30..e30): %zu of %zu read by Boost.JSON "
      "1.81 differ from the correctly rounded double (std::from_chars), by at most %lld "
      "ulp; %zu of the %zu with at most 15 significant digits\n\n",
      differ, total, static_cast<long long>(max_ulps), differ_short, total_short);
  // Amounts as applications write them (up to 6 digits, 2 decimals).
  std::size_t amounts_differ = 0;
  for (int i = 0; i < 100'000; ++i) {
    char text[64];
    std::snprintf(text, sizeof text, "[%d.%02d]",
                  std::uniform_int_distribution<int>(0, 999'999)(rng),
                  std::uniform_int_distribution<int>(0, 99)(rng));
    const std::string_view number(text + 1, std::strlen(text) - 2);
    double want = 0;
    std::from_chars(number.data(), number.data() + number.size(), want);
    if (!tp.parse(text, doc).ok || doc.root.children()[0].number != want) ++amounts_differ;
  }
  std::printf("amounts (up to 6 digits and 2 decimals): %zu of 100000 differ\n\n", amounts_differ);
  return disagreements == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
#ifdef NXKX_MIX_FILE
  mix_file = NXKX_MIX_FILE;
#endif
  bool strictness_only = false;
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--mix=", 6) == 0)
      mix_file = argv[i] + 6;
    else if (std::strcmp(argv[i], "--strictness-only") == 0)
      strictness_only = true;
    else
      argv[kept++] = argv[i];
  }
  argc = kept;
  if (mix_file.empty() || !fs::exists(mix_file)) {
    std::fprintf(stderr,
                 "nxkx_json_probe: no realistic mix (--mix=FILE.jsonl; bench/realistic_mix.py)\n");
    return 2;
  }
  const int table = strictness_table();
  if (strictness_only) return table;
  benchmark::RegisterBenchmark("json/nxkx_parse_application", json_nxkx_parse_application);
#ifdef NXKX_PROBE_TODAY_TOKENIZER
  benchmark::RegisterBenchmark("json/nxkx_tokenizer", json_nxkx_tokenizer);
#endif
  benchmark::RegisterBenchmark("json/boost_null", json_boost_null);
  benchmark::RegisterBenchmark("json/boost_tokens", json_boost_tokens);
  benchmark::RegisterBenchmark("json/boost_tokens_no_duplicate_check",
                               json_boost_tokens_no_duplicate_check);
  benchmark::RegisterBenchmark("json/boost_dom", json_boost_dom);
  benchmark::RegisterBenchmark("json/boost_dom_monotonic", json_boost_dom_monotonic);
  benchmark::RegisterBenchmark("json/nlohmann_sax_null", json_nlohmann_sax_null);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return table == 0 && wrong_answers.load() == 0 ? 0 : 1;
}
