// The driver of bench/boost_json_size.sh: reads a JSON-lines file and prints how many values
// its lines hold, read by Boost.JSON's basic_parser with the token handler (NXKX_PROBE_TOKENS),
// by boost::json::parse (NXKX_PROBE_DOM), or by nothing (the baseline of the code-size
// comparison: the same program without a parser). Built natively and with em++.
#include <cstdio>
#include <fstream>
#include <string>

#include "boost_json_tokens.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s FILE.jsonl\n", argv[0]);
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::size_t lines = 0, values = 0, bad = 0;
#if defined(NXKX_PROBE_TOKENS)
  nxkx_probe::token_parser tp;
  nxkx_probe::document doc;
#endif
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    ++lines;
#if defined(NXKX_PROBE_TOKENS)
    const nxkx_probe::result r = tp.parse(line, doc);
#elif defined(NXKX_PROBE_DOM)
    const nxkx_probe::result r = nxkx_probe::dom_parse(line);
#else
    nxkx_probe::result r;
    r.ok = !line.empty();
    r.values = line.size();
#endif
    if (r.ok)
      values += r.values;
    else
      ++bad;
  }
  std::printf("%zu lines, %zu values, %zu refused\n", lines, values, bad);
  return bad == 0 ? 0 : 1;
}
