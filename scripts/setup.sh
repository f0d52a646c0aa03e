#!/usr/bin/env bash
# Installs what SearchService needs beyond the .NET SDK, from Debian's packages:
#   poppler-utils          pdftotext, which reads .pdf documents
#   chromium, chromium-driver  /usr/bin/chromium and /usr/bin/chromedriver, for the browser test
#                          of the search page (tests/SearchService.Api.Tests/Browser)
# Idempotent: a package whose program is already there is skipped, and apt-get update runs only
# when the package lists do not know a package that is still missing.
set -euo pipefail

# program to look for -> Debian package that provides it
programs=(pdftotext chromium chromedriver)
packages=(poppler-utils chromium chromium-driver)

missing=()
for i in "${!programs[@]}"; do
  if command -v "${programs[$i]}" >/dev/null 2>&1; then
    echo "already installed: ${programs[$i]} ($(command -v "${programs[$i]}"))"
  else
    missing+=("${packages[$i]}")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "nothing to install"
  exit 0
fi

echo "to install: ${missing[*]}"

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: apt-get not found; install ${missing[*]} (or your system's equivalents) with your package manager" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
    echo "not root: using sudo for apt-get (it may ask for your password)"
  else
    echo "error: installing packages needs root. Run this script as root (su -c scripts/setup.sh)," >&2
    echo "       or ask an administrator to run: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

for package in "${missing[@]}"; do
  if ! apt-cache show "$package" >/dev/null 2>&1; then
    echo "the package lists do not know $package yet: running apt-get update"
    $SUDO apt-get update
    break
  fi
done

DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"

for program in "${programs[@]}"; do
  if ! command -v "$program" >/dev/null 2>&1; then
    echo "error: $program is still missing after the install" >&2
    exit 1
  fi
done
echo "installed: ${missing[*]}"
