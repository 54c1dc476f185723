#!/usr/bin/env bash
# Called by .ci/run before `make test`: installs Debian's chromium and chromium-driver for the
# browser tests (tests/web) when they are missing. CI runs as root; elsewhere this needs root.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
echo "browser.sh: installing chromium and chromium-driver from the Debian packages" >&2
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
/usr/bin/chromium --version >&2
