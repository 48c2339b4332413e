#!/usr/bin/env python3
"""Alluxio.Orleans from Python over gRPC: write a file across several blocks, list its directory, read it back.

    python3 examples/python/alluxio_example.py --master 127.0.0.1:19998

Talks to the silo's FileSystemMaster (namespace), BlockMaster (where the worker is) and BlockWorker (bytes) services
with stubs generated from the repository's .proto files (see alluxio_stubs.py and docs/grpc.md). Exit status: 0 when
the bytes read back equal the bytes written, 1 when they differ, 2 for bad arguments, 3 for any other failure (the
silo unreachable, a gRPC error, stubs that cannot be generated), each with a message on stderr.
"""
import argparse
import getpass
import hashlib
import os
import sys
import time

import alluxio_stubs

MIB = 1 << 20
BLOCK_ID_INDEX_BITS = 24  # block id = file id << 24 | block index (docs/grpc.md, "Block ids")


class ExampleError(Exception):
    """A failure with a message for the user."""


def main():
    args = parse_args()
    try:
        stubs = alluxio_stubs.load(args.protos)
    except alluxio_stubs.StubError as error:
        return fail(f"cannot generate the gRPC stubs: {error}")

    import grpc  # importable: alluxio_stubs.load checked it

    try:
        return Example(args, stubs, grpc).run()
    except ExampleError as error:
        return fail(str(error))
    except grpc.RpcError as error:
        return fail(f"{error.code().name}: {error.details()}")


