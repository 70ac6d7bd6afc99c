#!/usr/bin/env bash
# Every figure of issue 13 in one run, on the release preset, printed as one table with the
# issue's targets (bench/README.md, "Realistic mix (issue 13)").
#
#   bash bench/run_all.sh [--count 20000] [--repetitions 7] [--cpu 0] [--skip-build] [--no-probe]
#
# 1. builds nxkx_bench, nxkx_json_probe, the command and the Python package (release preset);
# 2. writes the realistic mix (bench/realistic_mix.py, seed 13) and measures its decisions with
#    the command;
# 3. runs, each --repetitions times (medians are reported; Google Benchmark interleaves the
#    repetitions of its benchmarks at random, so that a slow spell of this shared machine does
#    not fall on one of them): nxkx_bench (the mix in process, one
#    thread; an accepted 2 KB application end to end; the rules alone; loading the pack),
#    bench/python_check_many.py --mix (texts and dicts), `nxkx check --jsonl` pinned to one core
#    (taskset -c CPU) to /dev/null and to a file, and nxkx_json_probe (Boost.JSON);
# 4. checks every face's answers against the generator's measured decisions (the benchmarks
#    check their own; the command's output file is counted here) and prints the table
#    (bench/summarize.py). Results stay in build/release/bench/run/.
#
# Other engineers share this machine's 2 cores: the load average is printed before and after,
# and the times are CPU times unless the column says wall.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count=20000 reps=7 cpu=0 build=1 probe=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --count) count="$2"; shift 2 ;;
    --repetitions) reps="$2"; shift 2 ;;
    --cpu) cpu="$2"; shift 2 ;;
    --skip-build) build=0; shift ;;
    --no-probe) probe=0; shift ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "run_all.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if ! [[ $reps =~ ^[0-9]+$ ]] || ((reps < 2)); then
  echo "run_all.sh: --repetitions must be a whole number of at least 2 (the table gives medians), not '$reps'" >&2
  exit 2
fi
py=/usr/bin/python3
rel="$root/build/release"
run="$rel/bench/run"
mixdir="$rel/bench/mix"
mix="$mixdir/mix-$count.jsonl"
mkdir -p "$run"
rm -f "$run"/{nxkx_bench,python,probe}.json "$run"/{cli.tsv,cli-out.jsonl,load.txt,table.md}
load() { cut -d' ' -f1-3 /proc/loadavg; }

if [[ $build == 1 ]]; then
  export CMAKE_CXX_COMPILER_LAUNCHER=ccache CMAKE_C_COMPILER_LAUNCHER=ccache CCACHE_BASEDIR=/work CCACHE_NOHASHDIR=1
  cmake --preset release -S "$root" >"$run/configure.log" 2>&1 || { cat "$run/configure.log" >&2; exit 1; }
  targets=(nxkx_bench nxkx_cli nxkx_python)
  if [[ $probe == 1 ]]; then
    # The probe is built only when Boost's CMake package is found (bench/CMakeLists.txt).
    if ! grep -q '^Boost_DIR:PATH=.*cmake/Boost' "$rel/CMakeCache.txt"; then
      echo "run_all.sh: nxkx_json_probe needs Boost.JSON (apt-get install libboost1.81-dev)," \
           "or leave it out with --no-probe" >&2
      exit 1
    fi
    targets+=(nxkx_json_probe)
  fi
  cmake --build "$rel" -j2 --target "${targets[@]}" >"$run/build.log" 2>&1 ||
    { tail -50 "$run/build.log" >&2; exit 1; }
fi

echo "== the realistic mix ($count applications)" >&2
"$py" "$root/bench/realistic_mix.py" --count "$count" --out "$mixdir" --nxkx "$rel/nxkx" --quiet | tee "$run/mix.txt" >&2

echo "load before: $(load)" | tee "$run/load.txt" >&2
echo "== nxkx_bench" >&2
"$rel/bench/nxkx_bench" --mix="$mix" \
  --benchmark_filter='^(mix/|end_to_end/application/.*@2kb|rules_only/application/|pack_load$|pack_load_builtin$)' \
  --benchmark_repetitions="$reps" --benchmark_enable_random_interleaving=true \
  --benchmark_report_aggregates_only=true \
  --benchmark_out="$run/nxkx_bench.json" --benchmark_out_format=json >"$run/nxkx_bench.txt" 2>&1 ||
  { cat "$run/nxkx_bench.txt" >&2; echo "nxkx_bench: a wrong answer or a failure" >&2; exit 1; }
echo "   load: $(load)" | tee -a "$run/load.txt" >&2

echo "== Python check_many" >&2
PYTHONPATH="$rel/python" "$py" "$root/bench/python_check_many.py" --mix "$mix" --threads 1 \
  --repeat "$reps" --json "$run/python.json" | tee "$run/python.txt" >&2
echo "   load: $(load)" | tee -a "$run/load.txt" >&2

echo "== nxkx check --jsonl on CPU $cpu" >&2
: >"$run/cli.tsv"
for ((i = 0; i < reps; i++)); do
  for target in devnull file; do
    dest=/dev/null
    [[ $target == file ]] && dest="$run/cli-out.jsonl"
    status=0
    /usr/bin/time -f "%e %U %S" -o "$run/time.txt" taskset -c "$cpu" "$rel/nxkx" check --jsonl --quiet \
      --as-of 2025-05-20 "$mix" >"$dest" || status=$?
    # 1: not every application accepted (the mix has findings); 2 or more: a failure.
    [[ $status -le 1 ]] || { echo "nxkx check --jsonl exited $status" >&2; exit 1; }
    printf '%s\t%s\n' "$target" "$(tail -1 "$run/time.txt")" >>"$run/cli.tsv"
  done
done
echo "   load: $(load)" | tee -a "$run/load.txt" >&2

if [[ $probe == 1 ]]; then
  echo "== nxkx_json_probe (Boost.JSON)" >&2
  "$rel/bench/nxkx_json_probe" --mix="$mix" --benchmark_repetitions="$reps" \
    --benchmark_enable_random_interleaving=true \
    --benchmark_report_aggregates_only=true --benchmark_out="$run/probe.json" \
    --benchmark_out_format=json >"$run/probe.txt" 2>&1 ||
    { cat "$run/probe.txt" >&2; echo "nxkx_json_probe: a wrong answer or a failure" >&2; exit 1; }
  sed -n '/^strictness/,/^amounts/p' "$run/probe.txt" >&2
  echo "   load: $(load)" | tee -a "$run/load.txt" >&2
fi

"$py" "$root/bench/summarize.py" --run "$run" --mix "$mix" | tee "$run/table.md"
