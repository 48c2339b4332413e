#!/usr/bin/env bash
# Packs the .NET client (Alluxio.Orleans.Client) and the project packages it depends on into artifacts/ (or $1).
# Usage: deploy/pack-client.sh [output-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts}"
for project in Runtime/Alluxio.Runtime.Abstractions Protos/Alluxio.Protos Protos/Alluxio.Grpc Grains/Alluxio.Grains.Abstractions Client/Alluxio.Client; do
  dotnet pack "$project" -c Release -o "$out" -nologo -clp:ErrorsOnly
done
ls "$out"/*.nupkg
