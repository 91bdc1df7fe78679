#!/usr/bin/env bash
# Backfill throughput and what it does to the application, side by side in one run: the bundle's Execute.Backfill, the
# sample's old PL/pgSQL DO loop (1,000-row key ranges, COMMIT per batch) and one plain UPDATE, each copying video_url to
# video_path on a freshly filled table of N rows. Meanwhile pgbench runs a fixed-rate update load on random rows of the
# same table; its p99 latency during each backfill is compared with the same load alone.
# Usage: bench/Backfill/run.sh [rows...] (default: 1000000 10000000); LOAD_TPS (default 200); BACKFILL_TARGET_MS and
# BACKFILL_PAUSE_MS set the backfill's TargetBatchDuration and PauseBetweenBatches (default: the operation's defaults).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
sizes=("${@:-1000000 10000000}"); read -r -a sizes <<<"${sizes[*]}"
tps="${LOAD_TPS:-200}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
server="$("$root/build/postgres.sh" | tail -n 1)"
port="$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$server")"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
work="$root/artifacts/bench/backfill"
rm -rf "$work"; mkdir -p "$work"
dotnet build "$root/bench/Backfill/BackfillBench" -c Release -v q --nologo -o "$work/bundle" >&2
bundle="$work/bundle/BackfillBench"
export PGPASSWORD=postgres
admin() { psql -h 127.0.0.1 -p "$port" -U postgres -qtAX -v ON_ERROR_STOP=1 -c "$1" postgres; }
db() { psql -h 127.0.0.1 -p "$port" -U postgres -qtAX -v ON_ERROR_STOP=1 -c "$1" bench_backfill; }
url="postgresql://postgres:postgres@127.0.0.1:$port/bench_backfill"
admin "DROP DATABASE IF EXISTS bench_backfill WITH (FORCE)"; admin "CREATE DATABASE bench_backfill"

fill() {
  db "SET client_min_messages = warning; DROP TABLE IF EXISTS projects, migrations_history, \"VersionInfo\", migrations_backfill;
      CREATE TABLE projects (id bigint PRIMARY KEY, user_id bigint NOT NULL, status text NOT NULL, video_url text, video_path text);
      INSERT INTO projects SELECT i, i % 5000, 'ready', 'https://cdn.example.com/videos/' || i || '.mp4', NULL FROM generate_series(1, $1) AS i;"
  db "VACUUM ANALYZE projects"; db "CHECKPOINT"
}

old_loop='DO $$
DECLARE last_id bigint := 0; max_id bigint;
BEGIN
  SELECT coalesce(max(id), 0) INTO max_id FROM projects;
  WHILE last_id < max_id LOOP
    UPDATE projects SET video_path = video_url WHERE id > last_id AND id <= last_id + 1000 AND video_path IS NULL AND video_url IS NOT NULL;
    last_id := last_id + 1000;
    COMMIT;
  END LOOP;
END $$'

load_db=bench_backfill
# shellcheck source=../lib/pgbench-load.sh
source "$root/bench/lib/pgbench-load.sh"

for rows in "${sizes[@]}"; do
  echo "== $rows rows" >&2
  fill "$rows"
  # Baseline: the load alone, as long as the shortest backfill is expected to take at least.
  load_start "$rows" 20 "base$rows" projects; sleep 2; from="$(now)"; sleep 15; to="$(now)"; wait "$load_pid" || true
  read -r base_p99 base_max base_n <<<"$(latency "base$rows" "$from" "$to")"
  declare -A seconds=() p99=() maxlat=()
  for method in bundle loop update; do
    fill "$rows"
    load_start "$rows" 3600 "$method$rows" projects; sleep 2
    from="$(now)"
    case "$method" in
      bundle) "$bundle" deploy --connection "$url" >"$work/$method$rows.bundle.out" 2>&1 ;;
      loop) db "$old_loop" ;;
      update) db "UPDATE projects SET video_path = video_url WHERE video_path IS NULL AND video_url IS NOT NULL" ;;
    esac
    to="$(now)"
    # Writes blocked until the end complete just after it: give them time to be logged.
    sleep 2; load_stop
    left="$(db "SELECT count(*) FROM projects WHERE video_path IS NULL")"
    [ "$left" = 0 ] || { echo "$method left $left rows without video_path" >&2; exit 1; }
    seconds[$method]="$(awk -v a="$from" -v b="$to" 'BEGIN { printf "%.2f", b - a }')"
    read -r p99[$method] maxlat[$method] _ <<<"$(latency "$method$rows" "$from" "$to")"
    echo "   $method: ${seconds[$method]}s, load p99 ${p99[$method]}ms max ${maxlat[$method]}ms" >&2
  done
  for method in bundle loop update; do
    rate="$(awk -v n="$rows" -v s="${seconds[$method]}" 'BEGIN { printf "%.0f", n / s }')"
    increase="$(awk -v a="${p99[$method]}" -v b="$base_p99" 'BEGIN { if (b > 0) printf "%+.1f%%", (a / b - 1) * 100; else print "n/a" }')"
    printf '%9d rows  %-22s %8.2fs %9s rows/s   load p99 %7sms (alone %sms, %s) max %sms\n' "$rows" \
      "$(case $method in bundle) echo 'Execute.Backfill';; loop) echo 'old PL/pgSQL DO loop';; update) echo 'single UPDATE';; esac)" \
      "${seconds[$method]}" "$rate" "${p99[$method]}" "$base_p99" "$increase" "${maxlat[$method]}"
  done
  printf '%9d rows  ratio Execute.Backfill/single UPDATE time %.2f, Execute.Backfill/old loop time %.2f (pgroll anchor: 9,355 rows/s at 300k rows)\n' "$rows" \
    "$(awk -v a="${seconds[bundle]}" -v b="${seconds[update]}" 'BEGIN { print a / b }')" "$(awk -v a="${seconds[bundle]}" -v b="${seconds[loop]}" 'BEGIN { print a / b }')"
done
