#!/usr/bin/env bash
# Fleet deploys: N databases (default 1,000) × M small migrations (default 10) on this machine's private cluster.
# In one run, over the same databases made fresh before each: a shell loop of single deploys (one process per
# database, the way teams do it today) against one `deploy --targets` process at --parallel 1, 4, 8 and 16. Then a
# fleet deploy killed with SIGKILL midway and resumed from its journal, and a breakdown of where the time goes.
# After every run each database must hold exactly M applied migrations: a double apply fails the benchmark.
# Usage: bench/Fleet/run.sh [databases=1000] [migrations=10] [breakdown-databases=200]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
count="${1:-1000}"; migrations="${2:-10}"; sample="${3:-200}"
(( sample > count )) && sample="$count"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
server="$("$root/build/postgres.sh" | tail -n 1)"
port="$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$server")"
work="$root/artifacts/bench/fleet"
version="$("$root/bench/standalone-project.sh" "$work" | tail -n 1)"
"$root/bench/Deploy/generate-migrations.sh" "$work/Bench.Migrations" "$migrations"
echo "publishing a bundle of $migrations migrations (linux-x64 single file, SDK defaults) with Migrations.Sdk $version" >&2
dotnet publish "$work/Bench.Migrations" -c Release -r linux-x64 -o "$work/published" -v q --nologo >&2
bundle="$work/published/Bench.Migrations"
first_version="$(grep -ho 'Migration([0-9]*)' "$work/Bench.Migrations/Migrations/M1.cs" | tr -dc 0-9)"

