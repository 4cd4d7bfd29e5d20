#!/bin/sh
# Fills the worker configuration from the environment, then runs the distributed worker in the foreground.
set -eu
: "${CONNECT_BOOTSTRAP_SERVERS:?set CONNECT_BOOTSTRAP_SERVERS (Kafka, as this container reaches it)}"
: "${CONNECT_REGISTRY_URL:?set CONNECT_REGISTRY_URL (the registry's /apis/registry/v2)}"
: "${CONNECT_REPLICATION_FACTOR:=1}"
# Other workers forward REST requests to this address: the container's own, so that workers can be scaled.
: "${CONNECT_ADVERTISED_HOST:=$(hostname -i | cut -d' ' -f1)}"

config=/tmp/connect-distributed.properties
sed -e "s|\${CONNECT_BOOTSTRAP_SERVERS}|${CONNECT_BOOTSTRAP_SERVERS}|g" \
    -e "s|\${CONNECT_REGISTRY_URL}|${CONNECT_REGISTRY_URL}|g" \
    -e "s|\${CONNECT_REPLICATION_FACTOR}|${CONNECT_REPLICATION_FACTOR}|g" \
    -e "s|\${CONNECT_ADVERTISED_HOST}|${CONNECT_ADVERTISED_HOST}|g" \
    /opt/zmart/connect-distributed.properties > "$config"
if grep -v '^#' "$config" | grep -q '\${'; then
    echo "Unfilled placeholder in the worker configuration: $(grep '\${' "$config")" >&2
    exit 1
fi
exec /opt/kafka/bin/connect-distributed.sh "$config"
