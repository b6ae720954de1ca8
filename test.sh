#!/usr/bin/env bash
# Runs every test of the solution. Installs what the tests need first (Azurite from npm; Debian's chromium and a
# Chinese font for the portal's browser tests),
# builds with warnings as errors, runs all test projects, and closes with one line
# "N passed, N failed" summed over the projects.
set -uo pipefail
cd "$(dirname "$0")"

if ! npm ci --no-audit --no-fund --loglevel=error >/dev/null; then
  echo "npm ci failed: Azurite could not be installed" >&2
  exit 1
fi
test -x node_modules/.bin/azurite || { echo "Azurite missing after npm ci" >&2; exit 1; }

# The portal's browser tests drive Debian's Chromium (never a downloaded browser), with a font that renders Chinese.
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "wenquanyi zen hei"; then
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-wqy-zenhei; } >/dev/null; then
    echo "apt-get could not install chromium and fonts-wqy-zenhei for the portal's browser tests" >&2
    exit 1
  fi
fi

# Warnings are errors through Directory.Build.props (TreatWarningsAsErrors), which also lists the one NuGet warning
# (NU1603) the registry forces on us; a command-line -warnaserror would override that list.
dotnet build Serverless.sln -nologo -v:q || { echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test Serverless.sln --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# VSTest prints one summary per test project: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, ..."
sum() { grep -Eo "$1: +[0-9]+" "$log" | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(sum Passed)
failed=$(sum Failed)
projects=$(grep -Ec '^(Passed|Failed)! ' "$log")
echo
echo "test projects reporting: ${projects:-0}"
echo "${passed:-0} passed, ${failed:-0} failed"
if [ "$status" -ne 0 ] || [ "${failed:-0}" -ne 0 ]; then exit 1; fi
[ "${passed:-0}" -gt 0 ] || { echo "no test ran" >&2; exit 1; }
