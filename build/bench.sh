# shellcheck shell=bash
# ./twin bench: one silo on a fresh Azurite with a synthetic park, driven by the load tool in a
# separate process; prints one table of the figures issue 7 sets targets for, and keeps it in
# TestResults/bench/<timestamp>.md. Sourced by ./twin after build/common.sh, azurite.sh, silo.sh.
# docs/performance.md explains the method and what each figure means.

BENCH_SIZE="park-10k" BENCH_TWINS=10000
BENCH_RATE=10000 BENCH_CLIENTS=100 BENCH_SECONDS=30 BENCH_WARMUP=5
BENCH_HOT_SECONDS=10 BENCH_WIDE_CLIENTS=1000 BENCH_WIDE_RATE=2500 BENCH_WIDE_SECONDS=20 BENCH_NO_BUILD=0 BENCH_STORAGE_LOG=1 BENCH_PROFILE=0 BENCH_MESSAGEPACK=0
BENCH_HEAP_TYPES=0 BENCH_DATA="" BENCH_STAMP=""
LOADTOOL_DLL="tests/Twin.LoadTool/bin/Release/net10.0/Twin.LoadTool.dll"
BENCHMARKS_DLL="tests/Twin.Benchmarks/bin/Release/net10.0/Twin.Benchmarks.dll"

bench_usage() {
  cat <<'EOF'
./twin bench [--size park-10k|park-100k|N] [--rate R] [--clients N] [--seconds S]
             [--warmup S] [--hot-seconds S] [--wide-clients N] [--no-storage-log] [--profile] [--messagepack]
             [--heap-types] [--no-build]
  --size          The synthetic park: park-10k (default), park-100k, or about N twins. (Today
                  park-100k's import does not finish within the 30 min allowed: Azurite scans
                  the table on every write, see docs/performance.md.)
  --rate R        Readings per second offered through POST /api/ingest (default 10000).
  --clients N     SignalR clients, each subscribed to one zone and to stats (default 100).
  --seconds S     Length of the main load (default 30).
  --warmup S      The same load for S s straight before the main and fan-out phases, not measured
                  (default 5; 0 measures from the first reading, JIT tiering and first flushes included).
  --hot-seconds S Length of the one-hot-twin phase (default 10; 0 skips it).
  --wide-clients N  Clients of the fan-out phase after it (default 1000, 50 a zone, at 2,500
                  readings/s for 20 s: deliveries/s and latency with many clients; 0 skips it).
  --no-storage-log  Start Azurite without --debug (no storage request counts, less Azurite CPU).
  --profile       Sample the silo's CPU during the main load (EventPipe, Twin.Benchmarks
                  --cpu-profile) and add the hottest methods and the garbage collections
                  (count, pauses, survivors) to the report (costs some CPU).
  --alloc-profile The same with the silo's allocations (by type and site) instead of its CPU.
  --heap-types    Add the silo's live heap after the load by type, and what holds the largest
                  types, to the report (Twin.Benchmarks --heap-types; one more full GC).
  --messagepack   The load tool's clients speak SignalR's MessagePack protocol (default JSON,
                  as browsers and the earlier runs).
  --no-build      Use the last Release builds of the silo, the load tool and the benchmarks.
  Starts Azurite on a fresh folder under .twin-data/bench/ and ONE silo with the feed off,
  runs the load tool, restarts the silo on the same data (cold start), stops everything it
  started, prints one table and writes it to TestResults/bench/<timestamp>.md.
EOF
}

