#!/usr/bin/env bash
# Runs one command and checks what it did, for the ctest tests of tests/cli.cmake.
#
#   run.sh [--exit N] [--stdout ERE]... [--no-stdout ERE]... [--stderr ERE]... [--json]
#          [--stdin FILE] -- COMMAND [ARG...]
#
#   --exit N        the exit status expected (default 0)
#   --stdout ERE    stdout must match the extended regular expression (grep -E); repeatable
#   --no-stdout ERE stdout must not match it
#   --stderr ERE    stderr must match it; repeatable
#   --json          stdout must be one JSON document ($PYTHON -m json.tool, python3 by default)
#   --stdin FILE    standard input of the command (default: empty)
set -uo pipefail

expect_exit=0
stdout_res=()
no_stdout_res=()
stderr_res=()
check_json=0
stdin_file=/dev/null
while [[ $# -gt 0 ]]; do
  case "$1" in
    --exit) expect_exit="$2"; shift 2 ;;
    --stdout) stdout_res+=("$2"); shift 2 ;;
    --no-stdout) no_stdout_res+=("$2"); shift 2 ;;
    --stderr) stderr_res+=("$2"); shift 2 ;;
    --json) check_json=1; shift ;;
    --stdin) stdin_file="$2"; shift 2 ;;
    --) shift; break ;;
    *) echo "run.sh: unknown option $1" >&2; exit 64 ;;
  esac
done
[[ $# -gt 0 ]] || { echo "run.sh: no command" >&2; exit 64; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$@" <"$stdin_file" >"$tmp/out" 2>"$tmp/err"
status=$?

failed=0
fail() { echo "FAIL: $*"; failed=1; }

[[ "$status" == "$expect_exit" ]] || fail "exit status $status, expected $expect_exit"
for re in "${stdout_res[@]+"${stdout_res[@]}"}"; do
  grep -Eq -- "$re" "$tmp/out" || fail "stdout does not match: $re"
done
for re in "${no_stdout_res[@]+"${no_stdout_res[@]}"}"; do
  grep -Eq -- "$re" "$tmp/out" && fail "stdout matches: $re"
done
for re in "${stderr_res[@]+"${stderr_res[@]}"}"; do
  grep -Eq -- "$re" "$tmp/err" || fail "stderr does not match: $re"
done
if [[ "$check_json" == 1 ]]; then
  "${PYTHON:-python3}" -m json.tool "$tmp/out" >/dev/null || fail "stdout is not JSON"
fi

if [[ "$failed" != 0 ]]; then
  echo "--- command: $*"
  echo "--- stdout (first 60 lines):"; head -n 60 "$tmp/out"
  echo "--- stderr:"; cat "$tmp/err"
  exit 1
fi
exit 0
