using System.Diagnostics;
using Alluxio.Client;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Alluxio.Grpc;
using Alluxio.Testing.Processes;
using Xunit;

namespace Alluxio.Integration.Tests.Sdk;

/// <summary>
/// The SDK's retry rule against a master that injects faults: idempotent calls are retried after Unavailable (with
/// backoff, within the budget, on the next master of the list), non-idempotent ones are sent exactly once, other
/// errors are never retried. Both transports: the metadata session and one unary rpc per call.
/// </summary>
public sealed class SdkRetryTests
{
    private static FileSystemClientOptions Options(bool session, TimeSpan? budget = null) => new()
    {
        UseMetadataSession = session,
        RetryBaseSleep = TimeSpan.FromMilliseconds(5),
        RetryMaxSleep = TimeSpan.FromMilliseconds(40),
        RetryMaxDuration = budget ?? TimeSpan.FromSeconds(20),
        CallTimeout = TimeSpan.FromSeconds(20),
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_idempotent_read_is_retried_after_unavailable(bool session)
    {
        await using var master = await FaultyMaster.StartAsync();
        master.AddFile("/a");
        master.FailNext("GetStatus", 2);
        using var fs = FileSystem.Connect(master.Address, Options(session));

        var status = await fs.GetStatusAsync("/a");

        Assert.Equal("/a", status.Path);
        Assert.Equal(3, master.Calls("GetStatus"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_create_is_sent_once_and_its_unavailable_reaches_the_caller(bool session)
    {
        await using var master = await FaultyMaster.StartAsync();
        master.FailNext("CreateFile", 1);
        using var fs = FileSystem.Connect(master.Address, Options(session));

        await Assert.ThrowsAsync<UnavailableException>(() => fs.CreateFileAsync("/new"));

        Assert.Equal(1, master.Calls("CreateFile"));
        Assert.NotNull(await fs.CreateFileAsync("/new")); // The next call is the caller's decision, and it works.
        Assert.Equal(2, master.Calls("CreateFile"));
    }

    [Fact]
    public async Task A_create_whose_session_broke_after_it_was_applied_is_not_sent_again()
    {
        await using var master = await FaultyMaster.StartAsync();
        master.AbortSessionOn("CreateFile");
        using var fs = FileSystem.Connect(master.Address, Options(session: true));

        await Assert.ThrowsAsync<UnavailableException>(() => fs.CreateFileAsync("/applied"));

        Assert.Equal(1, master.Calls("CreateFile"));
        Assert.Equal("/applied", (await fs.GetStatusAsync("/applied")).Path); // a new session; the create did happen once
        await Assert.ThrowsAsync<FileAlreadyExistsException>(() => fs.CreateFileAsync("/applied"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Other_errors_are_never_retried(bool session)
    {
        await using var master = await FaultyMaster.StartAsync();
        master.AddFile("/a");
        master.FailNext("GetStatus", 1, StatusCode.Internal);
        using var fs = FileSystem.Connect(master.Address, Options(session));

        var error = await Assert.ThrowsAsync<AlluxioException>(() => fs.GetStatusAsync("/a"));
        await Assert.ThrowsAsync<FileDoesNotExistException>(() => fs.GetStatusAsync("/missing"));

        Assert.Equal(AlluxioStatus.Internal, error.Status);
        Assert.Equal(2, master.Calls("GetStatus"));
    }

    [Fact]
    public async Task Retries_stop_at_the_budget()
    {
        await using var master = await FaultyMaster.StartAsync();
        master.AddFile("/a");
        master.FailNext("GetStatus", 1_000);
        using var fs = FileSystem.Connect(master.Address, Options(session: false, budget: TimeSpan.FromMilliseconds(400)));

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<UnavailableException>(() => fs.GetStatusAsync("/a"));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));
        Assert.InRange(master.Calls("GetStatus"), 3, 200);
    }

    [Fact]
    public async Task A_listing_is_retried_before_its_first_batch()
    {
        await using var master = await FaultyMaster.StartAsync();
        master.AddFile("/a");
        master.AddFile("/b");
        master.FailNext("ListStatus", 2);
        using var fs = FileSystem.Connect(master.Address, Options(session: true));

        var names = new List<string>();
        await foreach (var entry in fs.ListStatusAsync("/"))
        {
            names.Add(entry.Path);
        }

        Assert.Equal(["/a", "/b"], names);
        Assert.Equal(3, master.Calls("ListStatus"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_dead_master_in_the_list_is_passed_over(bool session)
    {
        await using var master = await FaultyMaster.StartAsync();
        master.AddFile("/a");
        var dead = $"127.0.0.1:{FreePort.Next()}";
        var options = Options(session);
        options.Masters = [dead, master.Address];
        using var fs = FileSystem.Connect(options);

        Assert.Equal("/a", (await fs.GetStatusAsync("/a")).Path); // refused by the dead one, retried on the live one
        Assert.Equal(master.Address, fs.Address.Authority);
        Assert.NotNull(await fs.CreateFileAsync("/b")); // now on the live master: sent once
        Assert.Equal(1, master.Calls("CreateFile"));
    }

    [Fact]
    public async Task A_create_to_a_dead_master_fails_over_for_the_next_call_without_being_resent()
    {
        await using var master = await FaultyMaster.StartAsync();
        var options = Options(session: false);
        options.Masters = [$"127.0.0.1:{FreePort.Next()}", master.Address];
        using var fs = FileSystem.Connect(options);

        await Assert.ThrowsAsync<UnavailableException>(() => fs.CreateFileAsync("/c"));
        Assert.Equal(0, master.Calls("CreateFile"));

        Assert.NotNull(await fs.CreateFileAsync("/c"));
        Assert.Equal(1, master.Calls("CreateFile"));
    }
}
