#!/usr/bin/env bash
# The main job: one real call end to end through the whole local stack.
#   ./scripts/start.sh [--keep] [--transport sip|twilio] [--nats-url nats://…] [--mongo-url mongodb://…] [--verbose]
# Starts nats-server and FerretDB (unless given by URL) and every service as its own process, places
# a real call (the test caller speaks a scripted conversation made with flite), prints the live
# timeline and the timings per stage, and ends with where to see the saved context.
# --transport sip (default): a baresip caller dials the gateway's SIP trunk, a second baresip is the
# human (auto-answers, records what it heard); twilio: Twilio Media Streams through a local stand-in.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1

# After ./scripts/setup.sh: the servers, the speech engines and the workspace must be there.
if [[ ! -x .tools/bin/nats-server || ! -x .tools/bin/ferretdb ]] || ! command -v flite >/dev/null ||
  ! command -v baresip >/dev/null || [[ ! -d node_modules ]]; then
  echo "setting up first (./scripts/setup.sh)…"
  bash scripts/setup.sh
fi
# The generated contract code (not committed) is all that must be built: the demo runner and every
# service run from their TypeScript sources, compiled on load by @swc/core (libs/testing/register.cjs).
if [[ ! -f libs/contracts/src/gen/warmline/call/v1/call.ts ]]; then
  echo "generating the contract code (pnpm proto:gen)…"
  pnpm -s proto:gen >/dev/null
fi
exec node --enable-source-maps --conditions=@warmline/source -r ./libs/testing/register.cjs \
  libs/local-stack/src/demo/main.ts "$@"
