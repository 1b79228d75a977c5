#!/usr/bin/env bash
# Posts every valid canonical example to a running hub and prints each answer.
#   IHUB_KEY=ihub_… samples/post-examples.sh [http://127.0.0.1:5080]
# IHUB_KEY is a key with events:write for the examples' source systems (the first administrator key will do).
set -euo pipefail
hub=${1:-http://127.0.0.1:5080}
: "${IHUB_KEY:?set IHUB_KEY to an API key (the first administrator key the hub printed, or one from POST /api/v1/keys)}"
cd "$(dirname "$0")/.."
for example in schemas/sambruk-case-event/v1/examples/valid/*.json; do
  printf '%-45s ' "$(basename "$example")"
  curl -s -X POST "$hub/api/v1/events" -H "X-Api-Key: $IHUB_KEY" -H 'Content-Type: application/cloudevents+json' --data-binary @"$example"
  echo
done
