#!/usr/bin/env bash
# Posts every valid canonical example to a running hub and prints each answer.
#   samples/post-examples.sh [http://127.0.0.1:5080]
set -euo pipefail
hub=${1:-http://127.0.0.1:5080}
cd "$(dirname "$0")/.."
for example in schemas/sambruk-case-event/v1/examples/valid/*.json; do
  printf '%-45s ' "$(basename "$example")"
  curl -s -X POST "$hub/api/v1/events" -H 'Content-Type: application/cloudevents+json' --data-binary @"$example"
  echo
done
