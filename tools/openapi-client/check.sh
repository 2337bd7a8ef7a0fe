#!/usr/bin/env bash
# Generates a C# client from the API's OpenAPI document with NSwag (a standard generator, from NuGet), compiles it, and
# checks what a client author relies on: paging parameters are int, sort and section are enums, answers are typed.
#
#   tools/openapi-client/check.sh                 # starts the API on a free port (over a scratch index) and reads /openapi/v1.json
#   tools/openapi-client/check.sh openapi.json    # checks a document already saved
#
# NSwag.ConsoleCore is installed into tools/openapi-client/.tools when missing; the client is built in a temp folder.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
nswag_version=14.7.1
work="$(mktemp -d)"
api_pid=""
cleanup() { [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

if [ $# -ge 1 ]; then
  cp "$1" "$work/openapi.json"
else
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  dotnet build "$root/src/SearchApi" -v q -nologo >/dev/null
  dotnet run --no-build --project "$root/src/SearchApi" --urls "http://127.0.0.1:$port" \
    --Search:IndexPath="$work/index" >"$work/api.log" 2>&1 &
  api_pid=$!
  for _ in $(seq 60); do
    curl -sf "http://127.0.0.1:$port/openapi/v1.json" -o "$work/openapi.json" && break
    sleep 1
  done
  [ -s "$work/openapi.json" ] || { echo "the API did not serve /openapi/v1.json:"; cat "$work/api.log"; exit 1; }
fi

nswag="$here/.tools/nswag"
[ -x "$nswag" ] || dotnet tool install NSwag.ConsoleCore --version "$nswag_version" --tool-path "$here/.tools" >/dev/null
mkdir -p "$work/client"
"$nswag" openapi2csclient /input:"$work/openapi.json" /output:"$work/client/ArchiveSearchClient.cs" \
  /namespace:ArchiveSearch.Client /className:ArchiveSearchClient /jsonLibrary:SystemTextJson \
  /generateClientInterfaces:false >"$work/nswag.log" || { cat "$work/nswag.log"; exit 1; }

cp "$here/Check.cs" "$work/client/"
cat >"$work/client/ClientCheck.csproj" <<'PROJ'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>disable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <!-- The generated code's own warnings are NSwag's business; the check is that it compiles. -->
    <NoWarn>$(NoWarn);CS8618;CS0108;CS0114;CS0472;CS0612;CS1573;CS1591;CS8073;CS3016;CS8600;CS8602;CS8603;CS8604;CS8625;CS8765</NoWarn>
  </PropertyGroup>
</Project>
PROJ
dotnet build "$work/client" -v q -nologo -o "$work/out" >"$work/build.log" || { cat "$work/build.log"; exit 1; }
dotnet "$work/out/ClientCheck.dll"
