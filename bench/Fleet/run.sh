#!/usr/bin/env bash
# Fleet deploys: N databases (default 1,000) × M small migrations (default 10) on this machine's private cluster.
# In one run, over the same databases made fresh before each: a shell loop of single deploys (one process per
# database, the way teams do it today) against one `deploy --targets` process at --parallel 1, 4, 8 and 16. Then a
# fleet deploy killed with SIGKILL midway and resumed from its journal, and a breakdown of where the time goes.
# After every run each database must hold exactly M applied migrations: a double apply fails the benchmark.
# Besides wall time it counts CPU: the client's (the bundle processes) and the server's (the PostgreSQL backends that
# served the run), since on this machine both share the same cores.
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
postmaster="$(head -n 1 "$(psql_admin -c 'SHOW data_directory' postgres)/postmaster.pid")"
ticks="$(getconf CLK_TCK)"
# CPU of the backends that ended (the postmaster's reaped children): each target's connections end with it.
server_cpu() { awk -v t="$ticks" '{ printf "%.3f", ($16 + $17) / t }' "/proc/$postmaster/stat"; }

echo "creating $count databases" >&2
{ for i in $(seq 1 "$count"); do echo "DROP DATABASE IF EXISTS $(name "$i") WITH (FORCE);"; echo "CREATE DATABASE $(name "$i");"; done; } > "$work/create.sql"
psql_admin -f "$work/create.sql" postgres >/dev/null 2>&1
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

# measure KEY COMMAND…: wall seconds, client CPU seconds (the command and its children) and server CPU seconds.
declare -A wall client serv
measure() {
  local key="$1"; shift
  local before start; before="$(server_cpu)"; start="$(now)"
  /usr/bin/time -f '%U %S' -o "$work/time.txt" "$@"
  wall[$key]="$(awk -v s="$start" -v e="$(now)" 'BEGIN { printf "%.2f", e - s }')"
  sleep 0.5
  serv[$key]="$(awk -v b="$before" -v a="$(server_cpu)" 'BEGIN { printf "%.2f", a - b }')"
  client[$key]="$(awk '{ printf "%.2f", $1 + $2 }' "$work/time.txt")"
}

loop() { while read -r target; do "$bundle" deploy --connection "$target" >/dev/null || { echo "a single deploy failed" >&2; return 1; }; done < "$work/targets.txt"; }
fleet() { "$bundle" deploy --targets "$1" --parallel "$2" "${@:3}" >"$work/fleet.log" 2>&1 || { echo "fleet deploy failed: see $work/fleet.log" >&2; return 1; }; }
export -f loop; export bundle work

fresh; measure loop bash -c loop; verify "shell loop"
echo "shell loop of $count single deploys: ${wall[loop]}s" >&2
for parallel in 1 4 8 16; do
  fresh; measure "p$parallel" bash -c "$(declare -f fleet); fleet '$work/targets.txt' $parallel"; verify "fleet --parallel $parallel"
  echo "fleet deploy --parallel $parallel: ${wall[p$parallel]}s" >&2
done

# SIGKILL halfway through, then the same command again: the journal skips what finished.
fresh; rm -f "$work/targets.txt.journal"
start="$(now)"
"$bundle" deploy --targets "$work/targets.txt" --parallel 8 >"$work/killed.log" 2>&1 &
pid=$!
finished_count() { local n; n="$(grep -c '"event":"finished"' "$work/targets.txt.journal" 2>/dev/null || true)"; echo "${n:-0}"; }
while [ "$(finished_count)" -lt $((count / 2)) ]; do sleep 0.05; done
kill -KILL "$pid"; wait "$pid" 2>/dev/null || true
killed_after="$(awk -v s="$start" -v e="$(now)" 'BEGIN { printf "%.2f", e - s }')"
finished="$(finished_count)"
start="$(now)"
"$bundle" deploy --targets "$work/targets.txt" --parallel 8 >"$work/resumed.log" 2>&1 || { echo "the resumed fleet deploy failed: see $work/resumed.log" >&2; exit 1; }
resumed="$(awk -v s="$start" -v e="$(now)" 'BEGIN { printf "%.2f", e - s }')"
verify "killed and resumed"
skipped="$(grep -o '[0-9]* skipped (done in an earlier run)' "$work/resumed.log" | grep -o '^[0-9]*')"
[ -f "$work/targets.txt.journal" ] && { echo "the journal of a complete run was not removed" >&2; exit 1; }

