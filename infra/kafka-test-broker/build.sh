#!/bin/sh
# Builds infra/kafka-test-broker/bin/sakip-kafka-mock from broker.c.
# Installs librdkafka-dev + pkg-config with apt-get only when the mock header is
# missing; rebuilds only when broker.c (or this script) is newer than the binary.
# Progress goes to stderr so callers can keep stdout clean.
set -eu

DIR=$(cd "$(dirname "$0")" && pwd)
SRC="$DIR/broker.c"
OUT="$DIR/bin/sakip-kafka-mock"

if [ ! -f /usr/include/librdkafka/rdkafka_mock.h ] || ! command -v pkg-config >/dev/null 2>&1; then
  echo "kafka-test-broker: installing librdkafka-dev pkg-config" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y librdkafka-dev pkg-config >&2 || {
    $SUDO apt-get update >&2 && $SUDO apt-get install -y librdkafka-dev pkg-config >&2
  }
fi

if [ -x "$OUT" ] && [ ! "$SRC" -nt "$OUT" ] && [ ! "$0" -nt "$OUT" ]; then
  exit 0
fi

mkdir -p "$DIR/bin"
TMP="$OUT.tmp.$$"
# shellcheck disable=SC2046
cc -O2 -Wall -Wextra -o "$TMP" "$SRC" $(pkg-config --cflags --libs rdkafka) -lpthread
mv -f "$TMP" "$OUT"
echo "kafka-test-broker: built $OUT" >&2
