// Fuzz target: 统一社会信用代码 validation on arbitrary bytes.
//
// Invariants: a valid code is 18 characters of the GB 32100 alphabet; a failed check names a
// position inside the code and, for a check character, the right one, and putting that one in
// its place fixes that check.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "nxkx/credit_code.hpp"

namespace {

constexpr std::string_view alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

bool in_alphabet(char c) { return alphabet.find(c) != std::string_view::npos; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view code(reinterpret_cast<const char*>(data), size);
  const nxkx::credit_code_check r = nxkx::check_credit_code(code);
  (void)nxkx::to_code(r.status);
  (void)nxkx::credit_code_org_type(code);
  (void)nxkx::credit_code_division(code);
  using s = nxkx::credit_code_status;
  switch (r.status) {
    case s::valid:
      NXKX_FUZZ_REQUIRE(code.size() == 18);
      for (char c : code) NXKX_FUZZ_REQUIRE(in_alphabet(c));
      NXKX_FUZZ_REQUIRE(r.position == 0);
      break;
    case s::wrong_length:
      NXKX_FUZZ_REQUIRE(code.size() != 18);
      break;
    case s::invalid_character:
      NXKX_FUZZ_REQUIRE(code.size() == 18 && r.position >= 1 && r.position <= 18);
      NXKX_FUZZ_REQUIRE(!in_alphabet(code[static_cast<std::size_t>(r.position - 1)]));
      break;
    case s::bad_organisation_check:
    case s::bad_check_character: {
      const bool org = r.status == s::bad_organisation_check;
      NXKX_FUZZ_REQUIRE(code.size() == 18 && r.position == (org ? 17 : 18));
      NXKX_FUZZ_REQUIRE(in_alphabet(r.expected_check));
      NXKX_FUZZ_REQUIRE(code[static_cast<std::size_t>(r.position - 1)] != r.expected_check);
      std::string fixed(code);
      fixed[static_cast<std::size_t>(r.position - 1)] = r.expected_check;
      const auto again = nxkx::check_credit_code(fixed);
      NXKX_FUZZ_REQUIRE(again.status != r.status);
      NXKX_FUZZ_REQUIRE(org || again.ok());
      break;
    }
  }
  return 0;
}
