#!/usr/bin/env bash
# Write stall of the sample's index, constraint and column migrations on 1M-row tables under a fixed-rate pgbench update
# load on the table each one touches: p99 and max latency of the load while the migration runs, in its safe form (as the
# sample writes it) and in the naive form, against the same load alone measured just before on the same fresh tables
# (the machine's load drifts; a paired baseline does not). One line per migration, then the worst, then how far two
# windows of the load alone differ: the noise floor the increases are read against.
# Usage: bench/WriteStall/run.sh [rows=1000000]; LOAD_TPS (default 200).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rows="${1:-1000000}"; tps="${LOAD_TPS:-200}"; load_db=bench_stall
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PGPASSWORD=postgres
server="$("$root/build/postgres.sh" | tail -n 1)"
port="$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$server")"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
work="$root/artifacts/bench/write-stall"
rm -rf "$work"; mkdir -p "$work"
# shellcheck source=../lib/pgbench-load.sh
source "$root/bench/lib/pgbench-load.sh"
dotnet build "$root/bench/Backfill/BackfillBench" -c Release -v q --nologo -o "$work/bundle" >&2
admin() { psql -h 127.0.0.1 -p "$port" -U postgres -qtAX -v ON_ERROR_STOP=1 -c "$1" postgres; }
db() { psql -h 127.0.0.1 -p "$port" -U postgres -qtAX -v ON_ERROR_STOP=1 -c "$1" "$load_db"; }
admin "DROP DATABASE IF EXISTS $load_db WITH (FORCE)"; admin "CREATE DATABASE $load_db"

fresh() {
  db "SET client_min_messages = warning; DROP TABLE IF EXISTS user_preferences, glossary2, glossary, projects, users, migrations_history, \"VersionInfo\", migrations_backfill CASCADE;
      CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text);
      INSERT INTO users SELECT i, 'u' || i || '@example.com', 'user ' || i FROM generate_series(1, $rows) AS i;
      CREATE TABLE projects (id bigint PRIMARY KEY, user_id bigint NOT NULL, status text NOT NULL DEFAULT 'draft', video_url text);
      INSERT INTO projects SELECT i, i, 'ready', 'https://cdn.example.com/' || i || '.mp4' FROM generate_series(1, $rows) AS i;
      CREATE TABLE glossary (id bigint PRIMARY KEY, project_id bigint NOT NULL, source_term text NOT NULL, target_term text NOT NULL);
      INSERT INTO glossary SELECT i, 1 + i % 20000, 'term ' || i, 'Begriff ' || i FROM generate_series(1, $rows) AS i;"
  db "VACUUM ANALYZE"; db "CHECKPOINT"
}

# name | table the load updates | setup before the measured step | safe form | naive form
migrations=(
  "AddGlossary (new table, FK to projects)|projects||SET lock_timeout = '5s'; CREATE TABLE glossary2 (id bigint PRIMARY KEY, project_id bigint NOT NULL REFERENCES projects (id), source_term text NOT NULL)|CREATE TABLE glossary2 (id bigint PRIMARY KEY, project_id bigint NOT NULL, source_term text NOT NULL); INSERT INTO glossary2 SELECT id, project_id, source_term FROM glossary; ALTER TABLE glossary2 ADD FOREIGN KEY (project_id) REFERENCES projects (id)"
  "IndexGlossaryTerms|glossary||CREATE INDEX CONCURRENTLY ix_glossary_project_id_source_term ON glossary (project_id, source_term)|CREATE INDEX ix_glossary_project_id_source_term ON glossary (project_id, source_term)"
  "AddUserPhone|users||SET lock_timeout = '5s'; ALTER TABLE users ADD COLUMN phone text|BEGIN; ALTER TABLE users ADD COLUMN phone text NOT NULL DEFAULT ''; UPDATE users SET phone = email; COMMIT"
  "CreateUserPreferences (FK to users)|users||SET lock_timeout = '5s'; CREATE TABLE user_preferences (user_id bigint PRIMARY KEY REFERENCES users (id), locale text NOT NULL DEFAULT 'en')|BEGIN; CREATE TABLE user_preferences (user_id bigint PRIMARY KEY, locale text NOT NULL DEFAULT 'en'); INSERT INTO user_preferences (user_id) SELECT id FROM users; ALTER TABLE user_preferences ADD FOREIGN KEY (user_id) REFERENCES users (id); COMMIT"
  "AddProjectVideoPath|projects||SET lock_timeout = '5s'; ALTER TABLE projects ADD COLUMN video_path text|BEGIN; ALTER TABLE projects ADD COLUMN video_path text; UPDATE projects SET video_path = video_url; COMMIT"
  "BackfillProjectVideoPath|projects|ALTER TABLE projects ADD COLUMN video_path text|BUNDLE|UPDATE projects SET video_path = video_url WHERE video_path IS NULL AND video_url IS NOT NULL"
  "DropProjectVideoUrl|projects||SET lock_timeout = '5s'; ALTER TABLE projects DROP COLUMN video_url|ALTER TABLE projects DROP COLUMN video_url"
)