psql_admin() { PGPASSWORD=postgres psql -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
name() { printf 'fleet_%05d' "$1"; }
url() { printf 'postgresql://postgres:postgres@127.0.0.1:%s/%s' "$port" "$(name "$1")"; }
now() { date +%s.%N; }
elapsed() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.2f", e - s }'; }

echo "creating $count databases" >&2
{ for i in $(seq 1 "$count"); do echo "DROP DATABASE IF EXISTS $(name "$i") WITH (FORCE);"; echo "CREATE DATABASE $(name "$i");"; done; } > "$work/create.sql"
psql_admin -f "$work/create.sql" postgres >/dev/null
for i in $(seq 1 "$count"); do url "$i"; echo; done > "$work/targets.txt"
head -n "$sample" "$work/targets.txt" > "$work/sample.txt"

# Fresh again: drop everything a deploy made (tables, history) in every database, in one psql session.
fresh() {
  local n="${1:-$count}"
  { for i in $(seq 1 "$n"); do echo "\\c $(name "$i")"; echo "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"; done; } > "$work/fresh.sql"
  psql_admin -f "$work/fresh.sql" postgres >/dev/null 2>&1
}

# Every database: exactly the expected number of applied migrations, each version once (no double apply).
verify() {
  local label="$1" expected="${2:-$migrations}" n="${3:-$count}"
  { for i in $(seq 1 "$n"); do echo "\\c $(name "$i")"; echo "SELECT count(*) FILTER (WHERE state = 'applied') || ' ' || count(DISTINCT version) FILTER (WHERE state = 'applied') FROM migrations_history;"; done; } > "$work/verify.sql"
  local wrong
  wrong="$(psql_admin -f "$work/verify.sql" postgres 2>&1 | grep -cvx "$expected $expected" || true)"
  if [ "$wrong" != "0" ]; then echo "$label: $wrong database(s) do not hold exactly $expected applied migrations" >&2; exit 1; fi
}

declare -A seconds
run_loop() {
  fresh; local start; start="$(now)"
  while read -r target; do "$bundle" deploy --connection "$target" >/dev/null || { echo "a single deploy failed" >&2; exit 1; }; done < "$work/targets.txt"
  seconds[loop]="$(elapsed "$start")"; verify "shell loop"
  echo "shell loop of $count single deploys: ${seconds[loop]}s" >&2
}

run_fleet() {
  local parallel="$1"; fresh; local start; start="$(now)"
  "$bundle" deploy --targets "$work/targets.txt" --parallel "$parallel" >"$work/fleet-$parallel.log" 2>&1 || { echo "fleet --parallel $parallel failed: see $work/fleet-$parallel.log" >&2; exit 1; }
  seconds[p$parallel]="$(elapsed "$start")"; verify "fleet --parallel $parallel"
  echo "fleet deploy --parallel $parallel: ${seconds[p$parallel]}s" >&2
}

run_loop
for parallel in 1 4 8 16; do run_fleet "$parallel"; done

# SIGKILL halfway through, then the same command again: the journal skips what finished.
fresh; rm -f "$work/targets.txt.journal"
start="$(now)"
"$bundle" deploy --targets "$work/targets.txt" --parallel 8 >"$work/killed.log" 2>&1 &
pid=$!
finished_count() { local n; n="$(grep -c '"event":"finished"' "$work/targets.txt.journal" 2>/dev/null || true)"; echo "${n:-0}"; }
while [ "$(finished_count)" -lt $((count / 2)) ]; do sleep 0.05; done
kill -KILL "$pid"; wait "$pid" 2>/dev/null || true
killed_after="$(elapsed "$start")"
finished="$(finished_count)"
start="$(now)"
"$bundle" deploy --targets "$work/targets.txt" --parallel 8 >"$work/resumed.log" 2>&1 || { echo "the resumed fleet deploy failed: see $work/resumed.log" >&2; exit 1; }
resumed="$(elapsed "$start")"
verify "killed and resumed"
skipped="$(grep -o '[0-9]* skipped (done in an earlier run)' "$work/resumed.log" | grep -o '^[0-9]*')"
[ -f "$work/targets.txt.journal" ] && { echo "the journal of a complete run was not removed" >&2; exit 1; }

# Where the time goes, on the first $sample databases, one at a time (--parallel 1, in one process, against the loop):
#   process:    --help (start-up, nothing else); the loop per database minus the fleet per database
#   connect:    a fleet deploy that finds nothing to do (connect, pooling check, lock, read history)
#   history:    the first migration into fresh databases, minus the same into databases whose history tables exist
#   migration:  (the other M - 1 migrations - a deploy with nothing to do) / (M - 1)
help_start="$(now)"; for _ in 1 2 3 4 5; do "$bundle" --help >/dev/null; done; help="$(awk -v t="$(elapsed "$help_start")" 'BEGIN { printf "%.3f", t / 5 }')"
fresh "$sample"; start="$(now)"; "$bundle" deploy --targets "$work/sample.txt" --parallel 1 --target "$first_version" >/dev/null 2>&1; first_fresh="$(elapsed "$start")"
verify "first migration only" 1 "$sample"
{ for i in $(seq 1 "$sample"); do echo "\\c $(name "$i")"; echo 'DROP TABLE t1; TRUNCATE migrations_history, "VersionInfo";'; done; } > "$work/undo-first.sql"
psql_admin -f "$work/undo-first.sql" postgres >/dev/null
start="$(now)"; "$bundle" deploy --targets "$work/sample.txt" --parallel 1 --target "$first_version" >/dev/null 2>&1; first_existing="$(elapsed "$start")"
start="$(now)"; "$bundle" deploy --targets "$work/sample.txt" --parallel 1 >/dev/null 2>&1; rest="$(elapsed "$start")"
start="$(now)"; "$bundle" deploy --targets "$work/sample.txt" --parallel 1 >/dev/null 2>&1; noop="$(elapsed "$start")"
verify "breakdown" "$migrations" "$sample"

ms() { awk -v t="$1" -v n="$2" 'BEGIN { printf "%.1f", 1000 * t / n }'; }
printf '\nFleet deploy benchmark: %d databases x %d migrations, PostgreSQL 15 on the same 2 cores, published single-file bundle\n\n' "$count" "$migrations"
printf '%-34s %9s %13s %9s\n' "run" "seconds" "ms/database" "vs loop"
printf '%-34s %9s %13s %9s\n' "----------------------------------" "---------" "-------------" "---------"
printf '%-34s %9.2f %13s %8.2fx\n' "shell loop of single deploys" "${seconds[loop]}" "$(ms "${seconds[loop]}" "$count")" 1
best=p1
for parallel in 1 4 8 16; do
  key="p$parallel"
  printf '%-34s %9.2f %13s %8.2fx\n' "deploy --targets --parallel $parallel" "${seconds[$key]}" "$(ms "${seconds[$key]}" "$count")" "$(awk -v l="${seconds[loop]}" -v f="${seconds[$key]}" 'BEGIN { print l / f }')"
  awk -v a="${seconds[$key]}" -v b="${seconds[$best]}" 'BEGIN { exit !(a < b) }' && best="$key"
done
printf '\ndouble applies: 0 (every database holds exactly %d applied migrations after every run)\n' "$migrations"
printf 'SIGKILL after %ss with %d of %d targets finished; the resumed run skipped %s and finished the rest in %ss\n' "$killed_after" "$finished" "$count" "${skipped:-0}" "$resumed"
printf '\nwhere the time of one database goes (first %d databases, one at a time):\n' "$sample"
connect="$(ms "$noop" "$sample")"
per_migration="$(awk -v r="$rest" -v o="$noop" -v n="$sample" -v m="$migrations" 'BEGIN { printf "%.1f", 1000 * (r - o) / n / (m - 1) }')"
history="$(awk -v f="$first_fresh" -v e="$first_existing" -v n="$sample" 'BEGIN { printf "%.1f", 1000 * (f - e) / n }')"
fleet_each="$(ms "${seconds[p1]}" "$count")"; loop_each="$(ms "${seconds[loop]}" "$count")"
printf '  process start-up (--help):                      %6.1f ms\n' "$(awk -v h="$help" 'BEGIN { print 1000 * h }')"
printf '  one process per database (loop - fleet, each): %6.1f ms  (start-up, assembly load, JIT, DI container: paid once in a fleet)\n' "$(awk -v l="$loop_each" -v f="$fleet_each" 'BEGIN { print l - f }')"
printf '  connect, pooling check, lock, read history:    %6s ms\n' "$connect"
printf '  history tables set-up (first deploy only):     %6s ms\n' "$history"
printf '  each migration (transaction + history row):    %6s ms  (x %d)\n' "$per_migration" "$migrations"
best_each="$(ms "${seconds[$best]}" "$count")"
pod="$(awk -v s="${seconds[$best]}" -v c="$count" 'BEGIN { printf "%.0f", s * 1000 / c }')"
printf '\n10,000 databases through the Indexed Job (completions 10, --parallel %s per pod): each pod deploys 1,000, about %ss at\n' "${best#p}" "$pod"
printf 'this run'"'"'s best rate (%s ms/database, with the server on the same 2 cores). Job parallelism 10: about %ss in all;\n' "$best_each" "$pod"
printf 'parallelism 5: %ss; 1: %ss; plus each pod'"'"'s start (scheduling, image pull: seconds to a minute). The servers must\n' "$((2 * pod))" "$((10 * pod))"
printf 'accept parallelism x --parallel x 2 connections between them (160 at parallelism 10 and --parallel 8).\n'
