#!/usr/bin/env bash
# API tests against the running binary: tests/api/run.sh sqlite|postgresql BIN
# postgresql uses the server named by ECOGOV_TEST_PG (scripts/pg-test start DIR); without it the
# run is skipped (exit 77), or fails when CI=1.
set -euo pipefail
backend=${1:?usage: run.sh sqlite|postgresql BIN}
bin=${2:?usage: run.sh sqlite|postgresql BIN}
here=$(cd "$(dirname "$0")" && pwd)
case $backend in
    sqlite) export ECOGOV_TEST_DB=sqlite ;;
    postgresql)
        if [[ -z ${ECOGOV_TEST_PG:-} ]]; then
            if [[ ${CI:-} == 1 ]]; then
                echo "api.postgresql: ECOGOV_TEST_PG is not set (CI=1): export ECOGOV_TEST_PG=\$(scripts/pg-test start DIR)" >&2
                exit 1
            fi
            echo "api.postgresql: skipped (set ECOGOV_TEST_PG=\$(scripts/pg-test start DIR))"
            exit 77
        fi
        export ECOGOV_TEST_DB=$ECOGOV_TEST_PG ;;
    *) echo "run.sh: backend must be sqlite or postgresql" >&2; exit 2 ;;
esac
export ECOGOV_BIN=$(realpath "$bin")
coverage=$(mktemp /tmp/ecogov-api-coverage.XXXXXX)
trap 'rm -f "$coverage"' EXIT
export ECOGOV_API_COVERAGE=$coverage
cd "$here"
node --test --test-concurrency=2 --test-reporter=spec ./*.test.mjs
node --test --test-reporter=spec ./coverage-check.mjs