run_step() {
  if [ "$1" = BUNDLE ]; then "$work/bundle/BackfillBench" deploy --connection "postgresql://postgres:postgres@127.0.0.1:$port/$load_db" >"$work/bundle.out" 2>&1
  else psql -h 127.0.0.1 -p "$port" -U postgres -qtAX -v ON_ERROR_STOP=1 "$load_db" >/dev/null <<<"$1"; fi
}

# alone PREFIX TABLE: p99 of the load alone on TABLE over 10s.
alone() {
  load_start "$rows" 13 "$1" "$2"; sleep 2; from="$(now)"; sleep 10; to="$(now)"; wait "$load_pid" || true
  latency "$1" "$from" "$to" | cut -d' ' -f1
}

worst_name=""; worst=-1000
for entry in "${migrations[@]}"; do
  IFS='|' read -r name table setup safe naive <<<"$entry"
  line="$(printf '%-36s' "$name")"
  for form in safe naive; do
    fresh
    [ -z "$setup" ] || db "$setup"
    base="$(alone "base-$form-$name" "$table")"
    sql="$safe"; [ "$form" = naive ] && sql="$naive"
    load_start "$rows" 3600 "$form-$name" "$table"; sleep 2
    from="$(now)"; run_step "$sql"; to="$(now)"
    # At least 3s of load in the window: a migration of milliseconds would otherwise be judged on a handful of writes.
    until_="$(awk -v f="$from" -v t="$to" 'BEGIN { printf "%.3f", (t - f < 3) ? f + 3 : t }')"
    sleep "$(awk -v u="$until_" -v n="$(now)" 'BEGIN { d = u - n + 2; print (d > 0) ? d : 0 }')"
    load_stop
    read -r p99 max n <<<"$(latency "$form-$name" "$from" "$until_")"
    seconds="$(awk -v f="$from" -v t="$to" 'BEGIN { printf "%.2f", t - f }')"
    increase="$(awk -v a="$p99" -v b="$base" 'BEGIN { if (a == "n/a") print "n/a"; else printf "%+.0f%%", (a / b - 1) * 100 }')"
    line+="$(printf '  %s %6ss p99 %7sms (alone %5sms, %6s) max %8sms' "$form" "$seconds" "$p99" "$base" "$increase" "$max")"
    if [ "$form" = safe ] && [ "$increase" != n/a ]; then
      value="${increase%\%}"; value="${value#+}"
      if awk -v a="$value" -v b="$worst" 'BEGIN { exit !(a > b) }'; then worst="$value"; worst_name="$name"; fi
    fi
  done
  echo "$line"
done
printf 'worst safe form: %s, p99 %+.0f%% over the load alone (goal: at most +5%%; %s tps, 4 clients, %d-row tables)\n' "$worst_name" "$worst" "$tps" "$rows"
first="$(alone control-a projects)"; second="$(alone control-b projects)"
printf 'load alone, twice: p99 %sms, then %sms (%s): the noise floor\n' "$first" "$second" "$(awk -v a="$second" -v b="$first" 'BEGIN { printf "%+.0f%%", (a / b - 1) * 100 }')"
