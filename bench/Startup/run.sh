#!/usr/bin/env bash
# Size and start-up of the published bundle: the sample published with the SDK's defaults (self-contained single file,
# ReadyToRun, uncompressed) and with compression, against the framework-dependent build output as the baseline.
# Prints the median time of `status` against a deployed database. Usage: bench/Startup/run.sh [runs=7]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-7}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
server="$("$root/build/postgres.sh" | tail -n 1)"
port="$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$server")"
"$root/build/pack.sh" >/dev/null
sample="$root/samples/VideoDubbing.Migrations"
work="$root/artifacts/bench/startup"
rm -rf "$work"; mkdir -p "$work"
dotnet build "$sample" -c Release -v q --nologo >&2
dotnet publish "$sample" -c Release -r linux-x64 -o "$work/default" -v q --nologo >&2
dotnet publish "$sample" -c Release -r linux-x64 -p:EnableCompressionInSingleFile=true -p:PublishReadyToRun=false -o "$work/compressed" -v q --nologo >&2

PGPASSWORD=postgres psql -h 127.0.0.1 -p "$port" -U postgres -qtAc "DROP DATABASE IF EXISTS bench_startup WITH (FORCE)" postgres
PGPASSWORD=postgres psql -h 127.0.0.1 -p "$port" -U postgres -qtAc "CREATE DATABASE bench_startup" postgres
export DATABASE_URL="postgresql://postgres:postgres@127.0.0.1:$port/bench_startup"
"$sample/bin/Release/net10.0/VideoDubbing.Migrations" deploy >/dev/null

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
measure() { local times=(); for _ in $(seq 1 "$runs"); do times+=("$(seconds "$1" status)"); done; printf '%s\n' "${times[@]}" | median; }

baseline="$(measure "$sample/bin/Release/net10.0/VideoDubbing.Migrations")"
default="$(measure "$work/default/VideoDubbing.Migrations")"
compressed="$(measure "$work/compressed/VideoDubbing.Migrations")"
size() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f MB", b / 1000000 }'; }
printf 'status, median of %d: build output (needs .NET) %.3fs; single file, SDK defaults (ReadyToRun, uncompressed, %s) %.3fs = %.2fx; single file, compressed, no ReadyToRun (%s) %.3fs = %.2fx\n' \
  "$runs" "$baseline" "$(size "$work/default/VideoDubbing.Migrations")" "$default" "$(awk -v a="$default" -v b="$baseline" 'BEGIN { print a / b }')" \
  "$(size "$work/compressed/VideoDubbing.Migrations")" "$compressed" "$(awk -v a="$compressed" -v b="$baseline" 'BEGIN { print a / b }')"
