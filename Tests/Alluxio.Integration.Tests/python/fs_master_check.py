"""Checks the FileSystemMaster gRPC service of a running silo with Python's grpcio (the C core), an implementation
independent of ours. The .NET test prepares /py/list with N files and a world-writable /py/open, runs this, and then checks what it
created.

Prints one line per check and "ALL PASSED" at the end; exits non-zero on the first failure.
"""
import argparse
import sys

import grpc


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--stubs", required=True)
    parser.add_argument("--files", type=int, required=True)
    args = parser.parse_args()
    sys.path.insert(0, args.stubs)
    from alluxio_fs import file_system_master_pb2 as fs
    from alluxio_fs import file_system_master_pb2_grpc as fs_grpc

    metadata = (("alluxio-user", "python-check"),)
    never = fs.ListStatusPOptions(load_metadata_type=fs.NEVER)
    with grpc.insecure_channel(f"127.0.0.1:{args.port}") as channel:
        stub = fs_grpc.FileSystemMasterClientServiceStub(channel)

        status = stub.GetStatus(fs.GetStatusPRequest(path="/py/list"), metadata=metadata, timeout=30).file_info
        check(status.folder and status.path == "/py/list" and status.name == "list", "getStatus of a directory", status)

        messages = list(stub.ListStatus(fs.ListStatusPRequest(path="/py/list", options=never), metadata=metadata, timeout=60))
        infos = [info for message in messages for info in message.file_infos]
        names = [info.name for info in infos]
        check(len(infos) == args.files, f"listStatus returns {args.files} entries", len(infos))
        check(len(messages) > 1, "listStatus streams several messages", len(messages))
        check(names == sorted(names), "listStatus is in name order", names[:5])
        check(all(info.path == "/py/list/" + info.name for info in infos), "every entry has its full path", infos[0].path)
        check(all(info.persistence_state in ("NOT_PERSISTED", "PERSISTED", "TO_BE_PERSISTED") for info in infos),
              "every entry has a persistence state", infos[0].persistence_state)
        check(all(info.file_id > 0 and info.block_size_bytes > 0 and info.owner for info in infos),
              "every entry has its id, block size and owner", infos[0])

        try:
            stub.GetStatus(fs.GetStatusPRequest(path="/py/missing"), metadata=metadata, timeout=30)
            check(False, "getStatus of a missing path fails", "no error")
        except grpc.RpcError as error:
            check(error.code() == grpc.StatusCode.NOT_FOUND and "/py/missing" in error.details(),
                  "getStatus of a missing path is NOT_FOUND", (error.code(), error.details()))

        try:
            stub.CreateDirectory(fs.CreateDirectoryPRequest(path="/py/made"), metadata=metadata, timeout=30)
            check(False, "createDirectory in another user's directory is refused", "no error")
        except grpc.RpcError as error:
            check(error.code() == grpc.StatusCode.PERMISSION_DENIED and "python-check" in error.details(),
                  "createDirectory in another user's directory is PERMISSION_DENIED", (error.code(), error.details()))

        made = stub.CreateDirectory(fs.CreateDirectoryPRequest(path="/py/open/made"), metadata=metadata, timeout=30).file_info
        check(made.folder and made.owner == "python-check", "createDirectory as the caller's user", made)

    print("ALL PASSED", flush=True)


def check(condition, what, detail):
    if not condition:
        print(f"FAIL {what}: {detail}", flush=True)
        sys.exit(1)
    print(f"ok   {what}", flush=True)


if __name__ == "__main__":
    main()