parse_bench_args() {
  while (($# > 0)); do
    case "$1" in
      --size | --size=*) opt_value --size "$@"; BENCH_SIZE=$OPT_VALUE ;;
      --rate | --rate=*) opt_value --rate "$@"; BENCH_RATE=$OPT_VALUE ;;
      --clients | --clients=*) opt_value --clients "$@"; BENCH_CLIENTS=$OPT_VALUE ;;
      --seconds | --seconds=*) opt_value --seconds "$@"; BENCH_SECONDS=$OPT_VALUE ;;
      --warmup | --warmup=*) opt_value --warmup "$@"; BENCH_WARMUP=$OPT_VALUE ;;
      --hot-seconds | --hot-seconds=*) opt_value --hot-seconds "$@"; BENCH_HOT_SECONDS=$OPT_VALUE ;;
      --wide-clients | --wide-clients=*) opt_value --wide-clients "$@"; BENCH_WIDE_CLIENTS=$OPT_VALUE ;;
      --no-storage-log) BENCH_STORAGE_LOG=0 OPT_SHIFT=1 ;;
      --profile) BENCH_PROFILE=1 OPT_SHIFT=1 ;;
      --alloc-profile) BENCH_PROFILE=2 OPT_SHIFT=1 ;;
      --heap-types) BENCH_HEAP_TYPES=1 OPT_SHIFT=1 ;;
      --messagepack) BENCH_MESSAGEPACK=1 OPT_SHIFT=1 ;;
      --no-build) BENCH_NO_BUILD=1 OPT_SHIFT=1 ;;
      -h | --help) bench_usage; exit 0 ;;
      *) die "unknown option for bench: $1 (see ./twin bench --help)" ;;
    esac
    shift "$OPT_SHIFT"
  done
  case "$BENCH_SIZE" in
    park-10k) BENCH_TWINS=10000 ;;
    park-100k) BENCH_TWINS=100000 ;;
    *)
      [[ "$BENCH_SIZE" =~ ^[1-9][0-9]*$ ]] || die "--size must be park-10k, park-100k or a number (got '$BENCH_SIZE')"
      BENCH_TWINS=$BENCH_SIZE BENCH_SIZE="park-$BENCH_SIZE"
      ;;
  esac
  local name
  for name in BENCH_RATE BENCH_CLIENTS BENCH_SECONDS; do
    [[ "${!name}" =~ ^[1-9][0-9]*$ ]] || die "${name#BENCH_} must be a positive number (got '${!name}')"
  done
  [[ "$BENCH_HOT_SECONDS" =~ ^[0-9]+$ ]] || die "--hot-seconds must be a number (got '$BENCH_HOT_SECONDS')"
  [[ "$BENCH_WARMUP" =~ ^[0-9]+$ ]] || die "--warmup must be a number (got '$BENCH_WARMUP')"
  [[ "$BENCH_WIDE_CLIENTS" =~ ^[0-9]+$ ]] || die "--wide-clients must be a number (got '$BENCH_WIDE_CLIENTS')"
}

# Release builds of the silo, the load tool and the benchmarks (for --gc-heap) only (not the whole solution: the machine is shared).
# The map client is not measured, so its npm build is skipped unless TWIN_SKIP_CLIENT_BUILD=0.
bench_build() {
  require_dotnet
  info "Building the silo, the load tool and the benchmarks (Release)"
  local project
  for project in silo/Twin.Silo tests/Twin.LoadTool tests/Twin.Benchmarks; do
    TWIN_SKIP_CLIENT_BUILD=${TWIN_SKIP_CLIENT_BUILD:-1} dotnet build "$ROOT/$project" -c Release -nologo -v q </dev/null ||
      die "dotnet build $project failed (errors above)"
  done
}

# Azurite as azurite_start does it, plus --debug FILE when the storage log is on: the log is how
# the load tool counts Table requests. Sets AZURITE_PID and AZURITE_*_PORT.
bench_azurite_start() {
  local data=$1 log="$1/logs/azurite.log" debug=()
  pick_port AZURITE_BLOB_PORT 10000
  pick_port AZURITE_QUEUE_PORT 10001
  pick_port AZURITE_TABLE_PORT 10002
  mkdir -p "$data/azurite" "$data/logs"
  ((BENCH_STORAGE_LOG)) && debug=(--debug "$data/logs/azurite-debug.log")
  info "Starting Azurite on 127.0.0.1 table port $AZURITE_TABLE_PORT (data: $data/azurite)"
  setsid node "$ROOT/$AZURITE_JS" --location "$data/azurite" --silent --skipApiVersionCheck \
    --disableTelemetry --loose "${debug[@]}" \
    --blobHost 127.0.0.1 --blobPort "$AZURITE_BLOB_PORT" \
    --queueHost 127.0.0.1 --queuePort "$AZURITE_QUEUE_PORT" \
    --tableHost 127.0.0.1 --tablePort "$AZURITE_TABLE_PORT" \
    >>"$log" 2>&1 </dev/null {STARTUP_LOCK_FD}>&- &
  AZURITE_PID=$!
  azurite_wait_ready "$log"
}

