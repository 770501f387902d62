#!/bin/sh
# Embed every benchmark set the semantic eval reads (niced; resumable; logs to cache/semantic/embed.log).
set -e
cd "$(dirname "$0")/.."
mkdir -p cache/semantic
for job in "2b dev" "2b train" "2b claims" "2a dev" "2a train" "2a claims" "2b dev-ctx" "2b train-ctx" "2b lines-dev"; do
  nice -n 19 npx tsx scripts/embed-texts.ts $job
done
