#include "nxkx/credit_code.hpp"

#include <array>
#include <cstddef>
#include <string_view>

namespace nxkx {
namespace {

// GB 32100-2015: digits and upper-case letters without I, O, S, V, Z; the index is the value.
constexpr std::string_view alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int alphabet_size = 31;

constexpr std::array<int, 256> make_values() {
  std::array<int, 256> values{};
  for (auto& v : values) v = -1;
  for (std::size_t i = 0; i < alphabet.size(); ++i)
    values[static_cast<unsigned char>(alphabet[i])] = static_cast<int>(i);
  return values;
}
constexpr std::array<int, 256> values = make_values();

// Weights of characters 1-17: 3^(i-1) mod 31.
constexpr std::array<int, 17> make_weights() {
  std::array<int, 17> weights{};
  int w = 1;
  for (auto& weight : weights) {
    weight = w;
    w = w * 3 % alphabet_size;
  }
  return weights;
}
constexpr std::array<int, 17> weights = make_weights();
static_assert(weights[3] == 27 && weights[4] == 19 && weights[16] == 28);

// GB 11714 (the old 组织机构代码, characters 9-17) reads characters as base-36 digits, A=10 …
// Z=35, not as positions in the 31-symbol alphabet.
constexpr int base36(char c) noexcept { return c >= '0' && c <= '9' ? c - '0' : c - 'A' + 10; }

constexpr std::array<int, 8> organisation_weights{3, 7, 9, 10, 5, 8, 4, 2};

constexpr char organisation_check(std::string_view code) noexcept {
  int sum = 0;
  for (std::size_t i = 0; i < organisation_weights.size(); ++i)
    sum += organisation_weights[i] * base36(code[8 + i]);
  const int c = 11 - sum % 11;
  return c == 10 ? 'X' : c == 11 ? '0' : static_cast<char>('0' + c);
}

constexpr char final_check(std::string_view code) noexcept {
  int sum = 0;
  for (std::size_t i = 0; i < weights.size(); ++i)
    sum += weights[i] * values[static_cast<unsigned char>(code[i])];
  return alphabet[static_cast<std::size_t>((alphabet_size - sum % alphabet_size) % alphabet_size)];
}

}  // namespace

credit_code_check check_credit_code(std::string_view code) noexcept {
  if (code.size() != 18) return {credit_code_status::wrong_length, 0, '\0'};
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (values[static_cast<unsigned char>(code[i])] >= 0) continue;
    // A bad symbol in the check position still leaves the right one computable; say it, so a
    // typo such as the standard's own example (…4Z) can be corrected from the message alone.
    const bool in_check_position = i == 17;  // then characters 1-17 are all valid
    return {credit_code_status::invalid_character, static_cast<int>(i) + 1,
            in_check_position ? final_check(code) : '\0'};
  }
  if (const char expected = organisation_check(code); code[16] != expected)
    return {credit_code_status::bad_organisation_check, 17, expected};
  if (const char expected = final_check(code); code[17] != expected)
    return {credit_code_status::bad_check_character, 18, expected};
  return {};
}

}  // namespace nxkx
