# Sourced by the benchmarks: a fixed-rate pgbench update load on one table, and its latency inside a time window.
# Needs: $bin (PostgreSQL's bin directory), $port, $work (a directory), $tps, database name in $load_db.

# load_start ROWS SECONDS PREFIX TABLE: pgbench updates random rows 1..ROWS of TABLE in the background; sets $load_pid.
load_start() {
  printf '\\set id random(1, :rows)\nUPDATE %s SET id = id WHERE id = :id;\n' "$4" > "$work/load-$4.sql"
  (cd "$work" && exec "$bin/pgbench" -h 127.0.0.1 -p "$port" -U postgres -n -c 4 -j 2 -R "$tps" -T "$2" -D rows="$1" -f "load-$4.sql" -l --log-prefix="$3" "$load_db" >"$work/$3.out" 2>&1) &
  load_pid=$!
}

# Background jobs of a script ignore SIGINT; TERM ends pgbench (its last buffered log lines, after the window, may be lost).
load_stop() { kill -TERM "$load_pid" 2>/dev/null || true; wait "$load_pid" 2>/dev/null || true; }

# latency PREFIX FROM TO: "p99 max count" in ms of the transactions that started in [FROM, TO] (epoch seconds); pgbench
# logs when a transaction ended, so its start is that minus its latency.
latency() {
  cat "$work"/"$1".* 2>/dev/null | awk -v from="$2" -v to="$3" '{ t = $5 + $6 / 1e6 - $3 / 1e6; if (t >= from && t <= to) print $3 / 1000 }' | sort -n \
    | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a n/a 0"; exit } i = int(NR * 0.99); if (i < 1) i = 1; printf "%.1f %.1f %d\n", v[i], v[NR], NR }'
}

now() { date +%s.%N; }
