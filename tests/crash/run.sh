#!/usr/bin/env bash
# Crash-safety tests (SQLite): tests/crash/run.sh BIN
set -euo pipefail
bin=${1:?usage: run.sh BIN}
export ECOGOV_BIN=$(realpath "$bin")
export ECOGOV_TEST_DB=sqlite
cd "$(dirname "$0")"
node --test --test-reporter=spec ./crash.test.mjs
