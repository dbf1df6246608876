# shellcheck shell=bash
# Shared helpers for ./twin: logging, environment, tool checks, ports, HTTP probes and
# stopping the processes we started. Sourced by ./twin; expects ROOT to be set.

# ---------------------------------------------------------------------------------------
# Logging
# ---------------------------------------------------------------------------------------

if [[ -t 2 ]]; then
  _C_INFO=$'\e[36m' _C_WARN=$'\e[33m' _C_ERR=$'\e[31m' _C_OFF=$'\e[0m'
else
  _C_INFO='' _C_WARN='' _C_ERR='' _C_OFF=''
fi

info() { printf '%s==>%s %s\n' "$_C_INFO" "$_C_OFF" "$*" >&2; }
warn() { printf '%swarning:%s %s\n' "$_C_WARN" "$_C_OFF" "$*" >&2; }
die() { printf '%serror:%s %s\n' "$_C_ERR" "$_C_OFF" "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

# ---------------------------------------------------------------------------------------
# Environment: quiet, non-interactive tools (CI runs as root with no stdin)
# ---------------------------------------------------------------------------------------

setup_env() {
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
  export NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false NPM_CONFIG_UPDATE_NOTIFIER=false
  export DEBIAN_FRONTEND=noninteractive
  # dotnet and npm both need a home directory for their caches.
  if [[ -z "${HOME:-}" ]]; then
    HOME="$(getent passwd "$(id -u)" | cut -d: -f6 || true)"
    export HOME="${HOME:-/tmp}"
  fi
}

require_dotnet() {
  command -v dotnet >/dev/null 2>&1 ||
    die "dotnet not found. Install the .NET 10 SDK (Debian: see https://learn.microsoft.com/dotnet/core/install/linux-debian) and put 'dotnet' on PATH."
  dotnet --version >/dev/null 2>&1 ||
    die "'dotnet --version' failed: the installed SDK does not satisfy global.json (needs .NET SDK 10.0.100 or later)."
}

require_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    die "node/npm not found. Install Node.js 20 or later with npm (Debian: apt-get install -y nodejs npm, or NodeSource)."
  fi
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  ((major >= 20)) || die "Node.js $(node --version) is too old: Azurite 3.37 needs Node.js 20 or later."
}

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [[ "$(id -u)" == 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo --preserve-env=DEBIAN_FRONTEND "$@"
  else
    die "need root to run: $* (not root and no sudo)"
  fi
}

# ---------------------------------------------------------------------------------------
# Installs
# ---------------------------------------------------------------------------------------

AZURITE_JS="node_modules/azurite/dist/src/azurite.js"

# True when Azurite is missing, or package-lock.json changed since the last install (npm
# writes node_modules/.package-lock.json at the end of every install).
npm_install_needed() {
  [[ -f "$ROOT/$AZURITE_JS" ]] || return 0
  [[ -d "$ROOT/node_modules/vite" ]] || return 0 # the web client's build tools
  [[ -f "$ROOT/package-lock.json" && "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]]
}

# npm ci (or npm install without a lock file) at the repo root when needed.
ensure_node_modules() {
  require_node
  npm_install_needed || return 0
  if [[ -f "$ROOT/package-lock.json" ]]; then
    info "Installing npm packages (npm ci)"
    (cd "$ROOT" && npm ci --no-fund --no-audit </dev/null)
  else
    info "Installing npm packages (npm install: no package-lock.json)"
    (cd "$ROOT" && npm install --no-fund --no-audit </dev/null)
  fi
  [[ -f "$ROOT/$AZURITE_JS" ]] || die "npm finished but $AZURITE_JS is missing"
}

# ---------------------------------------------------------------------------------------
# Ports
# ---------------------------------------------------------------------------------------

# Ports this script has handed out but whose owners may not be listening yet.
RESERVED_PORTS=()

# True when something listens on TCP port $1 on any local address.
port_in_use() {
  local port=$1
  if command -v ss >/dev/null 2>&1; then
    [[ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]]
  else
    # Fallback: try to connect on loopback (misses listeners bound to other addresses only).
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

# True when TCP port $1 on host $2 (default 127.0.0.1) accepts a connection.
port_accepts() {
  local port=$1 host=${2:-127.0.0.1}
  timeout 2 bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null
}

# Sets variable $1 to the first port >= $2 that is neither listening nor already reserved, and
# reserves it. (Not var=$(...): the reservation would be lost in the subshell.)
# (Locals have odd names so that they cannot shadow the caller's variable behind the nameref.)
pick_port() {
  local -n _pp_out=$1
  local _pp_port=$2 _pp_limit=$(($2 + 200))
  while ((_pp_port < _pp_limit)); do
    if ! port_in_use "$_pp_port" && [[ " ${RESERVED_PORTS[*]-} " != *" $_pp_port "* ]]; then
      RESERVED_PORTS+=("$_pp_port")
      # shellcheck disable=SC2034 # _pp_out is a nameref to the caller's variable
      _pp_out=$_pp_port
      return 0
    fi
    _pp_port=$((_pp_port + 1))
  done
  die "no free TCP port found in $2..$((_pp_limit - 1))"
}

# Between picking a free port and the process listening on it there is a gap in which a
# second ./twin run started at the same time would pick the same port. This machine-wide
# lock serializes startups; children must not inherit it (start them with
# {STARTUP_LOCK_FD}>&-), so that it is free as soon as startup_unlock runs or we die.
STARTUP_LOCK_FD=""

startup_lock() {
  exec {STARTUP_LOCK_FD}>"${TMPDIR:-/tmp}/park-twin-startup.lock"
  have flock || return 0
  if ! flock -n "$STARTUP_LOCK_FD"; then
    info "Another ./twin run is starting up: waiting for it (max 5 min)"
    flock -w 300 "$STARTUP_LOCK_FD" || die "timed out waiting for the other ./twin run to start"
  fi
}

startup_unlock() {
  [[ -n "$STARTUP_LOCK_FD" ]] || return 0
  if have flock; then flock -u "$STARTUP_LOCK_FD"; fi
  exec {STARTUP_LOCK_FD}>&-
  STARTUP_LOCK_FD=""
}

# ---------------------------------------------------------------------------------------
# HTTP
# ---------------------------------------------------------------------------------------

# Prints the HTTP status code of GET $1 ("000" when nothing answers). curl, else node.
http_status() {
  local url=$1
  if have curl; then
    curl -s -o /dev/null -m 3 -w '%{http_code}' "$url" 2>/dev/null || true
  else
    node -e '
      const u = process.argv[1];
      const req = require(u.startsWith("https") ? "https" : "http").get(u, { timeout: 3000 }, r => {
        console.log(r.statusCode); r.resume(); process.exit(0);
      });
      req.on("timeout", () => req.destroy());
      req.on("error", () => { console.log("000"); process.exit(0); });' "$url" 2>/dev/null || echo 000
  fi
}

# ---------------------------------------------------------------------------------------
# Processes we started
# ---------------------------------------------------------------------------------------

# True when PID $1 is alive and its parent is this shell (guards against PID reuse).
is_our_child() {
  local pid=$1 stat state ppid
  [[ -r "/proc/$pid/stat" ]] || return 1
  stat="$(<"/proc/$pid/stat")" 2>/dev/null || return 1
  stat="${stat##*) }" # drop "pid (comm) ": comm may contain spaces
  read -r state ppid _ <<<"$stat"
  [[ "$ppid" == "$$" && "$state" != Z ]]
}

# True when any of the PIDs given is still our live child.
any_alive() {
  local pid
  for pid in "$@"; do
    if is_our_child "$pid"; then return 0; fi
  done
  return 1
}

# Stops the PIDs $2.. (named $1 in messages) together: SIGTERM, then SIGKILL after ~5 s.
stop_pids() {
  local label=$1 pids=() pid i
  shift
  for pid in "$@"; do
    if is_our_child "$pid"; then pids+=("$pid"); fi
  done
  ((${#pids[@]} > 0)) || return 0
  info "Stopping $label (pid ${pids[*]})"
  kill -TERM "${pids[@]}" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    any_alive "${pids[@]}" || break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do
    if is_our_child "$pid"; then
      warn "pid $pid ($label) still alive after 5 s: sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
}

# Prints to stderr the last $2 (default 40) lines of log file $1 written since the last
# "===== ... started by ./twin run" marker (the logs are appended to across runs).
show_log_tail() {
  local log=$1 n=${2:-40} start
  [[ -f "$log" ]] || return 0
  start="$(grep -n '^===== .* started by ./twin run' "$log" | tail -n 1 | cut -d: -f1 || true)"
  printf -- '----- last %s lines of %s -----\n' "$n" "$log" >&2
  tail -n "+$((${start:-0} + 1))" "$log" | tail -n "$n" >&2
  printf -- '-----\n' >&2
}
