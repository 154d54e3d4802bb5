#!/bin/bash
# Authenticated against anonymous read latency (README, Security): against a service started with
#   --spring.security.oauth2.resourceserver.jwt.public-key-location=file:$DIR/pub.pem
# on port $PORT (default 8080), where $DIR holds pub.pem and token.txt from mint-token.mjs
# (`cd $DIR && node mint-token.mjs > token.txt`). Runs anonymous and token reads of 5 s in turn,
# $1 pairs (default 20), over one kept-alive connection each, and prints each run's p50.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=${DIR:-.}
PORT=${PORT:-8080}
TOKEN=$(cat "$DIR/token.txt")
URL="http://127.0.0.1:$PORT/graphql"
for i in $(seq 1 "${1:-20}"); do
  anonymous=$(wrk -t1 -c1 -d5s --latency -s "$HERE/hourly-read.lua" "$URL" | awk '/ 50%/{print $2}')
  token=$(wrk -t1 -c1 -d5s --latency -s "$HERE/hourly-read.lua" -H "Authorization: Bearer $TOKEN" "$URL" | awk '/ 50%/{print $2}')
  echo "$i anonymous $anonymous token $token"
done
