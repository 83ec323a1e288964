#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build, test and run KycOcr. Idempotent: quick when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

# Native libraries: OpenCvSharp's linux-x64 runtime links GTK 3. The offline MRZ reader's data: the OCR-B font,
# which it renders its glyph templates from (also what the synthetic documents are printed in). The browser the
# try-it page's tests drive headless (Playwright is pointed at it: it downloads none).
apt_packages=(libgtk-3-0 fonts-ocr-b chromium)
missing=()
for package in "${apt_packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Azurite (the storage emulator) and axe-core (the accessibility checker), pinned in package.json / package-lock.json.
if [ ! -x node_modules/.bin/azurite ] || [ ! -f node_modules/axe-core/axe.min.js ]; then
  echo "bootstrap: installing Azurite and axe-core (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