# Where the time of one database goes, on the first $sample databases one at a time (--parallel 1), median of 3 rounds:
#   connect:    a fleet deploy that finds nothing to do (connect, pooling check, lock, read history)
#   history:    the first migration into fresh databases, minus the same into databases whose history tables exist
#   migration:  (the other M - 1 migrations - a deploy with nothing to do) / (M - 1)
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
{ for i in $(seq 1 "$sample"); do echo "\\c $(name "$i")"; echo 'DROP TABLE t1; TRUNCATE migrations_history, "VersionInfo";'; done; } > "$work/undo-first.sql"
timed() { local start; start="$(now)"; "$bundle" deploy --targets "$work/sample.txt" --parallel 1 "$@" >/dev/null 2>&1; awk -v s="$start" -v e="$(now)" -v n="$sample" 'BEGIN { printf "%.2f", 1000 * (e - s) / n }'; }
history_ms=(); migration_ms=(); connect_ms=(); help_ms=()
for round in 1 2 3; do
  fresh "$sample"
  first_fresh="$(timed --target "$first_version")"
  psql_admin -f "$work/undo-first.sql" postgres >/dev/null
  first_existing="$(timed --target "$first_version")"
  rest="$(timed)"
  noop="$(timed)"
  verify "breakdown" "$migrations" "$sample"
  history_ms+=("$(awk -v f="$first_fresh" -v e="$first_existing" 'BEGIN { print f - e }')")
  migration_ms+=("$(awk -v r="$rest" -v o="$noop" -v m="$migrations" 'BEGIN { print (r - o) / (m - 1) }')")
  connect_ms+=("$noop")
  start="$(now)"; "$bundle" --help >/dev/null; help_ms+=("$(awk -v s="$start" -v e="$(now)" 'BEGIN { print 1000 * (e - s) }')")
done

ms() { awk -v t="$1" -v n="$count" 'BEGIN { printf "%.1f", 1000 * t / n }'; }
printf '\nFleet deploy benchmark: %d databases x %d migrations; PostgreSQL 15 and the bundle (published single file) share %d cores\n\n' "$count" "$migrations" "$(nproc)"
printf '%-32s %8s %12s %14s %14s %8s\n' "run" "seconds" "ms/database" "client CPU ms" "server CPU ms" "vs loop"
printf '%-32s %8s %12s %14s %14s %8s\n' "--------------------------------" "--------" "------------" "--------------" "--------------" "--------"
best=p1
for key in loop p1 p4 p8 p16; do
  label="deploy --targets --parallel ${key#p}"; [ "$key" = loop ] && label="shell loop of single deploys"
  printf '%-32s %8.2f %12s %14s %14s %7.2fx\n' "$label" "${wall[$key]}" "$(ms "${wall[$key]}")" "$(ms "${client[$key]}")" "$(ms "${serv[$key]}")" "$(awk -v l="${wall[loop]}" -v f="${wall[$key]}" 'BEGIN { print l / f }')"
  [ "$key" != loop ] && awk -v a="${wall[$key]}" -v b="${wall[$best]}" 'BEGIN { exit !(a < b) }' && best="$key"
done
printf '(client CPU and server CPU are per database; "vs loop" is wall time)\n'
printf '\ndouble applies: 0 (every database holds exactly %d applied migrations after every run)\n' "$migrations"
printf 'SIGKILL after %ss with %d of %d targets finished; the resumed run skipped %s and finished the rest in %ss\n' "$killed_after" "$finished" "$count" "${skipped:-0}" "$resumed"
printf '\nwhere the time of one database goes (first %d databases, one at a time, median of 3 rounds):\n' "$sample"
printf '  process start-up of the bundle (--help):       %6.1f ms  (paid per database by the loop, once by a fleet)\n' "$(printf '%s\n' "${help_ms[@]}" | median)"
printf '  loop minus fleet, per database:                %6.1f ms  (start-up, assembly load, JIT, first connection: the process)\n' "$(awk -v l="${wall[loop]}" -v f="${wall[p1]}" -v n="$count" 'BEGIN { print 1000 * (l - f) / n }')"
printf '  connect, pooling check, lock, read history:    %6.1f ms  (a deploy that finds nothing to do)\n' "$(printf '%s\n' "${connect_ms[@]}" | median)"
history="$(printf '%s\n' "${history_ms[@]}" | median)"
printf '  history tables set-up (first deploy only):     %6.1f ms%s\n' "$history" "$(awk -v h="$history" 'BEGIN { if (h < 2) print "  (below this machine'"'"'s noise: one round trip of DDL)" }')"
printf '  each migration (transaction + history row):    %6.1f ms  (x %d)\n' "$(printf '%s\n' "${migration_ms[@]}" | median)" "$migrations"
pod="$(awk -v s="${wall[$best]}" -v c="$count" 'BEGIN { printf "%.0f", s * 1000 / c }')"
client_best="$(ms "${client[$best]}")"
printf '\n10,000 databases through the Indexed Job (completions 10, 1,000 databases per pod, --parallel %s): at this run'"'"'s best\n' "${best#p}"
printf 'rate a pod takes about %ss (here the server shares the pod'"'"'s 2 cores; a pod that only runs the bundle spends %s ms of\n' "$pod" "$client_best"
printf 'CPU per database, %.0fs per 1,000 on one core). Job parallelism 10: about %ss in all; 5: %ss; 1: %ss; plus each pod'"'"'s\n' "$(awk -v c="$client_best" 'BEGIN { print c }')" "$pod" "$((2 * pod))" "$((10 * pod))"
printf 'start (scheduling, image pull: seconds to a minute). The servers must accept parallelism x --parallel x 2 connections.\n'
