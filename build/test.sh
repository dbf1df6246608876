# shellcheck shell=bash
# ./twin test: install what the tests need, run dotnet test, print "N passed, N failed, N skipped".
# Sourced by ./twin after build/common.sh.

# True when a Noto Sans CJK font is installed (fc-list, else the Debian package status).
# (Output captured first: `fc-list | grep -q` fails under pipefail when grep quits early.)
has_cjk_font() {
  local out
  if command -v fc-list >/dev/null 2>&1; then
    out="$(fc-list : family 2>/dev/null || true)"
    [[ "${out,,}" == *"noto sans cjk"* ]]
  else
    out="$(dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null || true)"
    [[ "$out" == *"ok installed"* ]]
  fi
}

# Debian's chromium and CJK fonts for the browser tests (apt-get update once, then install).
ensure_browser() {
  if [[ -x /usr/bin/chromium ]] && has_cjk_font; then
    return 0
  fi
  command -v apt-get >/dev/null 2>&1 ||
    die "chromium and fonts-noto-cjk are missing and apt-get is not available: install them by hand"
  info "Installing chromium and fonts-noto-cjk (apt-get)"
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300)
  as_root "${apt[@]}" update </dev/null
  as_root "${apt[@]}" install -y --no-install-recommends chromium fonts-noto-cjk </dev/null
  [[ -x /usr/bin/chromium ]] || die "apt-get finished but /usr/bin/chromium is missing"
}

# Prints "passed failed skipped" summed over the <Counters> of every .trx file under $1.
# Failed counts failed, error, timeout and aborted outcomes. Skipped tests show up as
# total - executed (xunit's skips are not in notExecuted), so take whichever is larger.
trx_counts() {
  local dir=$1
  find "$dir" -name '*.trx' -type f -print0 2>/dev/null | xargs -0 -r cat | awk '
    function attr(name,   re) {
      re = " " name "=\"[0-9]+\""
      if (!match($0, re)) return 0
      return substr($0, RSTART + length(name) + 3, RLENGTH - length(name) - 4) + 0
    }
    /<Counters / {
      p += attr("passed")
      f += attr("failed") + attr("error") + attr("timeout") + attr("aborted")
      skip = attr("total") - attr("executed")
      s += (attr("notExecuted") > skip) ? attr("notExecuted") : skip
    }
    END { printf "%d %d %d\n", p, f, s }'
}

test_main() {
  require_dotnet
  [[ -f "$ROOT/Twin.sln" ]] || die "Twin.sln not found at the repo root"
  ensure_node_modules
  ensure_browser
  # The tests start their own Azurite from $TWIN_REPO_ROOT/node_modules/azurite/...
  export TWIN_REPO_ROOT="$ROOT"

  local results rc passed failed skipped
  results="$ROOT/TestResults/$(date -u +%Y%m%d-%H%M%S)"
  info "Running dotnet test (results: ${results#"$ROOT"/})"
  # A hung test is reported as a failure after 15 min instead of eating CI's 90 min.
  set +e
  dotnet test "$ROOT/Twin.sln" -c Release \
    --results-directory "$results" \
    --logger "console;verbosity=normal" --logger trx \
    --blame-hang-timeout 15m --blame-hang-dump-type none \
    "$@" </dev/null
  rc=$?
  set -e

  read -r passed failed skipped < <(trx_counts "$results")

  # The web client's unit tests (vitest) and its lint count too.
  local client_rc=0 cp cf cs
  info "Running the web client's unit tests and lint (npm)"
  mkdir -p "$results"
  (cd "$ROOT/web/client" && "$ROOT/node_modules/.bin/vitest" run --reporter=default --reporter=json --outputFile.json="$results/vitest.json" </dev/null) || client_rc=$?
  if [[ -f "$results/vitest.json" ]]; then
    read -r cp cf cs < <(node -e 'const r = require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites || 0), r.numPendingTests + (r.numTodoTests || 0))' "$results/vitest.json")
    passed=$((passed + cp)) failed=$((failed + cf)) skipped=$((skipped + cs))
  fi
  ((client_rc == 0)) || { warn "the web client's tests failed (exit $client_rc)"; rc=1; }
  (cd "$ROOT" && npm run --silent lint:client </dev/null) || { warn "the web client's lint failed"; rc=1; failed=$((failed + 1)); }
  if ((rc != 0 && failed == 0)); then
    warn "dotnet test exited with code $rc (build error, crash or hang: see the output above)"
  fi
  if ((rc == 0 && failed > 0)); then
    rc=1
  fi
  printf '%d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
  return "$rc"
}