# Milliseconds since the epoch.
now_ms() { date +%s%3N; }

# Waits up to $2 s for $1/healthz == 200 from the last started silo; prints the ms it took
# from $3 (a now_ms taken just before the start).
bench_wait_healthy() {
  local base=$1 limit=$2 t0=$3 pid=${SILO_PIDS[-1]} deadline=$((SECONDS + $2))
  while ((SECONDS < deadline)); do
    is_our_child "$pid" || { show_log_tail "${SILO_LOGS[-1]}" 40; die "the silo (pid $pid) exited during startup"; }
    if [[ "$(http_status "$base/healthz")" == 200 ]]; then
      printf '%s\n' "$(($(now_ms) - t0))"
      return 0
    fi
    sleep 0.1
  done
  show_log_tail "${SILO_LOGS[-1]}" 40
  die "the silo did not answer 200 on $base/healthz within $limit s"
}

# EXIT trap of bench: the silo, then Azurite; the storage debug log is large and not kept.
cleanup_bench() {
  trap '' INT TERM HUP PIPE
  set +e
  stop_pids "silo" "${SILO_PIDS[@]}"
  [[ -z "$AZURITE_PID" ]] || stop_pids "Azurite" "$AZURITE_PID"
  [[ -z "$BENCH_DATA" || "${TWIN_BENCH_KEEP_STORAGE_LOG:-0}" == 1 ]] || rm -f "$BENCH_DATA/logs/azurite-debug.log"
}

# Writes key=value lines of the silo's live managed heap (after one induced full GC, read over
# the diagnostics port: Twin.Benchmarks --gc-heap) to file $1.
bench_gc_heap() {
  dotnet "$ROOT/$BENCHMARKS_DLL" --gc-heap "${SILO_PIDS[-1]}" >"$1" 2>>"$BENCH_DATA/logs/gc-heap.log" </dev/null ||
    warn "could not read the silo's GC heap (see $BENCH_DATA/logs/gc-heap.log)"
}

# Prints the silo's CPU use in % of one core over $1 seconds (utime + stime of /proc/PID/stat).
bench_idle_cpu() {
  local pid=${SILO_PIDS[-1]} ticks a b
  ticks="$(getconf CLK_TCK)"
  a="$(awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat")"
  sleep "$1"
  b="$(awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat")"
  awk -v a="$a" -v b="$b" -v t="$ticks" -v s="$1" 'BEGIN { printf "%.1f", 100 * (b - a) / t / s }'
}

# Once the load tool (pid $1) says it is sending, samples the silo's CPU (BENCH_PROFILE=1) or its
# allocations (2) for most of the sending time into $BENCH_DATA/profile.md, with the collections.
bench_profile() {
  local i mode=--cpu-profile what=CPU seconds=$((BENCH_SECONDS > 10 ? BENCH_SECONDS - 6 : BENCH_SECONDS / 2 + 1))
  for ((i = 0; i < 1200; i++)); do
    grep -q '^sending' "$BENCH_DATA/logs/load-main.log" 2>/dev/null && break
    kill -0 "$1" 2>/dev/null || return 0
    sleep 0.25
  done
  sleep 3
  ((BENCH_PROFILE == 2)) && mode=--alloc-profile what=allocations
  info "Sampling the silo's $what for $seconds s"
  dotnet "$ROOT/$BENCHMARKS_DLL" "$mode" "${SILO_PIDS[-1]}" "$seconds" "$BENCH_DATA/silo.nettrace" \
    >"$BENCH_DATA/profile.md" 2>>"$BENCH_DATA/logs/profile.log" </dev/null ||
    warn "the $what profile failed (see $BENCH_DATA/logs/profile.log)"
  printf '\n### Garbage collections while sampling\n\n' >>"$BENCH_DATA/profile.md"
  dotnet "$ROOT/$BENCHMARKS_DLL" --gc-report "$BENCH_DATA/silo.nettrace" \
    >>"$BENCH_DATA/profile.md" 2>>"$BENCH_DATA/logs/profile.log" </dev/null ||
    warn "the GC report failed (see $BENCH_DATA/logs/profile.log)"
  rm -f "$BENCH_DATA/silo.etlx" # the trace stays: Twin.Benchmarks --cpu-report FILE reads it again
}

