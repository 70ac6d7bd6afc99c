// Fuzz target: the C ABI (include/nxkx/nxkx.h). The first byte picks the options (some of them
// broken) and the entry point; the rest is the application text.
//
// Invariants: every call returns a status of the enum; *out is a NUL-terminated string of
// *out_len bytes, valid JSON (the report, or the error object with "status", "code", "path",
// "reason"), and never NXKX_INTERNAL.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "nxkx/nxkx.h"

namespace {

constexpr const char* option_sets[] = {
    R"({"as_of": "2025-05-20"})",
    R"({"as_of": "2025-05-20", "stage": "completion", "trace": true})",
    R"({"as_of": "2025-05-20", "format": "text", "lang": "en", "bad_credit_code": "needs_review"})",
    R"({"as_of": "2025-05-20", "threads": 2})",
    R"({"as_of": "2025-02-30"})",
    R"({"stage": "application"})",
    R"({"as_of": "2025-05-20", "colour": "red"})",
    R"([1, 2)",
};
constexpr std::size_t n_options = sizeof option_sets / sizeof option_sets[0];

const nxkx_notice* builtin() {
  static nxkx_notice* n = [] {
    nxkx_notice* out = nullptr;
    if (nxkx_notice_builtin(&out, nullptr, nullptr) != NXKX_OK || out == nullptr)
      nxkx::fuzz::invariant_failed("nxkx_notice_builtin failed");
    return out;
  }();
  return n;
}

void expect_output(nxkx_status status, char* out, std::size_t out_len, bool json) {
  NXKX_FUZZ_REQUIRE(status >= NXKX_OK && status <= NXKX_INTERNAL);
  NXKX_FUZZ_REQUIRE(status != NXKX_INTERNAL);
  NXKX_FUZZ_REQUIRE(out != nullptr);
  NXKX_FUZZ_REQUIRE(std::strlen(out) == out_len);
  if (status != NXKX_OK || json) {
    const auto doc = nlohmann::json::parse(std::string_view(out, out_len), nullptr, false);
    NXKX_FUZZ_REQUIRE(!doc.is_discarded());
    if (status != NXKX_OK)
      NXKX_FUZZ_REQUIRE(doc.is_object() && doc.contains("status") && doc.contains("code") &&
                        doc.contains("path") && doc.contains("reason"));
  }
  nxkx_free(out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t pick = data[0] % (2 * n_options);
  const char* options = option_sets[pick % n_options];
  const bool json = std::strstr(options, "\"text\"") == nullptr;
  const char* text = reinterpret_cast<const char*>(data + 1);
  const std::size_t len = size - 1;
  char* out = nullptr;
  std::size_t out_len = 0;
  const nxkx_status status = pick < n_options
                                 ? nxkx_check(builtin(), text, len, options, &out, &out_len)
                                 : nxkx_check_batch(builtin(), text, len, options, &out, &out_len);
  expect_output(status, out, out_len, json);

  out = nullptr;
  const nxkx_status counted = nxkx_count_zi(text, len, &out, &out_len);
  expect_output(counted, out, out_len, true);
  return 0;
}
