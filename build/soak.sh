# shellcheck shell=bash
# ./twin soak: a wall screen left on under a fast feed, its JS heap and DOM sampled
# (tests/Twin.WallSoak). Kept out of ./twin test: it runs for minutes. Sourced by ./twin after
# build/common.sh and build/test.sh (ensure_browser).

soak_usage() {
  cat <<'EOF2'
./twin soak [--minutes M] [--rate R] [--sample-seconds S] [--no-build]
  --minutes M         How long the wall stays on (default 5).
  --rate R            Readings per second offered through POST /api/ingest on top of the
                      simulated feed at its fastest (default 200).
  --sample-seconds S  Seconds between samples (default 15).
  --no-build          Use the last Release build of the silo and the soak tool.
  Starts its own Azurite and silo on free ports, opens /wall?id=soak at 1920x1080 in Debian's
  chromium, samples the page's JS heap after a forced GC and its DOM node and listener counts,
  prints one table and keeps it in TestResults/soak/<timestamp>.md. Exits 1 when the heap grew
  more than 20 % or the DOM more than 10 % after warm-up, on a script error, or when the page
  is no longer connected.
EOF2
}

soak_main() {
  local no_build=0 args=()
  while (($# > 0)); do
    case "$1" in
      --no-build) no_build=1; shift ;;
      --minutes | --rate | --sample-seconds)
        (($# >= 2)) || die "$1 needs a value"
        args+=("$1" "$2"); shift 2 ;;
      -h | --help) soak_usage; exit 0 ;;
      *) die "unknown option for soak: $1 (see ./twin soak --help)" ;;
    esac
  done
  ensure_node_modules
  ensure_browser
  require_dotnet
  if ((!no_build)); then
    info "Building the silo (with the web client) and the soak tool (Release)"
    dotnet build "$ROOT/tests/Twin.WallSoak" -c Release -nologo -v q </dev/null || die "dotnet build failed (errors above)"
  fi
  local dll="$ROOT/tests/Twin.WallSoak/bin/Release/net10.0/Twin.WallSoak.dll"
  [[ -f "$dll" ]] || die "$dll is missing (run without --no-build)"
  export TWIN_REPO_ROOT="$ROOT"
  dotnet "$dll" "${args[@]}"
}
