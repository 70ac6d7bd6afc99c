#!/usr/bin/env bash
# Builds nxkx with the `dev` preset (Debug, warnings as errors) and runs every test with ctest:
# unit and conformance tests, the command's tests, and the consumer tests that install the
# build and use it with find_package and pkg-config. Safe to run again; works on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
cmake --preset dev
cmake --build --preset dev
ctest --preset dev
