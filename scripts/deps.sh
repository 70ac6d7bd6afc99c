#!/usr/bin/env bash
# Installs the Debian 12 packages nxkx needs to build and test, when any is missing.
# Used by quickstart.sh, test.sh and .ci/run; does nothing (and needs no network) when all are in.
set -euo pipefail

packages=(
  cmake make g++ pkg-config
  nlohmann-json3-dev libcli11-dev libutfcpp-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  pybind11-dev python3-pybind11 python3-dev python3-pytest python3-hypothesis python3-jsonschema
  python3-venv python3-setuptools python3-wheel python3-pip
  libxlsxwriter-dev libminizip-dev libpugixml-dev
  python3-openpyxl python3-docx poppler-utils fonts-noto-cjk
  emscripten chromium
  fonts-noto-cjk
)
# fonts-noto-cjk: the browser tests' screenshots and PDF of the applicant's page show Chinese
# (tests/browser checks that the page is drawn with a CJK font).
# node and npm: the machine's own (e.g. NodeSource's, which conflicts with Debian's npm) if any.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "deps.sh: installing ${missing[*]}"
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  if ! command -v sudo >/dev/null; then
    echo "deps.sh: run as root, or install: ${missing[*]}" >&2
    exit 1
  fi
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update
"${sudo[@]}" apt-get install -y "${missing[@]}"
