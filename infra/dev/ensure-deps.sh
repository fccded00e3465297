#!/bin/sh
# Installs what `npm start` and `npm test` need on a fresh machine: pnpm 10 and the workspace
# dependencies. PostgreSQL and Redis are expected on loopback (see README); we only check them.
set -e
cd "$(dirname "$0")/../.."

if ! command -v pnpm >/dev/null 2>&1 || ! pnpm --version 2>/dev/null | grep -q '^10\.'; then
  echo "[sakip] installing pnpm 10 (npm i -g pnpm@10)"
  npm i -g pnpm@10 >/dev/null
fi

if [ ! -f node_modules/.modules.yaml ] || [ pnpm-lock.yaml -nt node_modules/.modules.yaml ] || [ "${SAKIP_FORCE_INSTALL:-}" = 1 ]; then
  echo "[sakip] installing workspace dependencies (pnpm install --frozen-lockfile)"
  pnpm install --frozen-lockfile --reporter=append-only
fi

node infra/dev/check-services.mjs
