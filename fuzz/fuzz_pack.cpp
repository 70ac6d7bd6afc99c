// Fuzz target: notice pack JSON text → load → check applications against it.
//
// A pack that loads must serve every call the library makes on it: its catalogue and rules,
// reading applications against its vocabulary, and checking them at both stages (with traces,
// texts and JSON reports). The applications are those of the conformance corpus and the
// examples, read once with the built-in pack (and, as text, read again with the fuzzed one).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "nxkx/nxkx.hpp"

namespace {

using namespace nxkx;
namespace fs = std::filesystem;

struct samples {
  std::vector<application> apps;   ///< read with the built-in pack
  std::vector<std::string> texts;  ///< a few application texts, to read with the fuzzed pack
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const samples& corpus() {
  static const samples s = [] {
    samples out;
    const fs::path root(NXKX_SOURCE_DIR);
    std::vector<fs::path> files;
    for (const char* dir : {"tests/conformance/cases", "examples/applications"})
      for (const auto& e : fs::directory_iterator(root / dir))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      auto doc = nlohmann::json::parse(slurp(f), nullptr, false);
      if (doc.is_object() && doc.contains("applications")) doc = doc["applications"];
      try {
        const std::string text = doc.dump();
        for (auto& a : parse_applications(text, notice::builtin())) out.apps.push_back(a);
        if (out.texts.size() < 12) out.texts.push_back(text);
      } catch (const input_error&) {
        // the corpus's error cases
      }
    }
    if (out.apps.empty()) fuzz::invariant_failed("no sample applications under NXKX_SOURCE_DIR");
    return out;
  }();
  return s;
}

void check_all(const notice& n, const std::vector<application>& apps, stage st) {
  check_options opt;
  opt.as_of = fuzz::check_day();
  opt.stage = st;
  opt.trace = true;
  std::vector<application> known;
  for (const application& a : apps) {
    try {
      const report r = check(n, a, opt);
      NXKX_FUZZ_REQUIRE(nlohmann::json::accept(to_json(r, -1)));
      (void)to_text(r, lang::zh, n);
      (void)to_text(r, lang::en, n);
      known.push_back(a);
    } catch (const input_error& e) {
      // The only input error check() may throw: a project type the pack does not have.
      NXKX_FUZZ_REQUIRE(e.code() == "input.unknown_code" && e.path() == "/project_type");
    }
  }
  (void)check_batch(n, known, opt);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const samples& s = corpus();
  std::optional<notice> loaded;
  try {
    loaded = notice::from_json(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const pack_error& e) {
    NXKX_FUZZ_REQUIRE(e.code().starts_with("pack."));
    return 0;
  }
  const notice& n = *loaded;

  // The catalogue and the rules, as `nxkx catalog` and `nxkx rules` read them.
  for (const auto& r : n.rules()) (void)r.clause_text();
  for (const auto& t : n.project_types()) {
    NXKX_FUZZ_REQUIRE(n.find_project_type(t.code) == &t);
    (void)n.find_contact(t.contact);
    (void)n.find_category(t.category);
    for (const std::string& k : t.eligible) NXKX_FUZZ_REQUIRE(n.find_applicant_kind(k) != nullptr);
  }
  (void)n.divisions().region();
  NXKX_FUZZ_REQUIRE(n.source().size() == size);

  check_all(n, s.apps, stage::application);
  check_all(n, s.apps, stage::completion);
  for (const std::string& text : s.texts) {
    try {
      const auto apps = parse_applications(text, n);
      check_all(n, apps, stage::application);
    } catch (const input_error&) {
      // a code the fuzzed pack does not know
    }
  }
  return 0;
}
