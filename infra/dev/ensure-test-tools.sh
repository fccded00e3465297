#!/bin/sh
# System tools the tests use, from Debian's packages, installed only when missing:
# chromium (browser journeys), poppler-utils (PDF pages → PNG), librdkafka-dev + pkg-config
# + a C compiler (the Kafka test broker built from librdkafka's mock cluster).
set -e
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v pdftoppm >/dev/null 2>&1 || missing="$missing poppler-utils"
[ -f /usr/include/librdkafka/rdkafka_mock.h ] || missing="$missing librdkafka-dev"
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
command -v cc >/dev/null 2>&1 || missing="$missing gcc"
[ -z "$missing" ] && exit 0
echo "[sakip] installing test tools:$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends $missing >/dev/null 2>&1 || {
  $SUDO apt-get update >/dev/null
  $SUDO apt-get install -y --no-install-recommends $missing >/dev/null
}
