// Uses nxkx::office as an installed package: checks one application and writes the batch as an
// Excel workbook and as CSV, then reads the workbook's first bytes back (a zip archive).
//   nxkx_office_consumer FILE AS_OF OUT.xlsx
#include <fstream>
#include <iostream>
#include <iterator>
#include <nxkx/nxkx.hpp>
#include <nxkx/office.hpp>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: nxkx_office_consumer FILE AS_OF OUT.xlsx\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  try {
    const nxkx::notice& n = nxkx::notice::builtin();
    nxkx::check_options opt;
    opt.as_of = nxkx::parse_date(argv[2]).value();
    const std::vector<nxkx::report> reports{nxkx::check(n, nxkx::parse_application(text, n), opt)};
    const nxkx::desk_batch batch{reports, {}};
    nxkx::write_xlsx(argv[3], batch, n);
    std::cout << nxkx::to_csv(batch, n);
    std::ifstream xlsx(argv[3], std::ios::binary);
    std::string head(4, '\0');
    xlsx.read(head.data(), 4);
    if (head != "PK\x03\x04") {
      std::cerr << argv[3] << " is not a workbook\n";
      return 1;
    }
  } catch (const nxkx::error& e) {
    std::cerr << e.what() << '\n';
    return 2;
  }
  return 0;
}
