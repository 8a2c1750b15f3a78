#!/usr/bin/env bash
# Installs what the E2E tests need: Debian's chromium and firefox-esr, and openssl (the fixture
# server's self-signed certificate). Run as root (sudo bash scripts/install-browsers.sh); `npm test`
# runs it itself when one is missing and it runs as root (scripts/bootstrap.mjs). Idempotent: does
# nothing when all are installed.
set -euo pipefail

missing=()
for pkg in chromium firefox-esr openssl; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-browsers: chromium, firefox-esr and openssl already installed"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-browsers: need root to install ${missing[*]}; run: sudo bash scripts/install-browsers.sh" >&2
  exit 1
fi

echo "install-browsers: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y "${missing[@]}"