# Reads key=value lines of file $1 into the associative array named $2.
read_figures() {
  local -n _rf_into=$2
  local key value
  [[ -f "$1" ]] || return 0
  while IFS='=' read -r key value; do
    [[ -n "$key" ]] && _rf_into["$key"]=$value
  done <"$1"
}

# Formats number $1 with $2 decimals (default 0), or "n/a" when empty.
num() {
  [[ -n "${1:-}" ]] || { printf 'n/a'; return; }
  LC_ALL=C printf "%'.${2:-0}f" "$1"
}

# "yes" when $1 $2 $3 holds (e.g. 12 '<=' 100), "no" when not, "n/a" when $1 is empty.
met() {
  [[ -n "${1:-}" ]] || { printf 'n/a'; return; }
  awk -v a="$1" -v b="$3" -v op="$2" 'BEGIN {
    ok = (op == "<=") ? (a <= b) : (a >= b); printf (ok ? "yes" : "**no**") }'
}

# "H MiB, of which O MiB objects" for a heap of $1 bytes of which $2 (may be empty) survived its collection.
heap_text() {
  awk -v b="$1" -v o="$2" 'BEGIN { printf "%.0f MiB", b / 1048576; if (o != "") printf ", of which %.0f MiB objects", o / 1048576 }'
}

# $1 twins per GiB of $2 bytes (nothing when $2 is 0).
per_gib() {
  awk -v t="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f", t / (b / 1073741824) }'
}

# The larger of $1 and $2 (either may be empty).
best() {
  awk -v a="${1:-}" -v b="${2:-}" 'BEGIN { if (a == "" && b == "") exit; if (a == "") print b; else if (b == "" || a + 0 >= b + 0) print a; else print b }'
}

# $3 when $1 (clients) is at least $2, nothing otherwise (so met prints n/a for too few clients).
enough() {
  awk -v n="${1:-0}" -v min="$2" -v v="${3:-}" 'BEGIN { if (n + 0 >= min + 0 && v != "") print v }'
}

# " (at N updates/s, not 10,000)" when the run did not reach the rate a target is set for.
at_rate() {
  awk -v a="$1" 'BEGIN { if (a < 10000) printf " (at %.0f/s, not 10,000)", a }'
}

bench_machine() {
  local cpu mem os
  cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
  mem="$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  os="$(. /etc/os-release 2>/dev/null && printf '%s' "$PRETTY_NAME")"
  printf '%s cores (%s), %s, %s, kernel %s, .NET SDK %s, node %s; load average before the run %s' \
    "$(nproc)" "${cpu:-unknown cpu}" "$mem" "${os:-unknown OS}" "$(uname -r)" \
    "$(dotnet --version 2>/dev/null)" "$(node --version 2>/dev/null)" "$BENCH_LOAD_BEFORE"
}

