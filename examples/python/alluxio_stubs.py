"""Python modules for the Alluxio.Orleans gRPC services, generated from the repository's .proto files on first use.

The stubs are made by protoc (3.15 or later: the protos use proto3 `optional`) with grpc_python_plugin, as Debian's
protobuf-compiler and protobuf-compiler-grpc install them, into a cache directory named after a hash of the protos and
the protoc version: a changed .proto is regenerated on the next run, an unchanged one is reused.

    stubs = alluxio_stubs.load()
    fs = stubs.fs  # alluxio.grpc.file messages;  stubs.fs_grpc.FileSystemMasterClientServiceStub(channel)
"""
import hashlib
import importlib
import os
import shutil
import subprocess
import sys
import tempfile
import types

# Each .proto under Protos/Alluxio.Protos a client needs, with the short name its modules are reached by. None of them
# imports another, so they are generated side by side into one package, named so it cannot shadow grpcio's `grpc`.
PROTOS = {
    "fs": "grpc/file/file_system_master.proto",
    "block_master": "grpc/block/block_master.proto",
    "worker": "grpc/block/block_worker.proto",
    "meta": "grpc/meta/meta_master.proto",
    "health": "grpc/health/v1/health.proto",
}
PACKAGE = "alluxio_protos"
INSTALL_HINT = ("on Debian 12: deploy/install-deps.sh --python "
                "(apt-get install python3-grpcio protobuf-compiler protobuf-compiler-grpc)")


class StubError(Exception):
    """The stubs cannot be generated or imported; the message says what to install."""


def default_proto_root():
    """Protos/Alluxio.Protos of the repository this file sits in (examples/python/ is two levels below the root)."""
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "..", "Protos", "Alluxio.Protos"))


def load(proto_root=None, cache_root=None):
    """Generates the stubs if needed and imports them; returns a namespace with <name> and <name>_grpc modules."""
    try:
        import grpc  # noqa: F401  (the generated *_pb2_grpc modules import it)
        import google.protobuf  # noqa: F401
    except ImportError as error:
        raise StubError(f"{sys.executable} cannot import grpcio/protobuf ({error}); {INSTALL_HINT}. "
                        "Run the script with Debian's /usr/bin/python3 if `python3` is another installation.") from error

    proto_root = proto_root or default_proto_root()
    sources = {}
    for name, relative in PROTOS.items():
        path = os.path.join(proto_root, relative)
        if not os.path.isfile(path):
            raise StubError(f"{path} is missing: pass --protos with the Protos/Alluxio.Protos directory of the repository")
        sources[name] = path

    directory = _ensure_generated(sources, cache_root)
    if directory not in sys.path:
        sys.path.insert(0, directory)
    stubs = types.SimpleNamespace(directory=directory)
    for name, path in sources.items():
        module = os.path.splitext(os.path.basename(path))[0]
        setattr(stubs, name, importlib.import_module(f"{PACKAGE}.{module}_pb2"))
        setattr(stubs, name + "_grpc", importlib.import_module(f"{PACKAGE}.{module}_pb2_grpc"))
    return stubs


def _ensure_generated(sources, cache_root):
    protoc = _tool("protoc")
    plugin = _tool("grpc_python_plugin")
    version = subprocess.run([protoc, "--version"], capture_output=True, text=True, check=False).stdout.strip()
    digest = hashlib.sha256(version.encode())
    for name in sorted(sources):
        with open(sources[name], "rb") as proto:
            digest.update(name.encode() + b"\0" + proto.read())

    roots = [cache_root] if cache_root else [
        os.path.join(os.path.dirname(os.path.abspath(__file__)), ".stubs"),
        os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "alluxio-orleans", "python-stubs"),
    ]
    for root in roots:
        target = os.path.join(root, digest.hexdigest()[:16])
        if os.path.isdir(target):
            return target
        try:
            os.makedirs(root, exist_ok=True)
            work = tempfile.mkdtemp(prefix=".generating-", dir=root)
        except OSError:
            continue  # not writable: try the next place
        try:
            _generate(protoc, plugin, sources, work)
            try:
                os.rename(work, target)  # atomic: a concurrent run either sees the whole directory or none
            except OSError:
                if not os.path.isdir(target):
                    raise
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return target
    raise StubError(f"no writable directory for the generated stubs (tried {', '.join(roots)})")


def _generate(protoc, plugin, sources, work):
    package_dir = os.path.join(work, PACKAGE)
    os.makedirs(package_dir)
    files = []
    for path in sources.values():
        shutil.copyfile(path, os.path.join(package_dir, os.path.basename(path)))
        files.append(f"{PACKAGE}/{os.path.basename(path)}")
    command = [protoc, "-I", work, "--python_out", work, "--grpc_python_out", work,
               f"--plugin=protoc-gen-grpc_python={plugin}", *files]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise StubError(f"protoc failed ({' '.join(command)}):\n{result.stderr.strip()}\n"
                        "protoc 3.15 or later is needed (the protos use proto3 optional fields)")


def _tool(name):
    path = shutil.which(name)
    if path is None:
        raise StubError(f"{name} is not on PATH; {INSTALL_HINT}")
    return path
