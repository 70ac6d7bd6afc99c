// NXKX_EXPORT marks what the library exports: the public API of include/nxkx/. The library is
// built with hidden visibility (CMake: CXX_VISIBILITY_PRESET hidden, VISIBILITY_INLINES_HIDDEN),
// so that a shared libnxkx exports these and nothing of src/ (nxkx::detail, the rule kinds);
// tests/shared/ checks both (tests/shared/exports.cmake).
#pragma once

#if defined(_WIN32) && defined(NXKX_SHARED)
#if defined(NXKX_BUILDING)
#define NXKX_EXPORT __declspec(dllexport)
#else
#define NXKX_EXPORT __declspec(dllimport)
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define NXKX_EXPORT __attribute__((visibility("default")))
#else
#define NXKX_EXPORT
#endif
