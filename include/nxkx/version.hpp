// nxkx — the rules of 宁夏科协〔2025〕61号 as code.
#pragma once

#define NXKX_VERSION_MAJOR 0
#define NXKX_VERSION_MINOR 1
#define NXKX_VERSION_PATCH 0
#define NXKX_VERSION_STRING "0.1.0"

namespace nxkx {
/// The library's version, "MAJOR.MINOR.PATCH".
inline constexpr const char* version_string = NXKX_VERSION_STRING;
}  // namespace nxkx
