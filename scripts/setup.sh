#!/usr/bin/env bash
# Installs what SearchService needs beyond the .NET SDK, from Debian's packages:
#   poppler-utils          pdftotext, which reads .pdf documents
#   chromium, chromium-driver  /usr/bin/chromium and /usr/bin/chromedriver, for the browser test
#                          of the search page (tests/SearchService.Api.Tests/Browser)
#   tools/openapi (npm)    Redocly's linter, openapi-typescript and TypeScript, with which the API
#                          tests check the OpenAPI description the way a front-end team uses it
# Idempotent: a package whose program is already there is skipped, and apt-get update runs only
# when the package lists do not know a package that is still missing; npm ci runs only when
# tools/openapi/node_modules is missing or older than its package-lock.json.
set -euo pipefail

install_openapi_tools() {
  local tools
  tools="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tools/openapi"
  if [ -d "$tools/node_modules" ] && [ "$tools/node_modules" -nt "$tools/package-lock.json" ]; then
    echo "already installed: OpenAPI check tools ($tools/node_modules)"
    return
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "error: npm not found; install Node.js 20 or later (e.g. apt-get install nodejs npm) for the OpenAPI checks" >&2
    exit 1
  fi
  echo "installing the OpenAPI check tools with npm ci in $tools"
  (cd "$tools" && npm ci --no-audit --no-fund)
  touch "$tools/node_modules"
}

install_debian_packages() {

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
  return 0
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
}

install_debian_packages
install_openapi_tools
