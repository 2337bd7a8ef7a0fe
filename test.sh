#!/usr/bin/env bash
# Runs every test. Installs what the tests need when it is missing: Chromium and CJK fonts (the browser tests, and
# printing issues to PDF), qpdf (to make a password-protected PDF), nginx (the load-balancer tests).
set -euo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} for the tests…"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}"
fi

# The benchmarks are built too: no test references them, and a change to the library must not leave them broken.
dotnet build ArchiveSearch.slnx --nologo -v q
dotnet test ArchiveSearch.slnx "$@"
