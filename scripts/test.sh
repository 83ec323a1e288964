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

# The real specimen documents, where this machine has them (never in the repository): through the service over
# HTTP, with floors that fail the run when missed. The suite's own test compares kycocr mrz with the service.
real=${KYCOCR_REAL_DOCUMENTS:-../shared/real-documents}
if [ -d "$real/specimens" ]; then
  accuracy=(dotnet tools/KycOcr.MrzAccuracy/bin/Release/net10.0/KycOcr.MrzAccuracy.dll --via service)
  "${accuracy[@]}" --real "$real/specimens" --min-right 75 --max-valid-but-wrong 0 --max-found-without-mrz 0 | tee -a "$log" || status=1
  "${accuracy[@]}" --real "$real/passporteye" --min-valid 28 --valid-prefix 100_ | tee -a "$log" || status=1
else
  echo "no real documents at $real: the real-document floors were not checked"
fi

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
