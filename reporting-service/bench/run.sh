#!/usr/bin/env bash
# Report benchmark (not a test): generates a read model of the given size in the test stack's PostgreSQL (database
# reporting_bench, dropped and created again; the test stack is started if it is not running) and prints p50/p95/max
# per report at province (P01), district (P01.D01) and national scope; with `facts`, the province again without the
# roll-ups by anchor (what they save).
#   reporting-service/bench/run.sh [people] [turns] [runs] [facts]   e.g. 30000 300000 20 (province), 2500000 1000000 20
set -euo pipefail
cd "$(dirname "$0")/../.."
people=${1:-30000}
turns=${2:-300000}
runs=${3:-20}
facts=${4:-}
exec ./mvnw -B -ntp -q -pl reporting-service -Pbenchmark test-compile exec:java -Dexec.args="$people $turns $runs $facts"
