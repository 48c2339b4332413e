#!/usr/bin/env python3
"""getStatus ops/s from Python's grpcio against a live silo, next to a gRPC no-op from the same client.

    python3 bench/python/metadata_bench.py --master 127.0.0.1:19998            # --quick: 3 runs of 2 s

Creates --files empty files under --dir, then for each client mode measures --runs runs of --seconds with --callers
concurrent callers (after one warm-up run), alternating getStatus (of the files in turn) and the no-op (the standard
health check, unary, on the same channel: the transport floor). Modes:
  threads : the synchronous stub, one thread per caller, one channel
  aio     : grpc.aio, one coroutine per caller, one channel
  session : grpc.aio over FileSystemMaster.MetadataSession (what the .NET SDK uses): callers' requests are batched
            onto one bidirectional stream; the no-op stays the unary health check
Prints the median and every run, and the client's own CPU per call (the Python process's ceiling).
"""
import argparse
import asyncio
import getpass
import os
import statistics
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "python"))
import alluxio_stubs  # noqa: E402  (examples/python: generates the stubs from the repository's protos)


def main():
    args = parse_args()
    try:
        s = alluxio_stubs.load()
    except alluxio_stubs.StubError as error:
        print(f"error: {error}", file=sys.stderr)
        return 3
    import grpc

    metadata = (("alluxio-user", args.user),)
    try:
        return measure(grpc, s, args, metadata)
    except grpc.RpcError as error:
        print(f"error: {error.code().name}: {error.details()} (is a silo serving gRPC at {args.master}?)", file=sys.stderr)
        return 3


def measure(grpc, s, args, metadata):
    from google.protobuf.internal import api_implementation

    paths = prepare(grpc, s, args, metadata)
    print(f"Python {sys.version.split()[0]}, grpcio {grpc.__version__}, protobuf {api_implementation.Type()} "
          f"implementation; {args.callers} callers, {args.runs} runs x {args.seconds:g} s after 1 warm-up, "
          f"getStatus over {len(paths):,} files at {args.master}")
    requests = [s.fs.GetStatusPRequest(path=p) for p in paths]
    results = []
    for mode in args.modes:
        runner = {"threads": ThreadCallers, "aio": AioCallers, "session": SessionCallers}[mode](grpc, s, args, metadata, requests)
        samples = {"getStatus": [], "no-op": []}
        for run in range(args.runs + 1):
            for op in samples:
                rate, cpu = runner.measure(op)
                if run > 0:
                    samples[op].append((rate, cpu))
        runner.close()
        for op, runs in samples.items():
            rates = [r for r, _ in runs]
            results.append((mode, op, statistics.median(rates), rates, statistics.median(c for _, c in runs)))
            print(f"{mode:<8} {op:<10} median {statistics.median(rates):>8,.0f} ops/s   runs "
                  f"{' '.join(f'{r:,.0f}' for r in rates)}   client CPU {statistics.median(c for _, c in runs):.0f} us/call",
                  flush=True)
    best = max((r for r in results if r[1] == "getStatus"), key=lambda r: r[2])
    noop = next(r for r in results if r[0] == best[0] and r[1] == "no-op")
    print(f"best: {best[0]} getStatus {best[2]:,.0f} ops/s ({best[2] / noop[2]:.0%} of its no-op, {noop[2]:,.0f} ops/s)")
    return 0


