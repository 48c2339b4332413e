using Alluxio.Grpc;
using Alluxio.Protos.Grpc.Block;
using Google.Protobuf;
using Xunit;

namespace Alluxio.Integration.Tests;

/// <summary>Malformed or impossible BlockWorker requests, sent as raw gRPC: each gets a clear status and changes nothing.</summary>
public sealed class BlockWorkerProtocolTests(DataPathFixture fx) : IClassFixture<DataPathFixture>
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = BlockWorkerReflection.Descriptor.Services[0];
    private static readonly Method<WriteRequest, WriteResponse> WriteBlock = Method<WriteRequest, WriteResponse>.From(Service, "WriteBlock");
    private static readonly Method<ReadRequest, ReadResponse> ReadBlock = Method<ReadRequest, ReadResponse>.From(Service, "ReadBlock");
    private static readonly Method<WriteUfsFileRequest, WriteUfsFileResponse> WriteUfsFile = Method<WriteUfsFileRequest, WriteUfsFileResponse>.From(Service, "WriteUfsFile");
    private static readonly Method<OpenLocalBlockRequest, OpenLocalBlockResponse> OpenLocalBlock = Method<OpenLocalBlockRequest, OpenLocalBlockResponse>.From(Service, "OpenLocalBlock");

    [Fact]
    public async Task A_lease_is_trusted_only_after_a_full_read_checked_the_block()
    {
        using var channel = GrpcChannel.ForAddress(fx.Silo.Address);
        var blockId = await IncompleteFileBlockAsync("/proto-trusted");
        await WriteAsync(channel, blockId, "0123456789");

        Assert.False((await LeaseAsync(channel, blockId)).Trusted); // written, never read: the client must check
        Assert.Equal("0123456789", await ReadAsync(channel, new ReadRequest { BlockId = blockId })); // the worker checks it

        var lease = await LeaseAsync(channel, blockId);
        Assert.True(lease.Trusted);
        Assert.Single(lease.ChunkCrcs); // the checksums still travel, for clients that check anyway
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_ufs_write_may_append_only_its_own_cached_blocks(bool ownBlockMissing)
    {
        using var channel = GrpcChannel.ForAddress(fx.Silo.Address);
        var other = await IncompleteFileBlockAsync(ownBlockMissing ? "/proto-ufs-own-other" : "/proto-ufs-other");
        await WriteAsync(channel, other, "someone else's bytes");
        var path = ownBlockMissing ? "/proto-ufs-own" : "/proto-ufs-mine";
        var own = await IncompleteFileBlockAsync(path);

        using var call = channel.ClientStreaming(WriteUfsFile, new CallOptions(new Metadata().Add(Grains.Wire.WireHeaders.User, Environment.UserName)));
        await call.RequestStream.WriteAsync(new WriteUfsFileRequest { Command = new WriteUfsFileCommand { Path = path } });
        await call.RequestStream.WriteAsync(new WriteUfsFileRequest { BlockId = ownBlockMissing ? own : other });
        await call.RequestStream.CompleteAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(ownBlockMissing ? StatusCode.NotFound : StatusCode.InvalidArgument, error.StatusCode);
        Assert.False(File.Exists(Path.Combine(fx.UnderFs, path.TrimStart('/')))); // nothing appeared in the UFS
    }

    [Fact]
    public async Task A_ufs_write_from_a_corrupt_block_fails_before_anything_reaches_the_ufs()
    {
        using var channel = GrpcChannel.ForAddress(fx.Silo.Address);
        const string path = "/proto-ufs-corrupt";
        var blockId = await IncompleteFileBlockAsync(path);
        var content = new string('x', 3 << 20);
        await WriteAsync(channel, blockId, content); // written, not yet checked: the append checks it
        var blockFile = Path.Combine(fx.Silo.DataDir, "tiers", "mem", "blocks", blockId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using (var file = new FileStream(blockFile, FileMode.Open, FileAccess.Write))
        {
            file.Position = (2 << 20) + 7; // in the last piece: the pieces before it are copied first
            file.WriteByte((byte)'y');
        }

        using var call = channel.ClientStreaming(WriteUfsFile, new CallOptions(new Metadata().Add(Grains.Wire.WireHeaders.User, Environment.UserName)));
        await call.RequestStream.WriteAsync(new WriteUfsFileRequest { Command = new WriteUfsFileCommand { Path = path } });
        await call.RequestStream.WriteAsync(new WriteUfsFileRequest { BlockId = blockId });
        await call.RequestStream.CompleteAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("CRC32C", error.Status.Detail, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(fx.UnderFs, path.TrimStart('/'))));
        Assert.Empty(Directory.EnumerateFiles(fx.UnderFs, ".alluxio-ufs-*", SearchOption.AllDirectories)); // no pending write left
        Assert.False(File.Exists(blockFile)); // the corrupt block was dropped
    }

    private static async Task<OpenLocalBlockResponse> LeaseAsync(GrpcChannel channel, long blockId)
    {
        using var call = channel.DuplexStreaming(OpenLocalBlock);
        await call.RequestStream.WriteAsync(new OpenLocalBlockRequest { BlockId = blockId });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var response = call.ResponseStream.Current;
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        return response;
    }

    [Fact]
    public async Task A_write_stream_that_starts_with_data_is_refused()
    {
        using var channel = GrpcChannel.ForAddress(fx.Silo.Address);
        using var call = channel.ClientStreaming(WriteBlock);
        await call.RequestStream.WriteAsync(new WriteRequest { Chunk = ByteString.CopyFromUtf8("data before the command") });
        await call.RequestStream.CompleteAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("command", error.Status.Detail);
    }

    [Fact]
    public async Task A_block_written_twice_is_refused_and_the_first_copy_kept()
    {
        using var channel = GrpcChannel.ForAddress(fx.Silo.Address);
        var blockId = await IncompleteFileBlockAsync("/proto-twice"); // a file being written: its blocks are not orphans
        Assert.Equal(5, (await WriteAsync(channel, blockId, "first")).Length);

        var error = await Assert.ThrowsAsync<RpcException>(() => WriteAsync(channel, blockId, "second!"));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal("first", await ReadAsync(channel, new ReadRequest { BlockId = blockId }));
    }

    [Theory]
    [InlineData(-1, 0, 0, StatusCode.InvalidArgument)]
    [InlineData(0, 0, 5L << 20, StatusCode.InvalidArgument)]
    [InlineData(1, 9999, 0, StatusCode.InvalidArgument)]
    [InlineData(2, 0, 0, StatusCode.NotFound)]
    public async Task Impossible_reads_get_a_clear_status(int variant, long offset, long chunk, StatusCode expected)
    {
        using var channel = GrpcChannel.ForAddress(fx.Silo.Address);
        var blockId = await IncompleteFileBlockAsync("/proto-read-" + variant);
        await WriteAsync(channel, blockId, "0123456789");
        var request = variant switch
        {
            -1 => new ReadRequest { BlockId = blockId, Offset = -1 },
            0 => new ReadRequest { BlockId = blockId, ChunkSize = chunk },
            1 => new ReadRequest { BlockId = blockId, Offset = offset },
            _ => new ReadRequest { BlockId = Grains.Blocks.BlockId.Create(1L << 30, 0) }, // no such file
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => ReadAsync(channel, request));

        Assert.Equal(expected, error.StatusCode);
    }

    private async Task<long> IncompleteFileBlockAsync(string path) =>
        Grains.Blocks.BlockId.Create((await fx.Fs.CreateFileAsync(path)).FileId, 0);

    private static async Task<WriteResponse> WriteAsync(GrpcChannel channel, long blockId, string text)
    {
        using var call = channel.ClientStreaming(WriteBlock);
        await call.RequestStream.WriteAsync(new WriteRequest { Command = new WriteBlockCommand { BlockId = blockId } });
        await call.RequestStream.WriteAsync(new WriteRequest { Chunk = ByteString.CopyFromUtf8(text) });
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    private static async Task<string> ReadAsync(GrpcChannel channel, ReadRequest request)
    {
        using var call = channel.ServerStreaming(ReadBlock, request);
        var text = "";
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            text += call.ResponseStream.Current.Chunk.ToStringUtf8();
        }

        return text;
    }
}
