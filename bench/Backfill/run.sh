#!/usr/bin/env bash
# Backfill throughput and what it does to the application, side by side in one run: the bundle's Execute.Backfill (at
# its defaults, or at each setting of BACKFILL_CONFIGS), the sample's old PL/pgSQL DO loop (1,000-row key ranges, COMMIT
# per batch) and one plain UPDATE, each copying video_url to video_path on a freshly filled table of N rows. Meanwhile
# pgbench runs a fixed-rate update load on random rows of the same table; its p99 latency during each backfill is
# compared with the same load alone, measured just before that backfill (the machine's load drifts; a paired baseline
# does not).
# A last line runs no backfill but a process that keeps one CPU busy half the time: on a shared 2-core machine that
# alone moves the load's p99, which is what to read the backfills' figures against.
# Usage: bench/Backfill/run.sh [rows...] (default: 1000000 10000000); LOAD_TPS (default 200); METHODS (default
# "bundle loop update cpu"); BACKFILL_CONFIGS: space-separated target_ms/pause/max_batch settings of the bundle's backfill,
# pause in ms or "x" followed by a multiple of the batch's own duration, "-" for the default (e.g. "-/-/- 200/10/100000").
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
sizes=("${@:-1000000 10000000}"); read -r -a sizes <<<"${sizes[*]}"
tps="${LOAD_TPS:-200}"
read -r -a methods <<<"${METHODS:-bundle loop update cpu}"
read -r -a configs <<<"${BACKFILL_CONFIGS:--/-/-}"
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

# run METHOD CONFIG: one backfill of the freshly filled table; sets $seconds.
run() {
  local from to
  from="$(now)"
  case "$1" in
    bundle)
      IFS=/ read -r target pause max <<<"$2"
      BACKFILL_TARGET_MS="${target#-}" BACKFILL_PAUSE="${pause#-}" BACKFILL_MAX_BATCH="${max#-}" \
        "$bundle" deploy --connection "$url" >"$work/bundle-${2//\//_}.out" 2>&1 ;;
    loop) db "$old_loop" ;;
    update) db "UPDATE projects SET video_path = video_url WHERE video_path IS NULL AND video_url IS NOT NULL" ;;
    # No database at all: a process busy half of every 40ms for 15s, what any work on this machine does to the load.
    cpu) python3 -c 'import time
end = time.time() + 15
while time.time() < end:
    start = time.time()
    while time.time() - start < 0.02: pass
    time.sleep(0.02)' ;;
  esac
  to="$(now)"
  seconds="$(awk -v a="$from" -v b="$to" 'BEGIN { printf "%.2f", b - a }')"
  window=("$from" "$to")
  # The bundle's own window is its first to its last batch (server time, as pgbench's log): not the process start.
  [ "$1" != bundle ] || read -r -a window <<<"$(db "SELECT extract(epoch FROM started_at), extract(epoch FROM finished_at) FROM migrations_backfill" | tr '|' ' ')"
}

# alone PREFIX: p99 of the load alone on the freshly filled table, over 15s.
alone() {
  load_start "$rows" 19 "$1" projects; sleep 2; from="$(now)"; sleep 15; to="$(now)"; wait "$load_pid" || true
  latency "$1" "$from" "$to" | cut -d' ' -f1
}

label() { case "$1" in bundle) [ "$2" = "-/-/-" ] && echo "Execute.Backfill" || echo "Execute.Backfill $2";; loop) echo "old PL/pgSQL DO loop";; update) echo "single UPDATE";; cpu) echo "no backfill, CPU busy 50% (15s)";; esac; }

for rows in "${sizes[@]}"; do
  echo "== $rows rows" >&2
  declare -A seconds_of=()
  # How far two windows of the load alone differ on this machine now: the noise any increase below is read against.
  fill "$rows"; first_alone="$(alone "control-a")"; second_alone="$(alone "control-b")"
  printf '%9d rows  %-34s p99 %sms, then %sms (%s): the noise floor\n' "$rows" "load alone, twice" "$first_alone" "$second_alone" \
    "$(awk -v a="$second_alone" -v b="$first_alone" 'BEGIN { printf "%+.1f%%", (a / b - 1) * 100 }')"
  for method in "${methods[@]}"; do
    variants=("-"); [ "$method" = bundle ] && variants=("${configs[@]}")
    for config in "${variants[@]}"; do
      key="$method $config"
      [ "$method" = cpu ] || fill "$rows"
      # The load alone, just before, on the same freshly filled table.
      base_p99="$(alone "base-$method-${config//\//_}")"
      load_start "$rows" 7200 "run-$method-${config//\//_}" projects; sleep 2
      run "$method" "$config"
      # Writes blocked until the end complete just after it: give them time to be logged.
      sleep 2; load_stop
      left="$(db "SELECT count(*) FROM projects WHERE video_path IS NULL")"
      [ "$left" = 0 ] || [ "$method" = cpu ] || { echo "$key left $left rows without video_path" >&2; exit 1; }
      read -r p99 maxlat _ <<<"$(latency "run-$method-${config//\//_}" "${window[0]}" "${window[1]}")"
      seconds_of[$key]="$seconds"
      rate="$(awk -v n="$rows" -v s="$seconds" -v m="$method" 'BEGIN { if (m == "cpu") print "-"; else printf "%.0f", n / s }')"
      increase="$(awk -v a="$p99" -v b="$base_p99" 'BEGIN { if (b > 0 && a != "n/a") printf "%+.1f%%", (a / b - 1) * 100; else print "n/a" }')"
      printf '%9d rows  %-34s %8.2fs %9s rows/s   load p99 %7sms (alone %sms, %s) max %sms   load avg %s\n' "$rows" "$(label "$method" "$config")" \
        "$seconds" "$rate" "$p99" "$base_p99" "$increase" "$maxlat" "$(cut -d' ' -f1 /proc/loadavg)"
    done
  done
  first="bundle ${configs[0]}"
  if [ -n "${seconds_of[$first]:-}" ] && [ -n "${seconds_of[update -]:-}" ] && [ -n "${seconds_of[loop -]:-}" ]; then
    printf '%9d rows  ratio %s/single UPDATE time %.2f, /old loop time %.2f (pgroll anchor: 9,355 rows/s at 300k rows)\n' "$rows" "$(label bundle "${configs[0]}")" \
      "$(awk -v a="${seconds_of[$first]}" -v b="${seconds_of[update -]}" 'BEGIN { print a / b }')" "$(awk -v a="${seconds_of[$first]}" -v b="${seconds_of[loop -]}" 'BEGIN { print a / b }')"
  fi
  unset seconds_of
done
