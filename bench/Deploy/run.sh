#!/usr/bin/env bash
# Deploy throughput: 1,000 small migrations into an empty database, by the bundle and by FluentMigrator's own runner
# (same assembly, same server), several runs each, interleaved; then the time of `status` against that history.
# Prints medians and ratios. Usage: bench/Deploy/run.sh [migrations=1000] [runs=3]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
count="${1:-1000}"; runs="${2:-3}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
server="$("$root/build/postgres.sh" | tail -n 1)"
port="$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$server")"
work="$root/artifacts/bench/deploy"
version="$("$root/bench/standalone-project.sh" "$work" | tail -n 1)"
"$root/bench/Deploy/generate-migrations.sh" "$work/Bench.Migrations" "$count"
echo "building $count migrations with Migrations.Sdk $version" >&2
dotnet build "$work/Bench.Migrations" -c Release -v q --nologo >&2
bundle="$work/Bench.Migrations/bin/Release/net10.0/Bench.Migrations"
dotnet build "$root/bench/Deploy/FluentMigratorBaseline" -c Release -v q --nologo -o "$work/baseline" >&2

psql_admin() { PGPASSWORD=postgres psql -h 127.0.0.1 -p "$port" -U postgres -qtAc "$1" postgres; }
fresh_db() { psql_admin "DROP DATABASE IF EXISTS bench_deploy WITH (FORCE)"; psql_admin "CREATE DATABASE bench_deploy"; }
url="postgresql://postgres:postgres@127.0.0.1:$port/bench_deploy"
keyword="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=bench_deploy"
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); awk -v s="$start" -v e="$end" "BEGIN { printf \"%.3f\", e - s }"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

bundle_times=(); baseline_times=()
for run in $(seq 1 "$runs"); do
  fresh_db; baseline_times+=("$(seconds dotnet "$work/baseline/FluentMigratorBaseline.dll" "$work/Bench.Migrations/bin/Release/net10.0/Bench.Migrations.dll" "$keyword")")
  applied="$(PGPASSWORD=postgres psql -h 127.0.0.1 -p "$port" -U postgres -qtAc 'SELECT count(*) FROM "VersionInfo"' bench_deploy)"
  [ "$applied" = "$count" ] || { echo "the FluentMigrator baseline applied $applied of $count migrations" >&2; exit 1; }
  fresh_db; bundle_times+=("$(seconds "$bundle" deploy --connection "$url")")
  echo "run $run: FluentMigrator ${baseline_times[-1]}s, bundle ${bundle_times[-1]}s" >&2
done
bundle_median="$(printf '%s\n' "${bundle_times[@]}" | median)"
baseline_median="$(printf '%s\n' "${baseline_times[@]}" | median)"

status_times=()
for run in $(seq 1 5); do status_times+=("$(seconds "$bundle" status --connection "$url")"); done
status_median="$(printf '%s\n' "${status_times[@]}" | median)"
echo "publishing the bundle (linux-x64 single file, SDK defaults)" >&2
dotnet publish "$work/Bench.Migrations" -c Release -r linux-x64 -o "$work/published" -v q --nologo >&2
published_times=()
for run in $(seq 1 5); do published_times+=("$(seconds "$work/published/Bench.Migrations" status --connection "$url")"); done
published_median="$(printf '%s\n' "${published_times[@]}" | median)"
help_times=()
for run in $(seq 1 5); do help_times+=("$(seconds "$bundle" --help)"); done
help_median="$(printf '%s\n' "${help_times[@]}" | median)"

printf 'deploy of %d migrations: FluentMigrator runner %.2fs, bundle %.2fs (median of %d), ratio bundle/FluentMigrator %.2f\n' "$count" "$baseline_median" "$bundle_median" "$runs" "$(awk -v b="$bundle_median" -v f="$baseline_median" "BEGIN { print b / f }")"
printf 'status against %d applied migrations, median of 5, process start included: build output %.3fs, published single file %.3fs; --help alone: %.3fs\n' "$count" "$status_median" "$published_median" "$help_median"