def prepare(grpc, s, args, metadata):
    """Empty files under --dir (replacing what a previous run left), created from 16 threads."""
    fs = s.fs
    with grpc.insecure_channel(args.master) as channel:
        stub = s.fs_grpc.FileSystemMasterClientServiceStub(channel)
        try:
            stub.Remove(fs.DeletePRequest(path=args.dir, options=fs.DeletePOptions(recursive=True)), metadata=metadata, timeout=120)
        except grpc.RpcError as error:
            if error.code() != grpc.StatusCode.NOT_FOUND:
                raise
        stub.CreateDirectory(fs.CreateDirectoryPRequest(path=args.dir, options=fs.CreateDirectoryPOptions(recursive=True)),
                             metadata=metadata, timeout=60)
        paths = [f"{args.dir}/f{i:06d}" for i in range(args.files)]
        create = fs.CreateFilePOptions(write_type=fs.MUST_CACHE)

        def make(chunk):
            for path in chunk:
                stub.CreateFile(fs.CreateFilePRequest(path=path, options=create), metadata=metadata, timeout=60)
                stub.CompleteFile(fs.CompleteFilePRequest(path=path), metadata=metadata, timeout=60)

        threads = [threading.Thread(target=make, args=(paths[i::16],)) for i in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        listed = sum(len(b.file_infos) for b in stub.ListStatus(fs.ListStatusPRequest(path=args.dir), metadata=metadata, timeout=60))
        if listed != len(paths):
            raise SystemExit(f"error: created {listed} of {len(paths)} files under {args.dir}")
        return paths


class ThreadCallers:
    def __init__(self, grpc, s, args, metadata, requests):
        self.args, self.metadata, self.requests = args, metadata, requests
        self.channel = grpc.insecure_channel(args.master)
        self.calls = {"getStatus": s.fs_grpc.FileSystemMasterClientServiceStub(self.channel).GetStatus,
                      "no-op": s.health_grpc.HealthStub(self.channel).Check}
        self.noop = s.health.HealthCheckRequest()

    def measure(self, op):
        call, n, counts = self.calls[op], len(self.requests), [0] * self.args.callers
        start = threading.Barrier(self.args.callers + 1)
        deadline = [0.0]

        def caller(index):
            done, i = 0, index
            start.wait()
            while time.monotonic() < deadline[0]:
                call(self.requests[i % n] if op == "getStatus" else self.noop, metadata=self.metadata, timeout=30)
                done, i = done + 1, i + self.args.callers
            counts[index] = done

        threads = [threading.Thread(target=caller, args=(i,)) for i in range(self.args.callers)]
        for thread in threads:
            thread.start()
        began, cpu = time.monotonic(), time.process_time()
        deadline[0] = began + self.args.seconds
        start.wait()
        for thread in threads:
            thread.join()
        return rate(counts, began, cpu)

    def close(self):
        self.channel.close()


class AioCallers:
    def __init__(self, grpc, s, args, metadata, requests):
        self.args, self.metadata, self.requests, self.s, self.grpc = args, metadata, requests, s, grpc
        self.loop = asyncio.new_event_loop()
        self.loop.run_until_complete(self.open())

    async def open(self):
        self.channel = self.grpc.aio.insecure_channel(self.args.master)
        self.calls = {"getStatus": self.s.fs_grpc.FileSystemMasterClientServiceStub(self.channel).GetStatus,
                      "no-op": self.s.health_grpc.HealthStub(self.channel).Check}
        self.noop = self.s.health.HealthCheckRequest()

    def measure(self, op):
        return self.loop.run_until_complete(self.run(op))

    async def get_status(self, request):
        await self.calls["getStatus"](request, metadata=self.metadata, timeout=30)

    async def run(self, op):
        n, callers = len(self.requests), self.args.callers
        began, cpu = time.monotonic(), time.process_time()
        deadline = began + self.args.seconds

        async def caller(index):
            done, i = 0, index
            while time.monotonic() < deadline:
                if op == "getStatus":
                    await self.get_status(self.requests[i % n])
                else:
                    await self.calls["no-op"](self.noop, metadata=self.metadata, timeout=30)
                done, i = done + 1, i + callers
            return done

        counts = await asyncio.gather(*(caller(i) for i in range(callers)))
        return rate(counts, began, cpu)

    def close(self):
        self.loop.run_until_complete(self.shutdown())
        self.loop.close()

    async def shutdown(self):
        await self.channel.close()


class SessionCallers(AioCallers):
    """getStatus through MetadataSession: a writer sends what callers queued as one batch; a reader resolves by id."""

    async def open(self):
        await super().open()
        self.session = self.s.fs_grpc.FileSystemMasterClientServiceStub(self.channel).MetadataSession(metadata=self.metadata)
        self.pending, self.queue, self.next_id = {}, asyncio.Queue(), 0
        self.writer = asyncio.ensure_future(self.write_batches())
        self.reader = asyncio.ensure_future(self.read_batches())

    async def get_status(self, request):
        self.next_id += 1
        answer = asyncio.get_running_loop().create_future()
        self.pending[self.next_id] = answer
        self.queue.put_nowait(self.s.fs.MetadataRequest(id=self.next_id, get_status=request))
        response = await answer
        if response.status_code != 0:
            raise RuntimeError(f"getStatus failed: status {response.status_code}: {response.status_message}")

    async def write_batches(self):
        while True:
            batch = self.s.fs.MetadataRequestBatch(requests=[await self.queue.get()])
            while not self.queue.empty():
                batch.requests.append(self.queue.get_nowait())
            await self.session.write(batch)

    async def read_batches(self):
        async for batch in self.session:
            for response in batch.responses:
                self.pending.pop(response.id).set_result(response)

    async def shutdown(self):
        self.writer.cancel()
        await self.session.done_writing()
        await self.reader
        await super().shutdown()


def rate(counts, began, cpu):
    elapsed, used, total = time.monotonic() - began, time.process_time() - cpu, sum(counts)
    return total / elapsed, used / max(total, 1) * 1e6


def parse_args():
    parser = argparse.ArgumentParser(description="getStatus ops/s from Python grpcio against a live silo.")
    parser.add_argument("--master", default="127.0.0.1:19998", help="the silo's gRPC host:port (default %(default)s)")
    parser.add_argument("--dir", default="/bench-python", help="Alluxio directory for the files, replaced (default %(default)s)")
    parser.add_argument("--files", type=int, default=2000, help="files to getStatus in turn (default %(default)s)")
    parser.add_argument("--callers", type=int, default=32, help="concurrent callers (default %(default)s)")
    parser.add_argument("--runs", type=int, default=5, help="measured runs per mode and operation (default %(default)s)")
    parser.add_argument("--seconds", type=float, default=3, help="length of a run (default %(default)s)")
    parser.add_argument("--modes", default="threads,aio,session", help="comma-separated: threads, aio, session (default %(default)s)")
    parser.add_argument("--user", default=getpass.getuser(), help="the user to act as (default %(default)s)")
    parser.add_argument("--quick", action="store_true", help="3 runs of 2 s")
    args = parser.parse_args()
    args.modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    if not args.modes or any(m not in ("threads", "aio", "session") for m in args.modes):
        parser.error("--modes takes threads, aio and/or session")
    if args.quick:
        args.runs, args.seconds = 3, 2
    return args


if __name__ == "__main__":
    sys.exit(main())
