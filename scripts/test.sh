#!/usr/bin/env bash
# Builds nxkx with the `dev` preset (Debug, warnings as errors) and runs every test with ctest:
# unit and conformance tests, the command's tests, the consumer tests that install the build and
# use it with find_package and pkg-config, and the fuzz targets replaying their seed corpus and
# regressions. Then builds the `asan` preset and runs the same C++ suite under AddressSanitizer
# and UndefinedBehaviorSanitizer (-fno-sanitize-recover: any report fails the test); the tests
# that load the library into an uninstrumented interpreter (python.*, schema.*) and the
# WebAssembly ones run in the dev half only (the `asan` test preset leaves them out). Last, the
# `tsan` preset builds the unit tests and the command under ThreadSanitizer and runs the tests
# that use threads (threaded batches, one notice shared by threads, check --jsonl; the `tsan`
# test preset selects them): any data race fails. The test presets run two tests at a time.
# About 34 minutes on 2 cores from a clean clone (2026-12-07).
# Safe to run again; works on a fresh clone. NXKX_SKIP_ASAN=1 skips the ASan stage,
# NXKX_SKIP_TSAN=1 the TSan one.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
cmake --preset dev
cmake --build --preset dev
ctest --preset dev

if [[ ${NXKX_SKIP_ASAN:-0} != 1 ]]; then
  cmake --preset asan
  cmake --build --preset asan
  ctest --preset asan
fi

if [[ ${NXKX_SKIP_TSAN:-0} != 1 ]]; then
  cmake --preset tsan
  cmake --build --preset tsan
  ctest --preset tsan
fi
