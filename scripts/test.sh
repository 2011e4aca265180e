#!/usr/bin/env bash
# Runs every check and test from a fresh clone: setup first, then formatting,
# lint, types, build, unit + integration tests, and end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1 DO_NOT_TRACK=1
bash scripts/setup.sh
step() { printf '\n\033[1;35m== %s ==\033[0m\n' "$*"; }
step "format";    pnpm exec prettier --check . --log-level warn
step "lint";      pnpm exec turbo run lint --output-logs=errors-only
step "typecheck"; pnpm exec turbo run typecheck --output-logs=errors-only
step "build";     pnpm exec turbo run build --output-logs=errors-only
step "tests: unit + integration, then end-to-end"
node scripts/runTests.cjs test test:e2e
