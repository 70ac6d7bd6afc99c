# Turns a file into a C++ source holding its bytes: cmake -DIN=… -DOUT=… -DSYMBOL=… -P embed.cmake
# It also holds their SHA-256 (lower-case hex) as SYMBOL_sha256, so that the library does not
# hash its own built-in pack each time a process loads it.
file(READ "${IN}" hex HEX)
file(SHA256 "${IN}" digest)
string(LENGTH "${hex}" n)
math(EXPR size "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE "${OUT}.tmp"
  "// Generated from ${IN} by cmake/embed.cmake. Do not edit.\n"
  "#include <cstddef>\n#include <string_view>\n"
  "namespace nxkx::detail {\n"
  "static const char ${SYMBOL}_bytes[] = {${bytes}'\\0'};\n"
  "extern const std::string_view ${SYMBOL}{${SYMBOL}_bytes, ${size}};\n"
  "extern const std::string_view ${SYMBOL}_sha256{\"${digest}\"};\n"
  "}  // namespace nxkx::detail\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
