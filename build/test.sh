#!/usr/bin/env bash
# Runs every test: starts the private PostgreSQL cluster, packs the SDK once for the whole run, then runs the
# test projects against both. Ends with one summary line: "N passed, N failed, N skipped".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

MIGRATIONS_TEST_POSTGRES="$(build/postgres.sh | tail -n 1)"
export MIGRATIONS_TEST_POSTGRES
MIGRATIONS_SDK_VERSION="$(build/pack.sh | tail -n 1)"
export MIGRATIONS_SDK_VERSION
export MIGRATIONS_SDK_FEED="$root/artifacts/packages"
echo "PostgreSQL: ${MIGRATIONS_TEST_POSTGRES%%;Password=*};… SDK: $MIGRATIONS_SDK_VERSION"

log="$root/artifacts/test-output.log"
mkdir -p "$root/artifacts"
status=0
dotnet test Migrations.Sdk.sln -c Release --nologo 2>&1 | tee "$log" || status=$?

# dotnet test prints one "Passed!/Failed! - Failed: N, Passed: N, Skipped: N" line per test project: add them up.
awk '/(Passed|Failed)! +- +Failed: /{
  gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
} END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
