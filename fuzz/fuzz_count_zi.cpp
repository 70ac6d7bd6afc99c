// Fuzz target: count_zi on arbitrary bytes.
//
// Invariants: count_zi throws input.utf8 exactly when the bytes are not well-formed UTF-8
// (utf8cpp agrees), at the offset utf8cpp finds; word_processor ≤ non_space ≤ code_points;
// code_points is the number of code points utf8cpp counts; each single method agrees with the
// count of both.
#include <utf8.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "nxkx/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto invalid = utf8::find_invalid(text.begin(), text.end());
  try {
    const nxkx::zi_count c = nxkx::count_zi(text);
    NXKX_FUZZ_REQUIRE(invalid == text.end());
    NXKX_FUZZ_REQUIRE(c.word_processor <= c.non_space);
    NXKX_FUZZ_REQUIRE(c.non_space <= c.code_points);
    NXKX_FUZZ_REQUIRE(c.code_points ==
                      static_cast<std::size_t>(utf8::distance(text.begin(), text.end())));
    NXKX_FUZZ_REQUIRE(nxkx::count_zi(text, nxkx::count_method::word_processor) == c.word_processor);
    NXKX_FUZZ_REQUIRE(nxkx::count_zi(text, nxkx::count_method::non_space) == c.non_space);
  } catch (const nxkx::input_error& e) {
    NXKX_FUZZ_REQUIRE(e.code() == "input.utf8");
    NXKX_FUZZ_REQUIRE(invalid != text.end());
    const std::string& why = e.reason();
    const std::size_t at = why.find("at byte ");
    NXKX_FUZZ_REQUIRE(at != std::string::npos);
    const std::size_t digits = at + 8;
    const std::size_t end = why.find_first_not_of("0123456789", digits);
    NXKX_FUZZ_REQUIRE(why.substr(digits, end - digits) == std::to_string(invalid - text.begin()));
  }
  return 0;
}
