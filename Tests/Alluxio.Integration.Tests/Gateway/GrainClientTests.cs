using Alluxio.Client;
using Alluxio.Client.Gateway;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Alluxio.Grains.Security;
using Alluxio.Runtime;
using Alluxio.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Alluxio.Integration.Tests.Gateway;

/// <summary>
/// The grain client against a real silo process: the namespace grain called through the gateway gives what the SDK
/// sees, streams, typed errors, the caller identity taken from the connection (never from an argument), failover, and
/// refusals that name the problem.
/// </summary>
[Collection(GatewaySiloCollection.Name)]
public sealed class GrainClientTests(GatewaySilo silo)
{
    private static readonly CallerIdentity Anyone = CallerIdentity.OfUser("root");

    [Fact]
    public async Task Namespace_calls_through_the_gateway_match_the_sdk()
    {
        using var client = GrainClient.Connect(silo.Address, new GrainClientOptions { User = "grain-user" });
        var fs = client.GetGrain<IFileSystemGrain>(0);

        await fs.CreateDirectory("/open/gw/a", new CreateDirectoryOptions(Recursive: true), Anyone);
        var created = await fs.CreateFile("/open/gw/a/f", new CreateFileOptions(WriteType: WriteType.MustCache), Anyone);
        var completed = await fs.CompleteFile("/open/gw/a/f", new CompleteFileOptions(Length: 0), Anyone);
        await fs.Rename("/open/gw/a/f", "/open/gw/a/g", new RenameOptions(), Anyone);

        using var sdk = FileSystem.Connect(silo.Address);
        var seen = await sdk.GetStatusAsync("/open/gw/a/g");
        Assert.Equal(created.FileId, seen.FileId);
        Assert.True(completed.Completed);
        Assert.Equal(seen, await fs.GetStatus("/open/gw/a/g", SyncOptions.Default, Anyone));
        Assert.True(await fs.Exists("/open/gw/a/g", SyncOptions.Default, Anyone));
        Assert.False(await fs.Exists("/open/gw/a/f", SyncOptions.Default, Anyone));
        Assert.Contains(await fs.GetMountTable(Anyone), m => m.AlluxioPath == "/");
        await fs.Delete("/open/gw/a/g", new DeleteOptions(), Anyone);
        Assert.False(await sdk.ExistsAsync("/open/gw/a/g"));
    }

    [Fact]
    public async Task The_caller_is_the_connections_user_whatever_the_argument_says()
    {
        using var client = GrainClient.Connect(silo.Address, new GrainClientOptions { User = "mallory" });
        var fs = client.GetGrain<IFileSystemGrain>(0);
        using var admin = FileSystem.Connect(silo.Address, new FileSystemClientOptions { User = Environment.UserName });
        await admin.CreateDirectoryAsync("/gw-private", new CreateDirectoryOptions(AllowExists: true, Mode: 0x1C0)); // rwx------

        var made = await fs.CreateFile("/open/gw-mine", new CreateFileOptions(), CallerIdentity.OfUser(Environment.UserName));

        Assert.Equal("mallory", made.Owner);
        await Assert.ThrowsAsync<AccessControlException>(() => fs.CreateFile("/gw-private/x", new CreateFileOptions(), CallerIdentity.OfUser(Environment.UserName)));
    }

    [Fact]
    public async Task A_listing_streams_in_batches_and_can_be_left_early()
    {
        using var sdk = FileSystem.Connect(silo.Address);
        await sdk.CreateDirectoryAsync("/gw-list", new CreateDirectoryOptions(AllowExists: true));
        await Task.WhenAll(Enumerable.Range(0, 1500).Select(i => sdk.CreateFileAsync($"/gw-list/f{i:D4}", new CreateFileOptions(Overwrite: true))));
        using var client = GrainClient.Connect(silo.Address);
        var fs = client.GetGrain<IFileSystemGrain>(0);

        var all = new List<string>();
        await foreach (var entry in fs.ListStatus("/gw-list", new ListStatusOptions(), Anyone, CancellationToken.None))
        {
            all.Add(entry.Name);
        }

        var few = 0;
        using var stop = new CancellationTokenSource();
        await foreach (var entry in fs.ListStatus("/gw-list", new ListStatusOptions(), Anyone, stop.Token))
        {
            if (++few == 10)
            {
                break;
            }
        }

        Assert.Equal(1500, all.Count);
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        Assert.Equal(10, few);
        Assert.True(await fs.Exists("/gw-list", SyncOptions.Default, Anyone)); // the client still works after leaving a stream
    }

    [Fact]
    public async Task Errors_arrive_as_the_sdks_exception_types()
    {
        using var client = GrainClient.Connect(silo.Address);
        var fs = client.GetGrain<IFileSystemGrain>(0);

        var missing = await Assert.ThrowsAsync<FileDoesNotExistException>(() => fs.GetStatus("/gw-nothing", SyncOptions.Default, Anyone));
        Assert.Contains("/gw-nothing", missing.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<InvalidArgumentException>(() => fs.CreateDirectory("relative", new CreateDirectoryOptions(), Anyone));
        var listing = fs.ListStatus("/gw-nothing", new ListStatusOptions(), Anyone, CancellationToken.None);
        await Assert.ThrowsAsync<FileDoesNotExistException>(async () => await listing.GetAsyncEnumerator().MoveNextAsync());
    }

    [Fact]
    public async Task A_grain_interface_the_silo_does_not_know_is_refused_by_name()
    {
        using var client = GrainClient.Connect(silo.Address);

        var error = await Assert.ThrowsAsync<InvalidArgumentException>(() => client.GetGrain<IUnknownGrain>("x").Ping());

        Assert.Contains(nameof(IUnknownGrain), error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => client.GetGrain(typeof(IDisposable), GrainId.Create("t", "k")));
    }

    [Fact]
    public async Task An_unavailable_gateway_moves_the_client_to_the_next()
    {
        using var client = GrainClient.Connect(new GrainClientOptions { Gateways = [$"127.0.0.1:{FreePort.Next()}", silo.Address] });
        var fs = client.GetGrain<IFileSystemGrain>(0);

        await Assert.ThrowsAsync<UnavailableException>(() => fs.Exists("/", SyncOptions.Default, Anyone)); // not retried: sent once
        Assert.True(await fs.Exists("/", SyncOptions.Default, Anyone));
        Assert.Equal(silo.Address, client.Address.Authority);
    }

    [Fact]
    public async Task Dependency_injection_gives_an_IClusterClient()
    {
        await using var provider = new ServiceCollection().AddAlluxioGrainClient(o => o.Gateways = [silo.Address]).BuildServiceProvider();

        var client = provider.GetRequiredService<IClusterClient>();

        Assert.Same(client, provider.GetRequiredService<IGrainFactory>());
        Assert.True(await client.GetGrain<IFileSystemGrain>(0).Exists("/", SyncOptions.Default, Anyone));
    }

    /// <summary>A grain interface no silo implements (it lives only in this test assembly).</summary>
    public interface IUnknownGrain : IGrainWithStringKey
    {
        Task Ping();
    }
}
