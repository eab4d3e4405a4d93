#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium and Firefox ESR; nothing downloads a browser of its own.
# The time-stamp tests run a local time-stamp authority made with openssl (issue #20).
# Installs whichever is missing (needs root and apt-get), or says how to.
set -euo pipefail
missing=()
[[ -x /usr/lib/chromium/chromium || -n "${CHROMIUM_PATH:-}" ]] || missing+=(chromium)
[[ -x /usr/bin/firefox-esr || -n "${FIREFOX_PATH:-}" ]] || missing+=(firefox-esr)
command -v openssl >/dev/null || missing+=(openssl)
((${#missing[@]} == 0)) && exit 0
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} from Debian's packages…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "The tests need: ${missing[*]}. Install with: sudo apt-get install --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
