# shellcheck shell=bash
# Azurite (Azure Storage emulator) for ./twin run: start on free ports, wait until ready,
# build the connection string. Sourced by ./twin after build/common.sh.

# The emulator's well-known development account (public, documented by Microsoft).
DEVSTORE_ACCOUNT="devstoreaccount1"
DEVSTORE_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

AZURITE_PID=""
AZURITE_BLOB_PORT="" AZURITE_QUEUE_PORT="" AZURITE_TABLE_PORT=""

# Prints the connection string for an Azurite on 127.0.0.1 with blob/queue/table ports $1 $2 $3.
azurite_connection_string() {
  local base="http://127.0.0.1"
  printf 'DefaultEndpointsProtocol=http;AccountName=%s;AccountKey=%s;' "$DEVSTORE_ACCOUNT" "$DEVSTORE_KEY"
  printf 'BlobEndpoint=%s:%s/%s;' "$base" "$1" "$DEVSTORE_ACCOUNT"
  printf 'QueueEndpoint=%s:%s/%s;' "$base" "$2" "$DEVSTORE_ACCOUNT"
  printf 'TableEndpoint=%s:%s/%s;\n' "$base" "$3" "$DEVSTORE_ACCOUNT"
}

# Starts Azurite with its data in $1/azurite and its log in $1/logs/azurite.log.
# Sets AZURITE_PID and AZURITE_*_PORT: 10000-10002, else the next free ones.
# Call between startup_lock and startup_unlock.
azurite_start() {
  local data=$1 log="$1/logs/azurite.log"
  pick_port AZURITE_BLOB_PORT 10000
  pick_port AZURITE_QUEUE_PORT 10001
  pick_port AZURITE_TABLE_PORT 10002
  mkdir -p "$data/azurite" "$data/logs"
  printf '===== %s: Azurite started by ./twin run =====\n' "$(date -Is)" >>"$log"
  info "Starting Azurite on 127.0.0.1 ports blob $AZURITE_BLOB_PORT, queue $AZURITE_QUEUE_PORT, table $AZURITE_TABLE_PORT (log: $log)"
  # The real node process (not npx), so that $! is the PID to stop. setsid (which execs in
  # place, same PID) keeps the terminal's Ctrl-C away from it: ./twin stops it after the silos.
  setsid node "$ROOT/$AZURITE_JS" --location "$data/azurite" --silent --skipApiVersionCheck \
    --disableTelemetry --loose \
    --blobHost 127.0.0.1 --blobPort "$AZURITE_BLOB_PORT" \
    --queueHost 127.0.0.1 --queuePort "$AZURITE_QUEUE_PORT" \
    --tableHost 127.0.0.1 --tablePort "$AZURITE_TABLE_PORT" \
    >>"$log" 2>&1 </dev/null {STARTUP_LOCK_FD}>&- &
  AZURITE_PID=$!
  azurite_wait_ready "$log"
}

# True when the three ports accept and the blob port answers HTTP (any status).
azurite_ready() {
  port_accepts "$AZURITE_BLOB_PORT" && port_accepts "$AZURITE_QUEUE_PORT" &&
    port_accepts "$AZURITE_TABLE_PORT" &&
    [[ "$(http_status "http://127.0.0.1:$AZURITE_BLOB_PORT/")" != 000 ]]
}

# Waits up to ~30 s for Azurite; dies with its log tail if it exits or never gets ready.
azurite_wait_ready() {
  local log=$1 deadline=$((SECONDS + 30))
  while ((SECONDS < deadline)); do
    if ! is_our_child "$AZURITE_PID"; then
      show_log_tail "$log"
      die "Azurite exited during startup (see $log)"
    fi
    if azurite_ready; then
      info "Azurite ready (pid $AZURITE_PID)"
      return 0
    fi
    sleep 0.5
  done
  show_log_tail "$log"
  die "Azurite did not get ready within 30 s (see $log)"
}
