#!/bin/sh
# azd postdeploy hook: subscribes the blob extension's webhook to BlobCreated events of the
# inbox container. It runs after `azd deploy` because the webhook URL carries the app's
# blobs_extension system key, which the host creates only once it runs with the blob trigger.
# azd passes the environment's values (main.bicep outputs) as environment variables.
set -eu

: "${AZURE_RESOURCE_GROUP:?run through azd (azd up / azd deploy), which sets it}"
# az and azd sign in separately: every az call names azd's subscription, never az's default one.
: "${AZURE_SUBSCRIPTION_ID:?run through azd (azd up / azd deploy), which sets it}"
: "${AZURE_FUNCTION_APP_NAME:?missing: provision first}"
: "${FUNCTION_APP_URL:?missing: provision first}"
: "${EVENT_GRID_SYSTEM_TOPIC_NAME:?missing: provision first}"
: "${INBOX_CONTAINER:?missing: provision first}"
: "${BLOB_WEBHOOK_FUNCTION:=Host.Functions.InboxBlobTrigger}"

SUBSCRIPTION_NAME="${EVENT_GRID_SUBSCRIPTION_NAME:-inbox-blob-created}"
# The host may take a few minutes to pull the new image and start.
ATTEMPTS="${POSTDEPLOY_ATTEMPTS:-30}"
WAIT_SECONDS="${POSTDEPLOY_WAIT_SECONDS:-20}"

command -v az >/dev/null 2>&1 || { echo "postdeploy: the Azure CLI (az) is required" >&2; exit 1; }

# The last error of a retried az call, shown when the hook gives up.
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT
last_error() {
  if [ -s "$errors" ]; then
    echo "postdeploy: the last error az reported:" >&2
    tail -n 5 "$errors" >&2
  fi
}

blobs_key=""
i=1
while [ "$i" -le "$ATTEMPTS" ]; do
  blobs_key=$(az functionapp keys list --subscription "$AZURE_SUBSCRIPTION_ID" \
    --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
    --query "systemKeys.blobs_extension" --output tsv 2>"$errors" || true)
  if [ -n "$blobs_key" ]; then
    break
  fi
  echo "postdeploy: waiting for the blobs_extension key ($i/$ATTEMPTS)"
  i=$((i + 1))
  [ "$i" -gt "$ATTEMPTS" ] || sleep "$WAIT_SECONDS"
done
if [ -z "$blobs_key" ]; then
  echo "postdeploy: the app has no blobs_extension key; is the image deployed and the host running?" >&2
  last_error
  exit 1
fi

endpoint="${FUNCTION_APP_URL}/runtime/webhooks/blobs?functionName=${BLOB_WEBHOOK_FUNCTION}&code=${blobs_key}"

# Event Grid validates the webhook with a handshake the running host answers; creating the
# subscription again updates it, so the hook is safe to rerun.
i=1
while :; do
  if az eventgrid system-topic event-subscription create --subscription "$AZURE_SUBSCRIPTION_ID" \
    --resource-group "$AZURE_RESOURCE_GROUP" \
    --system-topic-name "$EVENT_GRID_SYSTEM_TOPIC_NAME" \
    --name "$SUBSCRIPTION_NAME" \
    --endpoint-type webhook \
    --endpoint "$endpoint" \
    --included-event-types Microsoft.Storage.BlobCreated \
    --subject-begins-with "/blobServices/default/containers/${INBOX_CONTAINER}/" \
    --max-delivery-attempts 30 \
    --event-ttl 1440 \
    --output none 2>"$errors"; then
    break
  fi
  if [ "$i" -ge "$ATTEMPTS" ]; then
    echo "postdeploy: could not create the Event Grid subscription" >&2
    last_error
    exit 1
  fi
  echo "postdeploy: webhook not ready, retrying ($i/$ATTEMPTS)"
  i=$((i + 1))
  sleep "$WAIT_SECONDS"
done

echo "postdeploy: BlobCreated on '${INBOX_CONTAINER}' now reaches ${BLOB_WEBHOOK_FUNCTION}"