class Example:
    def __init__(self, args, stubs, grpc):
        self.args = args
        self.s = stubs
        self.grpc = grpc
        self.metadata = (("alluxio-user", args.user),)  # who we act as (SIMPLE authentication)

    def call(self, what, rpc, request, **kwargs):
        """A unary call with the user header and a deadline; a failure names the call."""
        try:
            return rpc(request, metadata=self.metadata, timeout=self.args.timeout, **kwargs)
        except self.grpc.RpcError as error:
            raise ExampleError(describe(what, error, self.args.master)) from error

    def run(self):
        args, fs, worker_pb = self.args, self.s.fs, self.s.worker
        with self.grpc.insecure_channel(args.master) as master:
            info = self.call("getMasterInfo", self.s.meta_grpc.MetaMasterClientServiceStub(master).GetMasterInfo,
                             self.s.meta.GetMasterInfoPRequest()).master_info
            print(f"master {args.master}: version {info.version}, cluster {info.cluster_id}, up {info.up_time_ms / 1000:.0f} s")
            self.fs = self.s.fs_grpc.FileSystemMasterClientServiceStub(master)

            worker_address = args.worker or self.find_worker(master)
            with self.grpc.insecure_channel(worker_address) as worker_channel:
                self.worker = self.s.worker_grpc.BlockWorkerStub(worker_channel)
                directory = args.dir.rstrip("/") or "/"
                path = directory.rstrip("/") + "/" + args.file
                data = os.urandom(args.size)

                self.call("createDirectory", self.fs.CreateDirectory, fs.CreateDirectoryPRequest(
                    path=directory, options=fs.CreateDirectoryPOptions(recursive=True, allow_exists=True)))
                started = time.monotonic()
                status = self.write_file(path, data)
                print(f"wrote {path}: {status.length:,} bytes in {len(status.block_ids)} blocks of "
                      f"{status.block_size_bytes:,} bytes, {args.write_type}, {status.persistence_state}, "
                      f"{time.monotonic() - started:.2f} s")

                self.list_directory(directory)

                started = time.monotonic()
                read, sources = self.read_file(path)
                print(f"read {path}: {len(read):,} bytes in {len(sources)} ReadBlock streams, one per block "
                      f"(from {', '.join(sorted(set(sources)))}), {time.monotonic() - started:.2f} s")
                return compare(data, read)

    def find_worker(self, master):
        """The address of a live worker, from the block master (a silo with the worker role serves on its own port)."""
        stub = self.s.block_master_grpc.BlockMasterClientServiceStub(master)
        workers = self.call("getWorkerInfoList", stub.GetWorkerInfoList, self.s.block_master.GetWorkerInfoListPRequest()).workers
        if not workers:
            raise ExampleError("the cluster has no worker: start a silo with the worker role (the default)")
        worker = max(workers, key=lambda w: w.last_heartbeat_ms)
        tiers = ", ".join(f"{t.alias} {t.used_bytes // MIB:,}/{t.capacity_bytes // MIB:,} MiB" for t in worker.tiers)
        print(f"worker {worker.address} (id {worker.id}): {tiers}")
        return worker.address

    def write_file(self, path, data):
        """createFile, one WriteBlock stream per block (and for CACHE_THROUGH one WriteUfsFile stream), completeFile."""
        fs, args = self.s.fs, self.args
        created = self.call("createFile", self.fs.CreateFile, fs.CreateFilePRequest(path=path, options=fs.CreateFilePOptions(
            block_size_bytes=args.block_size, recursive=True, overwrite=True,
            write_type=fs.WritePType.Value(args.write_type)))).file_info
        ufs_write = None
        try:
            if args.write_type == "CACHE_THROUGH":
                # The UFS copy is a second, independent stream; .future() runs it while the blocks are written.
                ufs_write = self.worker.WriteUfsFile.future(self.ufs_messages(path, data), metadata=self.metadata,
                                                           timeout=args.timeout)
            for index, start in enumerate(range(0, len(data), created.block_size_bytes)):
                block = data[start:start + created.block_size_bytes]
                block_id = (created.file_id << BLOCK_ID_INDEX_BITS) | index
                committed = self.stream("WriteBlock", self.worker.WriteBlock, self.block_messages(block_id, block))
                if committed.length != len(block):
                    raise ExampleError(f"the worker committed {committed.length} of {len(block)} bytes of block {block_id}")
                print(f"  block {index} (id {block_id}): {committed.length:,} bytes committed to {committed.tier_alias}")
            if ufs_write is not None:
                try:
                    written = ufs_write.result().length
                except self.grpc.RpcError as error:
                    raise ExampleError(describe("WriteUfsFile", error, args.master)) from error
                if written != len(data):
                    raise ExampleError(f"the UFS received {written} of {len(data)} bytes")
            return self.call("completeFile", self.fs.CompleteFile, fs.CompleteFilePRequest(path=path, options=fs.CompleteFilePOptions(
                ufs_length=len(data), persisted=args.write_type == "CACHE_THROUGH"))).file_info
        except Exception:
            if ufs_write is not None:
                ufs_write.cancel()  # the worker drops a UFS file whose stream did not complete
            # As the SDK does: an incomplete file is removed (alluxio_only: never UFS data); the error is what matters.
            try:
                self.fs.Remove(fs.DeletePRequest(path=path, options=fs.DeletePOptions(alluxio_only=True)),
                               metadata=self.metadata, timeout=self.args.timeout)
            except self.grpc.RpcError:
                pass
            raise

    def stream(self, what, rpc, messages):
        try:
            return rpc(messages, metadata=self.metadata, timeout=self.args.timeout)
        except self.grpc.RpcError as error:
            raise ExampleError(describe(what, error, self.args.master)) from error

    def block_messages(self, block_id, block):
        """A WriteBlock stream: the command first, then the data in chunks (each message well under the 4 MiB limit)."""
        worker = self.s.worker
        yield worker.WriteRequest(command=worker.WriteBlockCommand(block_id=block_id, space_to_reserve=len(block)))
        for start in range(0, len(block), self.args.chunk_size):
            yield worker.WriteRequest(chunk=block[start:start + self.args.chunk_size])

    def ufs_messages(self, path, data):
        worker = self.s.worker
        yield worker.WriteUfsFileRequest(command=worker.WriteUfsFileCommand(path=path))
        for start in range(0, len(data), self.args.chunk_size):
            yield worker.WriteUfsFileRequest(chunk=data[start:start + self.args.chunk_size])

    def list_directory(self, directory):
        fs = self.s.fs
        request = fs.ListStatusPRequest(path=directory, options=fs.ListStatusPOptions(load_metadata_type=fs.NEVER))
        try:
            # A server stream: the listing arrives in batches of entries.
            entries = [info for batch in self.fs.ListStatus(request, metadata=self.metadata, timeout=self.args.timeout)
                       for info in batch.file_infos]
        except self.grpc.RpcError as error:
            raise ExampleError(describe("listStatus", error, self.args.master)) from error
        print(f"listing of {directory}: {len(entries)} entries")
        for info in entries:
            kind = "d" if info.folder else "-"
            print(f"  {kind}{mode_string(info.mode)} {info.owner:<10} {info.length:>12,}  {info.persistence_state:<15} "
                  f"{info.in_alluxio_percentage:>3}% cached  {info.name}")

    def read_file(self, path):
        """getStatus for the block ids, then one ReadBlock server stream per block."""
        fs, worker = self.s.fs, self.s.worker
        status = self.call("getStatus", self.fs.GetStatus, fs.GetStatusPRequest(path=path)).file_info
        if not status.completed:
            raise ExampleError(f"{path} is not complete")
        parts, sources = [], []
        for index, block_id in enumerate(status.block_ids):
            expected = min(status.block_size_bytes, status.length - index * status.block_size_bytes)
            request = worker.ReadRequest(block_id=block_id, offset=0, length=expected, chunk_size=self.args.chunk_size,
                                         read_type=worker.CACHE)
            received, source = 0, ""
            try:
                for response in self.worker.ReadBlock(request, metadata=self.metadata, timeout=self.args.timeout):
                    source = source or response.source  # set on the first message: MEM, SSD... or UFS
                    parts.append(response.chunk)
                    received += len(response.chunk)
            except self.grpc.RpcError as error:
                raise ExampleError(describe("ReadBlock", error, self.args.master)) from error
            if received != expected:
                raise ExampleError(f"block {block_id} ended after {received} of {expected} bytes")
            sources.append(source)
        return b"".join(parts), sources


