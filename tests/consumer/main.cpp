// Checks one application with the built-in notice and asserts its decision:
//   nxkx_consumer FILE AS_OF EXPECTED_DECISION   (e.g. accepted, rejected)
#include <fstream>
#include <iostream>
#include <iterator>
#include <nxkx/nxkx.hpp>
#include <string>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: nxkx_consumer FILE AS_OF EXPECTED_DECISION\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in.is_open()) {
    std::cerr << "cannot open " << argv[1] << '\n';
    return 2;
  }
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  try {
    const nxkx::notice& n = nxkx::notice::builtin();
    const nxkx::application a = nxkx::parse_application(text, n);
    nxkx::check_options opt;
    opt.as_of = nxkx::parse_date(argv[2]).value();
    const nxkx::report r = nxkx::check(n, a, opt);
    std::cout << nxkx::to_text(r, nxkx::lang::en, n);
    const auto expected = nxkx::from_code<nxkx::decision>(argv[3]);
    if (!expected || r.decision != *expected) {
      std::cerr << "expected " << argv[3] << ", got " << nxkx::to_code(r.decision) << '\n';
      return 1;
    }
  } catch (const nxkx::error& e) {
    std::cerr << argv[1] << ": " << e.path() << ": " << e.reason() << " [" << e.code() << "]\n";
    return 2;
  }
  return 0;
}
