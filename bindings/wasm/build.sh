#!/usr/bin/env bash
# Builds the WebAssembly module nxkx.js with Debian's Emscripten (apt-get install emscripten):
#   bash bindings/wasm/build.sh [BUILD_DIR]        (default: build/wasm)
# and copies it beside the portal example (examples/portal/nxkx.js; NXKX_PORTAL_COPY=0 does not).
# Prints the path of nxkx.js.
# Safe to run again: only what changed is rebuilt.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$root/build/wasm}"

command -v emcmake >/dev/null || { echo "build.sh: emcmake not found (apt-get install emscripten)" >&2; exit 1; }
# Debian's Emscripten runs its JavaScript optimiser with the machine's node, which must find
# Debian's acorn (node-acorn) there.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"

mkdir -p "$build"
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  # MinSizeRel (-Os): a quarter smaller than -O3 for a page to download, at about 1 ms a check
  # (docs/browser.md). find_package looks in the Emscripten sysroot only: the two header-only
  # libraries are named by hand (utfcpp through a stand-in, bindings/wasm/cmake/).
  emcmake cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=MinSizeRel \
    -DNXKX_BUILD_TESTS=OFF -DNXKX_BUILD_CLI=OFF -DNXKX_BUILD_PYTHON=OFF -DNXKX_BUILD_BENCH=OFF \
    -DNXKX_BUILD_C_API=OFF -DNXKX_INSTALL=OFF \
    -Dnlohmann_json_DIR=/usr/share/cmake/nlohmann_json \
    -Dutf8cpp_DIR="$root/bindings/wasm/cmake" \
    >"$build/configure.log" 2>&1 || { cat "$build/configure.log" >&2; exit 1; }
fi
cmake --build "$build" --target nxkx_wasm -j "${NXKX_JOBS:-2}" >&2
js="$build/bindings/wasm/nxkx.js"
if [[ "${NXKX_PORTAL_COPY:-1}" != 0 ]]; then
  cp "$js" "$root/examples/portal/nxkx.js"
fi
echo "$js"
