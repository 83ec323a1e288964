#!/usr/bin/env bash
# The run command: the whole service on this machine, no cloud account and no Functions host.
# Installs what is missing, starts Azurite and `kycocr serve`, creates a local API key unless
# API_KEYS or API_KEY is set, writes a synthetic sample passport photo, and prints the URL, the key
# and a ready curl. Ctrl-C stops both. Settings: the README's configuration table, as environment variables.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh
dotnet build src/KycOcr.Cli -c Release -nologo -v quiet >/dev/null || dotnet build src/KycOcr.Cli -c Release -nologo -v quiet
kycocr=(dotnet src/KycOcr.Cli/bin/Release/net10.0/kycocr.dll)

state=.run                      # git-ignored: Azurite's data, the local key, the sample photo
port=${PORT:-7071}
mkdir -p "$state/azurite"

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pids=()
stop() {
  trap - INT TERM EXIT
  [ ${#pids[@]} -eq 0 ] || kill -TERM "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

if [ -z "${AzureWebJobsStorage:-}" ]; then
  export AzureWebJobsStorage=UseDevelopmentStorage=true
  if listening 10000; then
    echo "serve: using the storage emulator already listening on 127.0.0.1:10000"
  else
    # Its own session: Ctrl-C reaches it once, from stop() below, not also from the terminal.
    setsid node_modules/.bin/azurite --silent --location "$state/azurite" --skipApiVersionCheck --loose --disableTelemetry >/dev/null &
    pids+=($!)
    for _ in $(seq 100); do listening 10000 && listening 10001 && listening 10002 && break; sleep 0.1; done
  fi
fi

if [ -z "${API_KEYS:-}${API_KEY:-}" ]; then
  [ -s "$state/api-key" ] || (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$state/api-key")
  export API_KEYS
  API_KEYS=$(cat "$state/api-key")
fi
key=${API_KEYS:-$API_KEY}
key=${key%%,*}

"${kycocr[@]}" sample passport "$state/sample-passport.jpg" --seed 7 >/dev/null

"${kycocr[@]}" serve --urls "http://127.0.0.1:$port" &
pids+=($!)
for _ in $(seq 300); do listening "$port" && break; sleep 0.1; done

cat <<TEXT

KycOcr is running at http://127.0.0.1:$port  (extractor: ${EXTRACTOR:-offline unless a model endpoint is set})
API key: $key

Try it in a browser: open http://127.0.0.1:$port/ , paste the key, and send the sample passport
  ($state/sample-passport.jpg) or a photo of a specimen document.

Send the sample passport photo and read the result:
  curl -s -H "X-API-Key: $key" -F image=@$state/sample-passport.jpg http://127.0.0.1:$port/read_text
  curl -s -H "X-API-Key: $key" "http://127.0.0.1:$port/id?task_id=<id from the first answer>"

Ctrl-C stops the service and the storage emulator.
TEXT
wait "${pids[-1]}"
