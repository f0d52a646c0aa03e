#!/usr/bin/env bash
# Installs what SearchService needs beyond the .NET SDK: poppler-utils, whose pdftotext reads .pdf
# documents. Idempotent: does nothing when pdftotext is already on PATH, and runs apt-get update
# only when the package lists do not know poppler-utils yet.
set -euo pipefail

if command -v pdftotext >/dev/null 2>&1; then
  echo "pdftotext already installed: $(command -v pdftotext)"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: apt-get not found; install poppler-utils (which provides pdftotext) with your package manager" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

if ! apt-cache show poppler-utils >/dev/null 2>&1; then
  $SUDO apt-get update
fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends poppler-utils
echo "installed: $(command -v pdftotext)"
