// A main() for a fuzz target built without libFuzzer: runs LLVMFuzzerTestOneInput on every file
// given, and on every regular file under every directory given (sorted, recursively). ctest
// runs it on the seed corpus and on fuzz/regressions/<target>/ with the normal build.
//
//   nxkx_replay_<target> [--member KEY] PATH...
//
// With --member KEY, a file that is a JSON object with member KEY is replaced by that member's
// text, and, when the member is an array, by each element's text too (compact): this is how the
// conformance cases (tests/conformance/cases/*.json) become application inputs.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

std::size_t runs = 0;

void run(const std::string& bytes) {
  // A copy in a buffer of exactly its size, so that ASan sees a read past the end.
  std::vector<std::uint8_t> buf(bytes.begin(), bytes.end());
  LLVMFuzzerTestOneInput(buf.data(), buf.size());
  ++runs;
}

void run_file(const fs::path& p, std::string_view member) {
  std::ifstream in(p, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!member.empty()) {
    const auto doc = nlohmann::json::parse(bytes, nullptr, false);
    if (doc.is_object() && doc.contains(member)) {
      const auto& m = doc[std::string(member)];
      run(m.dump());
      if (m.is_array())
        for (const auto& item : m) run(item.dump());
      return;
    }
  }
  run(bytes);
}

}  // namespace

int main(int argc, char** argv) {
  std::string member;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--member" && i + 1 < argc) {
      member = argv[++i];
      continue;
    }
    const fs::path p(arg);
    if (fs::is_directory(p)) {
      std::vector<fs::path> found;
      for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file() && e.path().filename().string().front() != '.')
          found.push_back(e.path());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(p)) {
      files.push_back(p);
    } else {
      std::fprintf(stderr, "replay: no such file or directory: %s\n", argv[i]);
      return 2;
    }
  }
  for (const auto& f : files) run_file(f, member);
  std::printf("replay: %zu inputs from %zu files, no crash\n", runs, files.size());
  return runs == 0 ? 2 : 0;  // nothing replayed is a broken test, not a pass
}
