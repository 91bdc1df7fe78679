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
# Wall time and the CPU time (user + system) of the client process: on a machine shared with other work the CPU time
# barely moves with the load, the wall time does. Prints "wall cpu".
timed() { local out; out="$(mktemp)"; /usr/bin/time -f '%e %U %S' -o "$out" "$@" >/dev/null; awk '{ printf "%.3f %.3f", $1, $2 + $3 }' "$out"; rm -f "$out"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

bundle_times=(); baseline_times=(); bundle_cpu=(); baseline_cpu=()
for run in $(seq 1 "$runs"); do
  fresh_db; read -r wall cpu <<<"$(timed dotnet "$work/baseline/FluentMigratorBaseline.dll" "$work/Bench.Migrations/bin/Release/net10.0/Bench.Migrations.dll" "$keyword")"
  baseline_times+=("$wall"); baseline_cpu+=("$cpu")
  applied="$(PGPASSWORD=postgres psql -h 127.0.0.1 -p "$port" -U postgres -qtAc 'SELECT count(*) FROM "VersionInfo"' bench_deploy)"
  [ "$applied" = "$count" ] || { echo "the FluentMigrator baseline applied $applied of $count migrations" >&2; exit 1; }
  fresh_db; read -r wall cpu <<<"$(timed "$bundle" deploy --connection "$url")"
  bundle_times+=("$wall"); bundle_cpu+=("$cpu")
  echo "run $run: FluentMigrator ${baseline_times[-1]}s (CPU ${baseline_cpu[-1]}s), bundle ${bundle_times[-1]}s (CPU ${bundle_cpu[-1]}s), load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done
bundle_median="$(printf '%s\n' "${bundle_times[@]}" | median)"
baseline_median="$(printf '%s\n' "${baseline_times[@]}" | median)"
bundle_cpu_median="$(printf '%s\n' "${bundle_cpu[@]}" | median)"
baseline_cpu_median="$(printf '%s\n' "${baseline_cpu[@]}" | median)"

# From the build output status reads the checksums the build wrote beside the assembly; with them set aside it renders
# every migration, as the published single file does: both, interleaved.
manifest="$work/Bench.Migrations/bin/Release/net10.0/Bench.Migrations.checksums"
status_times=(); rendering_times=()
for run in $(seq 1 5); do
  status_times+=("$(seconds "$bundle" status --connection "$url")")
  mv "$manifest" "$manifest.aside"; rendering_times+=("$(seconds "$bundle" status --connection "$url")"); mv "$manifest.aside" "$manifest"
done
status_median="$(printf '%s\n' "${status_times[@]}" | median)"
rendering_median="$(printf '%s\n' "${rendering_times[@]}" | median)"
echo "publishing the bundle (linux-x64 single file, SDK defaults)" >&2
dotnet publish "$work/Bench.Migrations" -c Release -r linux-x64 -o "$work/published" -v q --nologo >&2
published_times=()
for run in $(seq 1 5); do published_times+=("$(seconds "$work/published/Bench.Migrations" status --connection "$url")"); done
published_median="$(printf '%s\n' "${published_times[@]}" | median)"
help_times=()
for run in $(seq 1 5); do help_times+=("$(seconds "$bundle" --help)"); done
help_median="$(printf '%s\n' "${help_times[@]}" | median)"

printf 'deploy of %d migrations: FluentMigrator runner %.2fs, bundle %.2fs (median of %d), ratio bundle/FluentMigrator %.2f; client CPU FluentMigrator %.2fs, bundle %.2fs, ratio %.2f; load average %s\n' "$count" "$baseline_median" "$bundle_median" "$runs" "$(awk -v b="$bundle_median" -v f="$baseline_median" "BEGIN { print b / f }")" \
  "$baseline_cpu_median" "$bundle_cpu_median" "$(awk -v b="$bundle_cpu_median" -v f="$baseline_cpu_median" "BEGIN { print b / f }")" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'status against %d applied migrations, median of 5, process start included: build output %.3fs (the build'"'"'s checksums; rendering them instead %.3fs), published single file %.3fs; --help alone: %.3fs; load average %s\n' "$count" "$status_median" "$rendering_median" "$published_median" "$help_median" "$(cut -d' ' -f1-3 /proc/loadavg)"
