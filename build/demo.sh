#!/usr/bin/env bash
# The demo: start PostgreSQL, pack the SDK, build the sample platform's migrations with it, deploy them, show status.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

server="$("$root/build/postgres.sh" | tail -n 1)"
port="$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$server")"
echo "== PostgreSQL running on 127.0.0.1:$port"
runuser -u postgres -- psql -h /tmp -p "$port" -qtAc "DROP DATABASE IF EXISTS video_dubbing_demo WITH (FORCE)" 2>/dev/null \
  || PGPASSWORD=postgres psql -h 127.0.0.1 -p "$port" -U postgres -qtAc "DROP DATABASE IF EXISTS video_dubbing_demo WITH (FORCE)"
PGPASSWORD=postgres psql -h 127.0.0.1 -p "$port" -U postgres -qtAc "CREATE DATABASE video_dubbing_demo"

echo "== Packing Migrations.Sdk"
version="$("$root/build/pack.sh" | tail -n 1)"
echo "   $version"

echo "== Building samples/VideoDubbing.Migrations with the SDK"
dotnet build "$root/samples/VideoDubbing.Migrations" -c Release --nologo -v q
bundle="$root/samples/VideoDubbing.Migrations/bin/Release/net10.0/VideoDubbing.Migrations"

export DATABASE_URL="postgresql://postgres:postgres@127.0.0.1:$port/video_dubbing_demo"
echo "== $ VideoDubbing.Migrations deploy"
"$bundle" deploy
echo "== $ VideoDubbing.Migrations status"
"$bundle" status