# Prints the one table from the figures of the main run (M), the hot-twin run (H), the fan-out
# run (W), the heap after the load (GW) and after the cold start (GC), and the starts.
bench_table() {
  local -n m=$1 h=$2 w=$3 gw=$4 gc=$5
  local gib_rss rss_idle_gib twins_per_gib_idle live_cold live_warm per_gib_heap_cold per_gib_heap_warm
  live_cold="$(heap_text "${gc[heap_live_bytes]:-0}" "${gc[heap_survived_bytes]:-}")"
  live_warm="$(heap_text "${gw[heap_live_bytes]:-0}" "${gw[heap_survived_bytes]:-}")"
  per_gib_heap_cold="$(per_gib "${m[twins]:-0}" "${gc[heap_live_bytes]:-0}")"
  per_gib_heap_warm="$(per_gib "${m[twins]:-0}" "${gw[heap_live_bytes]:-0}")"
  gib_rss="$(awk -v b="${m[rss_bytes]:-0}" 'BEGIN { printf "%.2f", b / 1073741824 }')"
  rss_idle_gib="$(awk -v b="${BENCH_RSS_COLD:-0}" 'BEGIN { printf "%.2f", b / 1073741824 }')"
  twins_per_gib_idle="$(awk -v t="${m[twins]:-0}" -v b="${BENCH_RSS_COLD:-0}" 'BEGIN { if (b > 0) printf "%.0f", t / (b / 1073741824) }')"
  cat <<EOF
# ./twin bench — $BENCH_SIZE, $(date -u '+%Y-%m-%d %H:%M UTC')

Machine: $(bench_machine). The load tool, Azurite and the silo share these cores (and other engineers' builds may too).
Run: ${m[twins]:-?} twins, ${m[clients]} clients, ${m[rate]} readings/s offered for ${m[seconds]} s (after ${m[warmup]:-0} s of the same, not measured) from ${m[senders]} senders in batches of at most ${m[batch]} (what fell due since the last answer: $(awk -v s="${m[sent]:-0}" -v r="${m[requests]:-0}" 'BEGIN { if (r > 0) printf "%.1f", s / r; else printf "n/a" }') on average, ${m[requests]:-?} requests); feed simulator off; storage request log $( ((BENCH_STORAGE_LOG)) && echo on || echo off).

| figure | measured | target (issue 7) | met |
|---|---|---|---|
| sustained updates/s accepted (over the ${BENCH_SECONDS} s offered) | $(num "${m[accepted_per_s]:-}") ($(num "${m[accepted]:-}") of $(num "${m[sent]:-}") sent, last answer $(num "${m[tail_ms]:-}") ms after the close; rejected: ${m[rejected]:-?}) | 10,000 | $(met "${m[accepted_per_s]:-}" '>=' 10000) |
| server CPU per update | $(num "${m[server_cpu_us_per_update]:-}") µs | ≤ 140 µs (70% of 2 cores at 10,000/s) | $(met "${m[server_cpu_us_per_update]:-}" '<=' 140) |
| server CPU | $(num "${m[server_cpu_pct_core]:-}")% of one core, $(num "${m[server_cpu_pct_machine]:-}")% of the machine | ≤ 70% at 10,000/s | $(met "${m[server_cpu_pct_machine]:-}" '<=' 70)$(at_rate "${m[accepted_per_s]:-0}") |
| Azurite CPU / load tool CPU | $(num "${m[storage_cpu_pct_core]:-}")% / $(num "${m[tool_cpu_pct_core]:-}")% of one core | — | — |
| change → client latency p50 / p99 / max | $(num "${m[latency_p50_ms]:-}") / $(num "${m[latency_p99_ms]:-}") / $(num "${m[latency_max_ms]:-}") ms (n = $(num "${m[latency_n]:-}")) | p99 ≤ 100 ms | $(met "${m[latency_p99_ms]:-}" '<=' 100) |
| of which server (item \`at\` → message \`sentAt\`) / client (\`sentAt\` → receipt) p50 / p99 | $(num "${m[server_queue_p50_ms]:-}") / $(num "${m[server_queue_p99_ms]:-}") ms; $(num "${m[client_delay_p50_ms]:-}") / $(num "${m[client_delay_p99_ms]:-}") ms (${m[protocol]:-json}) | — | — |
| deliveries to clients | $(num "${m[deliveries_per_s]:-}")/s with ${m[clients]:-?} clients; $(num "${w[deliveries_per_s]:-}")/s with $(num "${w[clients]:-}") (fan-out phase) | ≥ 100,000/s | $(met "$(best "${m[deliveries_per_s]:-}" "${w[deliveries_per_s]:-}")" '>=' 100000) |
| fan-out phase: $(num "${w[clients]:-}") clients ($(num "${w[rate]:-}") readings/s for ${w[seconds]:-?} s, ${w[protocol]:-json}): change → client p50 / p99 / max | $(num "${w[latency_p50_ms]:-}") / $(num "${w[latency_p99_ms]:-}") / $(num "${w[latency_max_ms]:-}") ms (server part p99 $(num "${w[server_queue_p99_ms]:-}") ms, client part p99 $(num "${w[client_delay_p99_ms]:-}") ms; $(num "${w[accepted_per_s]:-}") accepted/s; lost ${w[lost]:-n/a}; silo / load tool $(num "${w[server_cpu_pct_core]:-}")% / $(num "${w[tool_cpu_pct_core]:-}")% of a core) | ≥ 1,000 clients at p99 ≤ 250 ms | $(met "$(enough "${w[clients]:-}" 1000 "${w[latency_p99_ms]:-}")" '<=' 250) |
| lost latest states | ${m[lost]:-n/a} | 0 | $(met "${m[lost]:-}" '<=' 0) |
| storage writes to Azurite | $(num "${m[storage_writes_per_s]:-}")/s ($(num "${m[storage_twin_writes_per_s]:-}")/s to the \`twins\` table, the rest write-behind transactions; $(num "${m[storage_requests_per_s]:-}") Table requests/s in all) | ≤ 1,000/s at 10,000 updates/s | $(met "${m[storage_writes_per_s]:-}" '<=' 1000)$(at_rate "${m[accepted_per_s]:-0}") |
| durability lag (reading \`at\` → stored: the row's Timestamp, or for a packed twin its write's stamp plus its bucket's last merge time) p50 / p99 / max | $(num "${m[lag_p50_ms]:-}") / $(num "${m[lag_p99_ms]:-}") / $(num "${m[lag_max_ms]:-}") ms (n = $(num "${m[lag_n]:-}") twins) | ≤ 2 s | $(met "${m[lag_p99_ms]:-}" '<=' 2000) |
| one hot twin | $(num "${h[accepted_per_s]:-}") updates/s (p99 to client $(num "${h[latency_p99_ms]:-}") ms) | ≥ 10,000/s | $(met "${h[accepted_per_s]:-}" '>=' 10000) |
| resident twins per GiB of GC heap (its size after a full GC, free space between objects included; read over the diagnostics port) | $(num "$per_gib_heap_cold") after cold start ($live_cold: every twin in the catalog, no grain active); $(num "$per_gib_heap_warm") after the load ($live_warm: every twin's grain active) | ≥ 150,000 per GiB of heap | cold: $(met "$per_gib_heap_cold" '>=' 150000); after the load: $(met "$per_gib_heap_warm" '>=' 150000) |
| resident twins per GiB of silo RSS (upper bound of the heap) | $(num "$twins_per_gib_idle") after cold start ($rss_idle_gib GiB); $(num "${m[twins_per_gib_rss]:-}") after the load ($gib_rss GiB) | — | — |
| silo CPU when idle (no clients, nothing sent) / with the clients connected | $BENCH_IDLE_CPU% / $(num "${m[server_idle_cpu_pct_core]:-}" 1)% of one core | — | — |
| cold start (process start → /healthz 200, seed imported) | $(num "$BENCH_COLD_MS") ms | ≤ 10 s | $(met "$BENCH_COLD_MS" '<=' 10000) |
| first start (seed import of ${m[twins]:-?} twins) | $(num "$BENCH_IMPORT_MS") ms | — | — |
EOF
}

bench_main() {
  parse_bench_args "$@"
  BENCH_LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
  ensure_node_modules
  if ((BENCH_NO_BUILD)); then require_dotnet; require_silo_dll; else bench_build; fi
  [[ -f "$ROOT/$LOADTOOL_DLL" && -f "$ROOT/$BENCHMARKS_DLL" ]] || die "$LOADTOOL_DLL or $BENCHMARKS_DLL is missing (run without --no-build)"

  BENCH_STAMP="$(date -u +%Y%m%d-%H%M%S)"
  BENCH_DATA="$ROOT/.twin-data/bench/$BENCH_STAMP"
  mkdir -p "$BENCH_DATA/logs" "$ROOT/.twin-data/bench/seeds" "$ROOT/TestResults/bench"
  local seed="$ROOT/.twin-data/bench/seeds/synthetic-$BENCH_TWINS.geojson"
  if [[ ! -f "$seed" ]]; then
    info "Generating the synthetic park ($BENCH_TWINS twins)"
    dotnet "$ROOT/$LOADTOOL_DLL" generate --twins "$BENCH_TWINS" --out "$seed" </dev/null
  fi

  # Globals read by silo_url and silo_start (build/silo.sh).
  # shellcheck disable=SC2034
  DATA=$BENCH_DATA SEED_PATH=$seed NO_FEED=1 DEMO=1 SILO_COUNT=1
  # The load tool sends every reading with one device key, standing for thousands of sensors: the
  # per-key ingest rate limit (200 requests/s, a real device's ceiling) would refuse part of 10,000/s.
  # TWIN_BENCH_SILO_ENV="A=1 B=2" adds settings for an experiment (e.g. Twin__WriteBehind__FlushInterval=00:00:04).
  # shellcheck disable=SC2034,SC2206
  SILO_EXTRA_ENV=("Twin__Auth__IngestPermitsPerSecond=100000" ${TWIN_BENCH_SILO_ENV:-})
  # shellcheck disable=SC2034
  URL_SCHEME=http URL_HOST=127.0.0.1 URL_PORT=5180 URLS_GIVEN=0
  trap cleanup_bench EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  startup_lock
  bench_azurite_start "$BENCH_DATA"
  local conn base t0 rc=0
  conn="$(azurite_connection_string "$AZURITE_BLOB_PORT" "$AZURITE_QUEUE_PORT" "$AZURITE_TABLE_PORT")"
  silo_url 1
  # shellcheck disable=SC2153 # set by silo_url
  base=$SILO_URL
  t0=$(now_ms)
  silo_start 1 "$SILO_URL" "$conn" >/dev/null
  startup_unlock
  info "Waiting for the seed import and /healthz (silo pid ${SILO_PIDS[-1]})"
  BENCH_IMPORT_MS="$(bench_wait_healthy "$base" 1800 "$t0")" || exit 1
  info "Ready after $BENCH_IMPORT_MS ms (first start, seed imported)"

  # The silo runs with the demo accounts (DEMO=1): the load tool signs in as demo-viewer and sends with the device key.
  local common=(--url "$base" --credentials "$BENCH_DATA/demo-accounts.json" --server-pid "${SILO_PIDS[-1]}" --storage-pid "$AZURITE_PID" --clk-tck "$(getconf CLK_TCK)")
  if [[ "${BENCH_MESSAGEPACK:-0}" == 1 ]]; then
    common+=(--messagepack)
  fi
  info "Main load: $BENCH_RATE readings/s, $BENCH_CLIENTS clients, $BENCH_SECONDS s"
  local log_args=()
  ((BENCH_STORAGE_LOG)) && log_args=(--azurite-log "$BENCH_DATA/logs/azurite-debug.log")
  dotnet "$ROOT/$LOADTOOL_DLL" run "${common[@]}" --clients "$BENCH_CLIENTS" --rate "$BENCH_RATE" \
    --seconds "$BENCH_SECONDS" --warmup "$BENCH_WARMUP" --storage "$conn" "${log_args[@]}" --results "$BENCH_DATA/main.env" \
    </dev/null >"$BENCH_DATA/logs/load-main.log" 2>&1 &
  local load_pid=$!
  ((BENCH_PROFILE)) && bench_profile "$load_pid"
  wait "$load_pid" || rc=$?
  ((rc <= 1)) || { cat "$BENCH_DATA/logs/load-main.log" >&2; die "the load tool failed (code $rc)"; }
  if ((BENCH_HOT_SECONDS > 0)); then
    info "One hot twin: $BENCH_HOT_SECONDS s"
    dotnet "$ROOT/$LOADTOOL_DLL" run "${common[@]}" --hot --clients 1 --rate 20000 \
      --seconds "$BENCH_HOT_SECONDS" --results "$BENCH_DATA/hot.env" \
      </dev/null >"$BENCH_DATA/logs/load-hot.log" 2>&1 || rc=$?
    ((rc <= 1)) || { cat "$BENCH_DATA/logs/load-hot.log" >&2; die "the load tool failed (code $rc)"; }
  fi

  bench_gc_heap "$BENCH_DATA/heap-warm.env"
  if ((BENCH_HEAP_TYPES)); then
    info "The silo's live heap by type after the load"
    dotnet "$ROOT/$BENCHMARKS_DLL" --heap-types "${SILO_PIDS[-1]}" 40 >"$BENCH_DATA/heap-types.md" 2>>"$BENCH_DATA/logs/gc-heap.log" </dev/null ||
      warn "could not read the silo's heap by type (see $BENCH_DATA/logs/gc-heap.log)"
  fi
  if ((BENCH_WIDE_CLIENTS > 0)); then
    info "Fan-out: $BENCH_WIDE_CLIENTS clients, $BENCH_WIDE_RATE readings/s, $BENCH_WIDE_SECONDS s"
    dotnet "$ROOT/$LOADTOOL_DLL" run "${common[@]}" --clients "$BENCH_WIDE_CLIENTS" --rate "$BENCH_WIDE_RATE" \
      --seconds "$BENCH_WIDE_SECONDS" --warmup "$BENCH_WARMUP" --results "$BENCH_DATA/wide.env" \
      </dev/null >"$BENCH_DATA/logs/load-wide.log" 2>&1 || rc=$?
    ((rc <= 1)) || { cat "$BENCH_DATA/logs/load-wide.log" >&2; die "the load tool failed (code $rc)"; }
  fi
  info "Cold start: stopping the silo and starting it again on the same Azurite data"
  stop_pids "silo" "${SILO_PIDS[@]}"
  # shellcheck disable=SC2034 # silo_start appends to all three
  SILO_PIDS=() SILO_URLS=() SILO_LOGS=()
  startup_lock
  t0=$(now_ms)
  silo_start 1 "$base" "$conn" >/dev/null
  startup_unlock
  BENCH_COLD_MS="$(bench_wait_healthy "$base" 600 "$t0")" || exit 1
  sleep 2
  BENCH_RSS_COLD="$(awk '/^VmRSS/ { print $2 * 1024 }' "/proc/${SILO_PIDS[-1]}/status")"
  BENCH_IDLE_CPU="$(bench_idle_cpu 5)"
  bench_gc_heap "$BENCH_DATA/heap-cold.env"

  # shellcheck disable=SC2034 # filled through namerefs
  local -A main=() hot=() wide=() heap_warm=() heap_cold=()
  read_figures "$BENCH_DATA/main.env" main
  read_figures "$BENCH_DATA/hot.env" hot
  read_figures "$BENCH_DATA/wide.env" wide
  read_figures "$BENCH_DATA/heap-warm.env" heap_warm
  read_figures "$BENCH_DATA/heap-cold.env" heap_cold
  local report="$ROOT/TestResults/bench/$BENCH_STAMP.md"
  bench_table main hot wide heap_warm heap_cold | tee "$report"
  if [[ -s "$BENCH_DATA/profile.md" ]]; then
    printf '\n## Silo profile during the main load\n\n' >>"$report"
    cat "$BENCH_DATA/profile.md" >>"$report"
    printf '\nSilo profile (hottest methods or allocations, garbage collections): in %s\n' "${report#"$ROOT"/}" >&2
  fi
  if [[ -s "$BENCH_DATA/heap-types.md" ]]; then
    printf '\n## Silo live heap by type after the load\n\n' >>"$report"
    cat "$BENCH_DATA/heap-types.md" >>"$report"
  fi
  printf '\nLoad tool output: %s/logs/load-*.log; silo log: %s/logs/silo.log\nTable written to %s\n' \
    "$BENCH_DATA" "$BENCH_DATA" "${report#"$ROOT"/}" >&2
}
