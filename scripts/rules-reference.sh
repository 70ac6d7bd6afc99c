#!/usr/bin/env bash
# Writes docs/notice/rules.zh.md and docs/notice/rules.en.md — the rules reference of the built-in
# pack, per project type (`nxkx pack doc`) — from data/notice-2025.json, so that the reference and
# the pack cannot drift. Run it whenever the pack changes (a title, a threshold, a reading).
#
#   scripts/rules-reference.sh [--check] [NXKX]
#
#   NXKX     the nxkx command (default: build/dev/nxkx, then nxkx on PATH)
#   --check  change nothing; exit 1 if a committed page is not what the pack gives
#            (ctest: docs.rules_reference)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
check=0
if [[ "${1:-}" == "--check" ]]; then
  check=1
  shift
fi
nxkx=${1:-}
if [[ -z "$nxkx" ]]; then
  if [[ -x "$root/build/dev/nxkx" ]]; then nxkx="$root/build/dev/nxkx"; else nxkx=nxkx; fi
fi

status=0
for lang in zh en; do
  page="$root/docs/notice/rules.$lang.md"
  fresh=$(mktemp)
  trap 'rm -f "$fresh"' EXIT
  "$nxkx" pack doc --lang "$lang" --format md -o "$fresh" "$root/data/notice-2025.json"
  if [[ "$check" == 1 ]]; then
    if ! cmp -s "$fresh" "$page"; then
      echo "docs/notice/rules.$lang.md is not what data/notice-2025.json gives:" >&2
      diff -u "$page" "$fresh" | head -n 40 >&2 || true
      echo "run scripts/rules-reference.sh to regenerate it" >&2
      status=1
    fi
  else
    mv "$fresh" "$page"
    chmod 644 "$page"
    echo "wrote docs/notice/rules.$lang.md"
  fi
done
exit "$status"
