#!/usr/bin/env bash
# Installs the Debian packages the product needs. Usage: deploy/install-deps.sh [--test | --bench | --python]
#   always  : librocksdb7.8 (the metadata store's RocksDB, bound through P/Invoke)
#   --bench : rclone and fuse3 (the peer the data path benchmark compares re-reads with: rclone mount over FUSE), and
#             the --python packages (bench/python)
#   --test  : the --python packages: the interop tests and the Python example's test call us from grpcio
#   --python: python3-grpcio (an independent gRPC implementation: examples/python, bench/python), protobuf-compiler and
#             protobuf-compiler-grpc (protoc 3.21 and grpc_python_plugin, to generate its stubs from our .proto files)
# Safe to run repeatedly: it installs only what is missing. Uses sudo when not root.
set -euo pipefail

packages=(librocksdb7.8)
python=(python3-grpcio protobuf-compiler protobuf-compiler-grpc)
case "${1:-}" in
  --test | --python) packages+=("${python[@]}") ;;
  --bench) packages+=(rclone fuse3 "${python[@]}") ;;
  "") ;;
  *) echo "usage: deploy/install-deps.sh [--test | --bench | --python]" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi

echo "installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
