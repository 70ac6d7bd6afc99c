#!/usr/bin/env bash
# Runs one libFuzzer target for a while, niced, one process (the machine is shared):
#
#   bash fuzz/run.sh TARGET [SECONDS]      TARGET: application pack count_zi credit_code c_api
#
# Builds the `fuzz` preset (clang-14) when the binary is missing, writes the seeds into
# build/fuzz/seeds, keeps the growing corpus in build/fuzz/corpus/TARGET, crashes in
# build/fuzz/artifacts/TARGET/, and the log in build/fuzz/TARGET.log (its last lines hold the
# executions: "Done N runs in S second(s)"). A crash found belongs in fuzz/regressions/TARGET/.
#
# NXKX_FUZZ_TIMEOUT=S: libFuzzer's per-input timeout in seconds (default 10; a whole number of
# at least 1). The pack target on a loaded machine needs 30: NXKX_FUZZ_TIMEOUT=30 bash fuzz/run.sh pack
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: fuzz/run.sh TARGET [SECONDS]}
seconds=${2:-600}
build=build/fuzz
bin=$build/fuzz/nxkx_fuzz_$target
timeout="${NXKX_FUZZ_TIMEOUT:-10}"
if ! [[ "$timeout" =~ ^[1-9][0-9]*$ ]]; then
  echo "fuzz/run.sh: NXKX_FUZZ_TIMEOUT must be a whole number of seconds (at least 1), not '$timeout'" >&2
  exit 2
fi

if [[ ! -x $bin ]]; then
  cmake --preset fuzz
  cmake --build --preset fuzz --target "nxkx_fuzz_$target"
fi

/usr/bin/python3 fuzz/make_seeds.py "$build/seeds"
corpus=$build/corpus/$target
artifacts=$build/artifacts/$target
mkdir -p "$corpus" "$artifacts"

args=(-max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 -print_final_stats=1
      -artifact_prefix="$artifacts/")
case $target in
  application | pack | c_api) args+=(-dict="$build/seeds/json.dict") ;;
esac
dirs=("$corpus")
[[ -d $build/seeds/$target ]] && dirs+=("$build/seeds/$target")
[[ -d fuzz/regressions/$target ]] && dirs+=("fuzz/regressions/$target")

echo "fuzz/run.sh: $target for ${seconds}s" >&2
nice -n 10 "$bin" "${args[@]}" "${dirs[@]}" 2>&1 | tee "$build/$target.log"
