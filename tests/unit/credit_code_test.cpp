#include "nxkx/credit_code.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace nxkx {
namespace {

TEST(CreditCode, FactsExamplesAreValid) {
  for (std::string_view code : {"91110000600037341L", "91640100763203439G", "53640000MJX1736997",
                                "51640000MJX000018H", "52640100MJX000026E"}) {
    const credit_code_check r = check_credit_code(code);
    EXPECT_TRUE(r.ok()) << code << ": " << to_code(r.status) << " at " << r.position;
    EXPECT_EQ(r.position, 0) << code;
    EXPECT_EQ(r.expected_check, '\0') << code;
  }
}

TEST(CreditCode, CheckCharactersAtTheEdgesOfTheirRanges) {
  EXPECT_TRUE(check_credit_code("51640000MJX00000XH").ok());  // GB 11714 c = 10 -> 'X'
  EXPECT_TRUE(check_credit_code("51640000MJX000050W").ok());  // GB 11714 c = 11 -> '0'
  EXPECT_TRUE(check_credit_code("51640000MJX0001060").ok());  // mod-31 check value 0
  EXPECT_TRUE(check_credit_code("51640000MJX000296Y").ok());  // mod-31 check value 30
}

TEST(CreditCode, StandardsPrintedExampleHasAnInvalidLastCharacter) {
  // GB 32100's own example ends in 'Z', which is not in the alphabet; the right character is '3'.
  const credit_code_check r = check_credit_code("91350100M000100Y4Z");
  EXPECT_EQ(r.status, credit_code_status::invalid_character);
  EXPECT_EQ(r.position, 18);
  EXPECT_EQ(r.expected_check, '3');
  EXPECT_TRUE(check_credit_code("91350100M000100Y43").ok());
}

TEST(CreditCode, WrongLength) {
  for (std::string_view code : {"", "9", "91110000600037341", "91110000600037341LL",
                                " 91110000600037341L", "9111 0000 6000 3734 1L"}) {
    const credit_code_check r = check_credit_code(code);
    EXPECT_EQ(r.status, credit_code_status::wrong_length) << code;
    EXPECT_EQ(r.position, 0) << code;
    EXPECT_FALSE(r.ok());
  }
}

TEST(CreditCode, InvalidCharacterReportsTheFirstOne) {
  const std::string valid = "51640000MJX000018H";
  // Each letter left out of the alphabet, lower case, a space, a full stop, a non-ASCII byte.
  for (char bad : {'I', 'O', 'S', 'V', 'Z', 'j', 'x', ' ', '.', '\0', '\xE5'}) {
    for (std::size_t i = 0; i < 17; ++i) {
      std::string code = valid;
      code[i] = bad;
      const credit_code_check r = check_credit_code(code);
      EXPECT_EQ(r.status, credit_code_status::invalid_character) << code;
      EXPECT_EQ(r.position, static_cast<int>(i) + 1) << code;
      EXPECT_EQ(r.expected_check, '\0') << code;
    }
  }
  // Two bad characters: the first is reported.
  const credit_code_check r = check_credit_code("51640000MIX0000O8H");
  EXPECT_EQ(r.status, credit_code_status::invalid_character);
  EXPECT_EQ(r.position, 10);
  // Lower case is not accepted: the caller normalises.
  EXPECT_EQ(check_credit_code("51640000mjx000018h").status, credit_code_status::invalid_character);
}

TEST(CreditCode, InvalidCharacterComesBeforeTheChecks) {
  // Character 17 is also wrong here, but the bad symbol at 10 is what is reported.
  const credit_code_check r = check_credit_code("51640000MOX000019H");
  EXPECT_EQ(r.status, credit_code_status::invalid_character);
  EXPECT_EQ(r.position, 10);
}

TEST(CreditCode, BadOrganisationCheck) {
  const credit_code_check r = check_credit_code("51640000MJX000019H");
  EXPECT_EQ(r.status, credit_code_status::bad_organisation_check);
  EXPECT_EQ(r.position, 17);
  EXPECT_EQ(r.expected_check, '8');
  // Every wrong value of character 17 is caught, letters included.
  const std::string valid = "51640000MJX000018H";
  for (char c : std::string_view{"0123456789ABCDEFGHJKLMNPQRTUWXY"}) {
    if (c == '8') continue;
    std::string code = valid;
    code[16] = c;
    const credit_code_check bad = check_credit_code(code);
    EXPECT_EQ(bad.status, credit_code_status::bad_organisation_check) << code;
    EXPECT_EQ(bad.expected_check, '8') << code;
  }
  // 'X' and '0' as expected values.
  EXPECT_EQ(check_credit_code("51640000MJX000000H").expected_check, 'X');
  EXPECT_EQ(check_credit_code("51640000MJX00005XW").expected_check, '0');
}

TEST(CreditCode, OrganisationCheckComesBeforeTheLastCharacter) {
  // Both checks fail; character 17 is reported first.
  const credit_code_check r = check_credit_code("51640000MJX000019J");
  EXPECT_EQ(r.status, credit_code_status::bad_organisation_check);
  EXPECT_EQ(r.position, 17);
}

TEST(CreditCode, BadCheckCharacter) {
  const credit_code_check r = check_credit_code("51640000MJX000018J");
  EXPECT_EQ(r.status, credit_code_status::bad_check_character);
  EXPECT_EQ(r.position, 18);
  EXPECT_EQ(r.expected_check, 'H');
  const std::string valid = "91640100763203439G";
  for (char c : std::string_view{"0123456789ABCDEFGHJKLMNPQRTUWXY"}) {
    if (c == 'G') continue;
    std::string code = valid;
    code[17] = c;
    const credit_code_check bad = check_credit_code(code);
    EXPECT_EQ(bad.status, credit_code_status::bad_check_character) << code;
    EXPECT_EQ(bad.expected_check, 'G') << code;
  }
}

TEST(CreditCode, EverySingleCharacterChangeInTheFirstSixteenIsCaught) {
  // Both checks weigh every position, so no single substitution slips through.
  const std::string valid = "53640000MJX1736997";
  for (std::size_t i = 0; i < 16; ++i) {
    for (char c : std::string_view{"0123456789ABCDEFGHJKLMNPQRTUWXY"}) {
      if (c == valid[i]) continue;
      std::string code = valid;
      code[i] = c;
      EXPECT_FALSE(check_credit_code(code).ok()) << code;
    }
  }
}

TEST(CreditCode, StatusCodes) {
  EXPECT_EQ(to_code(credit_code_status::valid), "valid");
  EXPECT_EQ(to_code(credit_code_status::wrong_length), "wrong_length");
  EXPECT_EQ(to_code(credit_code_status::invalid_character), "invalid_character");
  EXPECT_EQ(to_code(credit_code_status::bad_organisation_check), "bad_organisation_check");
  EXPECT_EQ(to_code(credit_code_status::bad_check_character), "bad_check_character");
  EXPECT_EQ(to_code(static_cast<credit_code_status>(99)), "");
}

TEST(CreditCode, Parts) {
  EXPECT_EQ(credit_code_org_type("51640000MJX000018H"), "51");
  EXPECT_EQ(credit_code_division("51640000MJX000018H"), "640000");
  EXPECT_EQ(credit_code_division("52640100MJX000026E"), "640100");
  EXPECT_EQ(credit_code_org_type("5"), "");
  EXPECT_EQ(credit_code_division("5164000"), "");
}

}  // namespace
}  // namespace nxkx
