#!/usr/bin/env bash
# The test command: install what is missing, build once, run every test project of the solution.
# Azurite is started by the test fixtures themselves, on free ports.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh

dotnet build KycOcr.sln -c Release -nologo -v quiet
log=$(mktemp)
status=0
dotnet test KycOcr.sln -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test projects.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
