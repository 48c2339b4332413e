#!/usr/bin/env bash
# Builds and starts the embedded single silo (master + worker roles) with a local root mount.
# Defaults: --data-dir ./data, --root-ufs ./data/underfs, gRPC on 19998, web on 19999. Extra arguments go to
# alluxio-silo (see: deploy/run-silo.sh --help). Installs librocksdb7.8 first if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh
dotnet build Silo/Alluxio.Silo -c Release -nologo -clp:ErrorsOnly -v:q
exec dotnet Silo/Alluxio.Silo/bin/Release/net10.0/alluxio-silo.dll "$@"
