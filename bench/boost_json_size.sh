#!/usr/bin/env bash
# Boost.JSON 1.81 (Debian libboost1.81-dev, header-only): does its parser build with Debian's
# em++ 3.1.6, does it give the same answers there, and what does it cost in code size, natively
# (g++ -O3, as the release preset) and as WebAssembly (em++ -Os, as bindings/wasm/build.sh).
#
#   bash bench/boost_json_size.sh [OUT_DIR]      (default build/release/bench/json-size)
#
# Three builds of bench/boost_json_em.cpp, a driver that reads a JSON-lines file: without a
# parser (the baseline), with basic_parser and the token handler (boost_json_tokens.cpp and the
# few .ipp files of boost_json_min.cpp), and with boost::json::parse (boost/json/src.hpp). The
# code-size cost is each build's size less the baseline's. The input is the realistic mix
# (NXKX_MIX, default build/release/bench/mix/mix-1000.jsonl); native and WebAssembly must count
# the same values, or the script exits 1.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/build/release/bench/json-size}"
mix="${NXKX_MIX:-$root/build/release/bench/mix/mix-1000.jsonl}"
bench="$root/bench"
[[ -f "$mix" ]] || { echo "boost_json_size.sh: no $mix (bench/realistic_mix.py writes it)" >&2; exit 2; }
command -v em++ >/dev/null || { echo "boost_json_size.sh: em++ not found (apt-get install emscripten)" >&2; exit 2; }
# Debian's Emscripten runs its JavaScript optimiser with the machine's node (node-acorn).
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
mkdir -p "$out"
cd "$out"

# Unused functions are dropped in both (wasm-ld does by default): each build pays only for
# what its driver calls.
native=(g++ -std=c++20 -O3 -DNDEBUG -ffunction-sections -fdata-sections -Wl,--gc-sections -I"$bench")
wasm=(em++ -std=c++20 -Os -fexceptions -idirafter /usr/include -I"$bench")
declare -A srcs=(
  [base]="$bench/boost_json_em.cpp"
  [tokens]="$bench/boost_json_em.cpp $bench/boost_json_tokens.cpp $bench/boost_json_min.cpp"
  [dom]="$bench/boost_json_em.cpp $bench/boost_json_dom.cpp"
)
declare -A defs=([base]="" [tokens]="-DNXKX_PROBE_TOKENS" [dom]="-DNXKX_PROBE_DOM")

text_size() { size -A "$1" | awk '$1 == ".text" { print $2 }'; }

failed=0
echo "em++: $(em++ --version | head -1)"
for b in base tokens dom; do
  # shellcheck disable=SC2086
  "${native[@]}" ${defs[$b]} ${srcs[$b]} -o "native-$b"
  strip -o "native-$b.stripped" "native-$b"
  # shellcheck disable=SC2086
  "${wasm[@]}" ${defs[$b]} ${srcs[$b]} -sNODERAWFS=1 -o "wasm-$b.js"
  # Node 20 cannot fetch a .wasm beside the script from a path: a single-file build to run.
  # shellcheck disable=SC2086
  "${wasm[@]}" ${defs[$b]} ${srcs[$b]} -sNODERAWFS=1 -sSINGLE_FILE=1 -o "run-$b.js"
  n_out="$(./"native-$b" "$mix")"
  w_out="$(node "run-$b.js" "$mix")"
  same=yes
  [[ "$n_out" == "$w_out" ]] || { same="NO (native: $n_out; wasm: $w_out)"; failed=1; }
  printf '%-7s native %-44s wasm same answer: %s\n' "$b" "$n_out" "$same"
done

base_n=$(stat -c %s native-base.stripped) base_t=$(text_size native-base)
base_w=$(stat -c %s wasm-base.wasm)
echo
echo "code size over the baseline driver (bytes):"
printf '  %-58s %10s %10s %10s\n' "" "native" ".text" "wasm -Os"
for b in tokens dom; do
  what="basic_parser + token handler + error/stack/resource .ipp"
  [[ $b == dom ]] && what="boost::json::parse into a DOM (boost/json/src.hpp)"
  printf '  %-58s %10d %10d %10d\n' "$what" $(($(stat -c %s "native-$b.stripped") - base_n)) \
    $(($(text_size "native-$b") - base_t)) $(($(stat -c %s "wasm-$b.wasm") - base_w))
done

# For comparison: today's reader (tokenizer and walk into the model) as the release build
# compiles it.
json_in="$root/build/release/CMakeFiles/nxkx.dir/src/json_in.cpp.o"
if [[ -f "$json_in" ]]; then
  printf '  %-58s %10s %10d\n' "today: src/json_in.cpp.o (tokenizer + walk; .text)" "" "$(text_size "$json_in")"
fi
exit $failed