def compare(written, read):
    print(f"sha256 written {hashlib.sha256(written).hexdigest()}")
    print(f"sha256 read    {hashlib.sha256(read).hexdigest()}")
    if written == read:
        print(f"OK: the {len(read):,} bytes read equal the bytes written")
        return 0
    if len(written) != len(read):
        print(f"MISMATCH: wrote {len(written):,} bytes, read {len(read):,}", file=sys.stderr)
    else:
        first = next(i for i in range(len(written)) if written[i] != read[i])
        print(f"MISMATCH: the bytes differ first at offset {first:,}", file=sys.stderr)
    return 1


def describe(what, error, master):
    code = error.code()
    message = f"{what} failed: {code.name}: {error.details()}"
    if code.name == "UNAVAILABLE":
        message += f" (is a silo serving gRPC at {master}? start one with ./deploy/run-silo.sh)"
    elif code.name == "DEADLINE_EXCEEDED":
        message += " (raise --timeout for a slow or busy silo)"
    return message


def mode_string(mode):
    return "".join(c if mode & (1 << (8 - i)) else "-" for i, c in enumerate("rwxrwxrwx"))


def fail(message):
    print(f"error: {message}", file=sys.stderr)
    return 3


def parse_args():
    parser = argparse.ArgumentParser(description="Write, list and read back a file in Alluxio.Orleans over gRPC.")
    parser.add_argument("--master", default="127.0.0.1:19998", help="the silo's gRPC host:port (default %(default)s)")
    parser.add_argument("--worker", help="the worker's host:port (default: as the block master reports it)")
    parser.add_argument("--dir", default="/python-example", help="Alluxio directory to write into (default %(default)s)")
    parser.add_argument("--file", default="example.bin", help="file name in --dir, replaced if present (default %(default)s)")
    parser.add_argument("--size", type=size, default=5 * MIB + 4321, help="bytes to write (default %(default)s)")
    parser.add_argument("--block-size", type=size, default=2 * MIB, help="the file's block size (default %(default)s)")
    parser.add_argument("--chunk-size", type=size, default=MIB, help="bytes per stream message (default %(default)s)")
    parser.add_argument("--write-type", choices=["CACHE_THROUGH", "MUST_CACHE"], default="CACHE_THROUGH",
                        help="CACHE_THROUGH: blocks and the UFS (durable); MUST_CACHE: blocks only (default %(default)s)")
    parser.add_argument("--user", default=getpass.getuser(), help="the user to act as (default: the OS user, %(default)s)")
    parser.add_argument("--timeout", type=float, default=60, help="deadline of each call in seconds (default %(default)s)")
    parser.add_argument("--protos", help="the Protos/Alluxio.Protos directory (default: this repository's)")
    args = parser.parse_args()
    if args.master.startswith("http://"):
        args.master = args.master[len("http://"):]
    if args.chunk_size > 4 * MIB - 64:
        parser.error("--chunk-size must stay under the 4 MiB message limit")
    if "/" in args.file or not args.file:
        parser.error("--file is a name, not a path")
    if not args.dir.startswith("/"):
        parser.error("--dir must be an absolute Alluxio path")
    return args


def size(text):
    """A byte count: 1048576, 64K, 2M, 1G."""
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    try:
        value = int(text[:-1]) * units[text[-1].upper()] if text[-1:].upper() in units else int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a byte count: {text}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {text}")
    return value


if __name__ == "__main__":
    sys.exit(main())
