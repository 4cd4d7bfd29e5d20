#!/bin/bash
# Health probe of the Connect worker: GET /health answers 200 once the worker has joined its group (Kafka 3.9+).
# Plain bash over /dev/tcp: the apache/kafka image has bash but neither curl nor wget (its Dockerfile removes wget).
set -eu
exec 3<>/dev/tcp/127.0.0.1/8083
printf 'GET /health HTTP/1.0\r\n\r\n' >&3
read -r _ status _ <&3
[ "$status" = 200 ]
