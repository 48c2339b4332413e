using Alluxio.Testing;
using Alluxio.Testing.Time;
using Alluxio.Ufs.Local;

namespace Alluxio.Ufs.Tests;

/// <summary>Failures N times or always, path filters, seeded probabilities, latency on a fake clock, call counts.</summary>
public sealed class FaultInjectingUnderFileSystemTests : IAsyncLifetime
{
    private readonly ScratchDirectory _scratch = new();
    private readonly ManualTimeProvider _time = new();
    private FaultInjectingUnderFileSystem _ufs = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_scratch.InRoot("d"));
        await File.WriteAllTextAsync(_scratch.InRoot("d/f.txt"), "0123456789");
        _ufs = new FaultInjectingUnderFileSystem(new LocalUnderFileSystem(_scratch.Root), seed: 7, _time);
    }

    public async Task DisposeAsync()
    {
        await _ufs.DisposeAsync();
        _scratch.Dispose();
    }

    [Fact]
    public async Task Files_are_never_located_on_the_host_so_every_read_meets_the_faults()
    {
        Assert.NotNull(await ((IUnderFileSystem)_ufs.Inner).GetHostFileAsync("d/f.txt"));
        Assert.Null(await _ufs.GetHostFileAsync("d/f.txt"));
    }

    [Fact]
    public async Task A_fault_fails_n_times_then_calls_succeed_again()
    {
        var fault = _ufs.Fail(UfsOperation.GetStatus, times: 2);

        var first = await Assert.ThrowsAsync<UfsUnavailableException>(() => _ufs.GetStatusAsync("d/f.txt"));
        Assert.Contains("GetStatus", first.Message, StringComparison.Ordinal);
        Assert.Equal("d/f.txt", first.Path);
        await Assert.ThrowsAsync<UfsUnavailableException>(() => _ufs.GetStatusAsync("/d/./f.txt"));
        Assert.NotNull(await _ufs.GetStatusAsync("d/f.txt"));

        Assert.Equal(2, fault.Hits);
        Assert.False(fault.IsActive);
        Assert.Equal(3, _ufs.GetCallCount(UfsOperation.GetStatus));
        Assert.Equal(0, _ufs.GetCallCount(UfsOperation.Open));
    }

    [Fact]
    public async Task Faults_can_be_limited_to_paths_and_throw_chosen_exceptions()
    {
        await File.WriteAllTextAsync(_scratch.InRoot("public.txt"), "ok");
        var fault = _ufs.FailAlways(UfsOperation.Open, () => new UfsPermissionException("injected: no"), path => path.StartsWith("d/", StringComparison.Ordinal));

        await Assert.ThrowsAsync<UfsPermissionException>(() => _ufs.OpenAsync("d/f.txt"));
        await Assert.ThrowsAsync<UfsPermissionException>(() => _ufs.OpenAsync("/d/f.txt"));
        await using (var stream = await _ufs.OpenAsync("public.txt"))
        {
            Assert.Equal("ok", await new StreamReader(stream).ReadToEndAsync());
        }

        Assert.Equal(2, fault.Hits);
        fault.Remove();
        fault.Remove();
        Assert.False(fault.IsActive);
        await using var afterRemoval = await _ufs.OpenAsync("d/f.txt");
        Assert.Equal(4, _ufs.GetCallCount(UfsOperation.Open));
    }

    [Fact]
    public async Task A_rename_fault_matches_either_path()
    {
        _ufs.Fail(UfsOperation.Rename, times: 1, pathFilter: path => path == "target.txt");
        await Assert.ThrowsAsync<UfsUnavailableException>(() => _ufs.RenameAsync("d/f.txt", "target.txt"));
        Assert.True(File.Exists(_scratch.InRoot("d/f.txt")));
        Assert.True(await _ufs.RenameAsync("d/f.txt", "target.txt"));
    }

    [Fact]
    public async Task An_unavailable_ufs_fails_every_operation_until_restored()
    {
        var outage = _ufs.MakeUnavailable();

        await Assert.ThrowsAsync<UfsUnavailableException>(() => _ufs.GetStatusAsync(""));
        await Assert.ThrowsAsync<UfsUnavailableException>(async () => { await foreach (var _ in _ufs.ListAsync("d")) { } });
        await Assert.ThrowsAsync<UfsUnavailableException>(() => _ufs.CreateDirectoryAsync("x"));
        await Assert.ThrowsAsync<UfsUnavailableException>(() => _ufs.CreateFileAsync("x"));
        await Assert.ThrowsAsync<UfsUnavailableException>(() => _ufs.OpenAsync("d/f.txt"));
        await Assert.ThrowsAsync<UfsUnavailableException>(() => _ufs.DeleteFileAsync("d/f.txt"));
        await Assert.ThrowsAsync<UfsUnavailableException>(() => _ufs.DeleteDirectoryAsync("d", recursive: true));
        await Assert.ThrowsAsync<UfsUnavailableException>(() => _ufs.RenameAsync("d", "e"));
        await Assert.ThrowsAsync<UfsUnavailableException>(() => _ufs.SetModeAsync("d", 0x1FF));
        await Assert.ThrowsAsync<UfsUnavailableException>(() => _ufs.SetOwnerAsync("d", null, null));
        await Assert.ThrowsAsync<UfsUnavailableException>(() => _ufs.GetSpaceAsync());
        Assert.Throws<UfsUnavailableException>(() => _ufs.Watch("d"));
        Assert.True(File.Exists(_scratch.InRoot("d/f.txt")));
        Assert.Equal(12, outage.Hits);

        outage.Remove();
        Assert.NotNull(await _ufs.GetStatusAsync("d/f.txt"));
    }

    [Fact]
    public async Task A_write_fault_mid_stream_aborts_the_write_and_leaves_nothing()
    {
        var output = await _ufs.CreateFileAsync("d/new.bin");
        await output.WriteAsync(new byte[1000]);
        _ufs.Fail(UfsOperation.Write);

        await Assert.ThrowsAsync<UfsUnavailableException>(async () => await output.WriteAsync(new byte[1000]));

        Assert.Equal(UfsOutputState.Aborted, output.State);
        await output.DisposeAsync();
        Assert.Null(await _ufs.GetStatusAsync("d/new.bin"));
        Assert.Empty(_scratch.InternalLeftovers());
        Assert.Equal(2, _ufs.GetCallCount(UfsOperation.Write));
    }

    [Fact]
    public async Task A_commit_fault_aborts_and_a_retry_succeeds()
    {
        _ufs.Fail(UfsOperation.Commit);
        for (var attempt = 1; ; attempt++)
        {
            await using var output = await _ufs.CreateFileAsync("d/new.txt");
            await output.WriteAsync("payload"u8.ToArray());
            try
            {
                await output.CommitAsync();
                Assert.Equal(2, attempt);
                break;
            }
            catch (UfsUnavailableException)
            {
                Assert.Equal(1, attempt);
                Assert.Null(await _ufs.GetStatusAsync("d/new.txt"));
            }
        }

        Assert.Equal("payload", await File.ReadAllTextAsync(_scratch.InRoot("d/new.txt")));
        Assert.Empty(_scratch.InternalLeftovers());
        Assert.Equal(2, _ufs.GetCallCount(UfsOperation.Commit));
    }

    [Fact]
    public async Task A_read_fault_fails_one_read_of_an_open_stream()
    {
        await using var input = await _ufs.OpenAsync("d/f.txt", 2);
        _ufs.Fail(UfsOperation.Read);
        var buffer = new byte[4];
        await Assert.ThrowsAsync<UfsUnavailableException>(async () => await input.ReadExactlyAsync(buffer));
        Assert.Equal(4, input.Read(buffer, 0, 4));
        Assert.Equal("2345"u8.ToArray(), buffer);
        Assert.Equal(2, _ufs.GetCallCount(UfsOperation.Read));
    }

    [Fact]
    public async Task Latency_follows_the_injected_clock()
    {
        _ufs.Delay(UfsOperation.GetStatus, TimeSpan.FromSeconds(5));
        var pending = _ufs.GetStatusAsync("d/f.txt");

        Assert.False(pending.IsCompleted);
        Assert.Equal(1, _time.ScheduledTimerCount);
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(pending.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(await pending.Within("the delayed status call"));

        var undelayed = _ufs.OpenAsync("d/f.txt");
        await using var stream = await undelayed.Within("an open call, which has no latency rule");
    }

    [Fact]
    public async Task Probabilistic_faults_are_reproducible_from_the_seed()
    {
        async Task<string> RunAsync(FaultInjectingUnderFileSystem ufs)
        {
            ufs.FailRandomly(UfsOperation.GetStatus, 0.5);
            var outcomes = new char[100];
            for (var i = 0; i < outcomes.Length; i++)
            {
                try
                {
                    await ufs.GetStatusAsync("d/f.txt");
                    outcomes[i] = '.';
                }
                catch (UfsUnavailableException)
                {
                    outcomes[i] = 'X';
                }
            }

            return new string(outcomes);
        }

        var first = await RunAsync(_ufs);
        await using var twin = new FaultInjectingUnderFileSystem(new LocalUnderFileSystem(_scratch.Root), seed: 7);
        await using var other = new FaultInjectingUnderFileSystem(new LocalUnderFileSystem(_scratch.Root), seed: 8);

        Assert.Equal(first, await RunAsync(twin));
        Assert.NotEqual(first, await RunAsync(other));
        Assert.InRange(first.Count(c => c == 'X'), 25, 75);
    }

    [Fact]
    public async Task Concurrent_calls_consume_exactly_the_injected_failures()
    {
        var fault = _ufs.Fail(UfsOperation.GetStatus, times: 50);
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(async () =>
        {
            try
            {
                await _ufs.GetStatusAsync("d/f.txt");
                return true;
            }
            catch (UfsUnavailableException)
            {
                return false;
            }
        })));

        Assert.Equal(50, results.Count(ok => !ok));
        Assert.Equal(50, fault.Hits);
        Assert.Equal(200, _ufs.GetCallCount(UfsOperation.GetStatus));

        _ufs.ResetCallCounts();
        Assert.Equal(0, _ufs.GetCallCount(UfsOperation.GetStatus));
    }

    [Fact]
    public void Invalid_rules_are_rejected_and_clearing_removes_all()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ufs.FailRandomly(null, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ufs.Fail(UfsOperation.Open, times: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ufs.Delay(null, TimeSpan.FromSeconds(-1)));

        var a = _ufs.FailAlways(UfsOperation.Open);
        var b = _ufs.Delay(UfsOperation.List, TimeSpan.FromSeconds(1));
        _ufs.ClearFaults();
        Assert.False(a.IsActive);
        Assert.False(b.IsActive);
    }
}
