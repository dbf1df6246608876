# shellcheck shell=bash
# Silo processes for ./twin run: build, start with the right environment, wait for /healthz.
# Sourced by ./twin after build/common.sh.

SILO_PROJECT_DIR="silo/Twin.Silo"
SILO_DLL="$SILO_PROJECT_DIR/bin/Release/net10.0/Twin.Silo.dll"

SILO_PIDS=()  # one per started silo, in start order
SILO_URLS=()  # the URL each silo serves (same order)
SILO_LOGS=()  # each silo's log file (same order)

# dotnet build of the whole solution (restore included).
build_solution() {
  require_dotnet
  [[ -f "$ROOT/Twin.sln" ]] || die "Twin.sln not found at the repo root"
  info "Building Twin.sln (Release)"
  dotnet build "$ROOT/Twin.sln" -c Release </dev/null || die "dotnet build Twin.sln failed (errors above)"
  require_silo_dll
}

require_silo_dll() {
  [[ -f "$ROOT/$SILO_DLL" ]] || die "$SILO_DLL is missing (build with: dotnet build Twin.sln -c Release)"
}

# Splits URL $1 into URL_SCHEME, URL_HOST and URL_PORT; dies unless it is scheme://host:port.
parse_url() {
  local re='^(https?)://(\[[^]]+\]|[^/:]+):([0-9]+)/?$'
  [[ "$1" =~ $re ]] || die "--urls must look like http://HOST:PORT (got '$1'; one URL only)"
  URL_SCHEME=${BASH_REMATCH[1]} URL_HOST=${BASH_REMATCH[2]} URL_PORT=${BASH_REMATCH[3]}
}

# Prints the URL to probe locally for a silo bound to host $2: wildcard hosts map to loopback.
probe_base() {
  local scheme=$1 host=$2 port=$3
  case "$host" in
    0.0.0.0 | '*' | '+' | '[::]') host=127.0.0.1 ;;
  esac
  printf '%s://%s:%s' "$scheme" "$host" "$port"
}

# Starts silo number $1 (1-based) serving $2 with storage connection string $3.
# Reads the run options SEED_PATH, NO_FEED, DEMO, DATA, SILO_COUNT. Call between
# startup_lock and startup_unlock.
silo_start() {
  local n=$1 url=$2 conn=$3 silo_port gateway_port log prefix
  pick_port silo_port 11111
  pick_port gateway_port 30000
  log="$DATA/logs/silo.log"
  ((n == 1)) || log="$DATA/logs/silo-$n.log"
  mkdir -p "$DATA/logs"
  printf '===== %s: silo %s started by ./twin run on %s =====\n' "$(date -Is)" "$n" "$url" >>"$log"

  local env_vars=(
    "Twin__Storage__ConnectionString=$conn"
    "Twin__SeedPath=$SEED_PATH"
    "Twin__Cluster__SiloPort=$silo_port"
    "Twin__Cluster__GatewayPort=$gateway_port"
    "DOTNET_ENVIRONMENT=Production"
  )
  if ((NO_FEED)); then env_vars+=("Twin__Feed__Enabled=false"); fi
  # More settings from the caller (./twin bench), as NAME=value words.
  env_vars+=(${SILO_EXTRA_ENV[@]+"${SILO_EXTRA_ENV[@]}"})
  if ((DEMO)); then
    env_vars+=("Twin__Demo__Enabled=true" "Twin__Demo__CredentialsFile=$DATA/demo-accounts.json")
  fi

  info "Starting silo $n on $url (silo port $silo_port, gateway port $gateway_port, log: $log)"
  # Only label the output lines when several silos share the terminal.
  prefix=""
  ((SILO_COUNT == 1)) || prefix="[silo-$n] "
  # - The working directory is the project folder, so the content root (appsettings.json,
  #   wwwroot/) is the same as with `dotnet run`.
  # - The subshell execs setsid, which execs env, which execs dotnet: $! is dotnet's PID.
  #   setsid keeps the terminal's Ctrl-C away from the silo: ./twin sends SIGTERM itself,
  #   silos first and Azurite last.
  # - tee/sed ignore Ctrl-C and end when dotnet closes its output, so the shutdown is logged;
  #   tee -p keeps writing the log if the terminal side goes away (`./twin run | less`).
  (cd "$ROOT/$SILO_PROJECT_DIR" &&
    exec setsid env -u ASPNETCORE_ENVIRONMENT "${env_vars[@]}" dotnet "$ROOT/$SILO_DLL" --urls "$url") \
    > >(trap '' INT && tee -p -a "$log" | sed -u "s/^/$prefix/") 2>&1 </dev/null {STARTUP_LOCK_FD}>&- &
  SILO_PIDS+=("$!")
  SILO_URLS+=("$url")
  SILO_LOGS+=("$log")
}

# Waits up to 120 s for GET $2/healthz == 200 from silo index $1 (0-based); dies with its log
# tail if the process exits first.
silo_wait_healthy() {
  local i=$1 base=$2 deadline=$((SECONDS + 120)) status=""
  local pid=${SILO_PIDS[$i]} log=${SILO_LOGS[$i]}
  printf 'Waiting for %s/healthz ' "$base" >&2
  while ((SECONDS < deadline)); do
    if ! is_our_child "$pid"; then
      printf '\n' >&2
      show_log_tail "$log" 40
      die "silo $((i + 1)) (pid $pid) exited during startup (see $log)"
    fi
    status="$(http_status "$base/healthz")"
    if [[ "$status" == 200 ]]; then
      printf ' ok\n' >&2
      return 0
    fi
    printf '.' >&2
    sleep 1
  done
  printf '\n' >&2
  show_log_tail "$log" 40
  die "silo $((i + 1)) did not answer 200 on $base/healthz within 120 s (last status: $status)"
}

# Sets SILO_URL (and LAST_HTTP_PORT) to the HTTP URL for silo $1: silo 1 takes the requested
# URL (the default one moves to a free port when taken), later silos the next free port
# after the previous silo's.
silo_url() {
  local n=$1 port
  if ((n == 1)); then
    if port_in_use "$URL_PORT"; then
      ((URLS_GIVEN)) && die "port $URL_PORT of --urls $URLS is already in use"
      warn "port $URL_PORT is in use: taking the next free one"
      pick_port port "$URL_PORT"
    else
      port=$URL_PORT
      RESERVED_PORTS+=("$port")
    fi
  else
    pick_port port "$((LAST_HTTP_PORT + 1))"
  fi
  LAST_HTTP_PORT=$port
  # shellcheck disable=SC2034 # read by cmd_run in ./twin
  printf -v SILO_URL '%s://%s:%s' "$URL_SCHEME" "$URL_HOST" "$port"
}
