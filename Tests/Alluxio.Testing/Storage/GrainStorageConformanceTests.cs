using Alluxio.Runtime;
using Alluxio.Runtime.Storage;
using Xunit;

namespace Alluxio.Testing.Storage;

/// <summary>
/// The contract of <see cref="IGrainStorage"/> (see its documentation). Every provider's test class derives from this
/// one (or <see cref="DurableGrainStorageConformanceTests"/>) and supplies the provider; an in-memory fake is only
/// trusted because it passes the same tests as the real stores.
/// </summary>
public abstract class GrainStorageConformanceTests : IAsyncLifetime
{
    private static int s_counter;

    /// <summary>The provider under test, created per test.</summary>
    protected IGrainStorage Storage { get; private set; } = null!;

    /// <summary>Creates the provider under test (a fresh, empty store).</summary>
    protected abstract Task<IGrainStorage> CreateStorageAsync();

    /// <summary>Releases the provider.</summary>
    protected virtual Task DisposeStorageAsync() => Task.CompletedTask;

    /// <inheritdoc/>
    public async Task InitializeAsync() => Storage = await CreateStorageAsync();

    /// <inheritdoc/>
    public Task DisposeAsync() => DisposeStorageAsync();

    /// <summary>A grain id no other test uses.</summary>
    protected static GrainId NewGrainId(string type = "conformance") =>
        GrainId.Create(type, $"key-{Interlocked.Increment(ref s_counter)}-{Guid.NewGuid():N}");

    /// <summary>A state value.</summary>
    protected static ConformanceState Sample(int value) => new() { Value = value, Name = $"névé-{value}", Items = ["a", value.ToString(System.Globalization.CultureInfo.InvariantCulture)] };

    [Fact]
    public async Task Reading_a_missing_record_leaves_state_and_reports_no_record()
    {
        var state = new GrainState<ConformanceState>(Sample(7));
        await Storage.ReadStateAsync("s", NewGrainId(), state);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(7, state.State.Value);
    }

    [Fact]
    public async Task Write_then_read_round_trips_the_state_and_etag()
    {
        var id = NewGrainId();
        var written = new GrainState<ConformanceState>(Sample(42));
        await Storage.WriteStateAsync("s", id, written);
        Assert.NotNull(written.ETag);
        Assert.True(written.RecordExists);

        var read = new GrainState<ConformanceState>(new ConformanceState());
        await Storage.ReadStateAsync("s", id, read);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(42, read.State.Value);
        Assert.Equal("névé-42", read.State.Name);
        Assert.Equal(["a", "42"], read.State.Items);
    }

    [Fact]
    public async Task Every_write_issues_a_new_etag()
    {
        var id = NewGrainId();
        var state = new GrainState<ConformanceState>(Sample(1));
        var seen = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            state.State.Value = i;
            await Storage.WriteStateAsync("s", id, state);
            Assert.True(seen.Add(state.ETag!), $"ETag {state.ETag} was issued twice.");
        }
    }

    [Fact]
    public async Task A_stale_etag_is_refused_and_changes_nothing()
    {
        var id = NewGrainId();
        var first = new GrainState<ConformanceState>(Sample(1));
        await Storage.WriteStateAsync("s", id, first);
        var stale = new GrainState<ConformanceState>(Sample(2), first.ETag);
        first.State.Value = 3;
        await Storage.WriteStateAsync("s", id, first);

        var e = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("s", id, stale));
        Assert.Equal(first.ETag, e.StoredEtag);

        var read = new GrainState<ConformanceState>(new ConformanceState());
        await Storage.ReadStateAsync("s", id, read);
        Assert.Equal(3, read.State.Value);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task Creating_requires_a_null_etag_and_a_null_etag_cannot_overwrite()
    {
        var id = NewGrainId();
        var bogus = new GrainState<ConformanceState>(Sample(1), "12345");
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("s", id, bogus));

        await Storage.WriteStateAsync("s", id, new GrainState<ConformanceState>(Sample(2)));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("s", id, new GrainState<ConformanceState>(Sample(3))));
    }

    [Fact]
    public async Task Clear_removes_the_record_and_checks_the_etag()
    {
        var id = NewGrainId();
        var state = new GrainState<ConformanceState>(Sample(1));
        await Storage.WriteStateAsync("s", id, state);
        var stale = new GrainState<ConformanceState>(Sample(1), state.ETag);
        await Storage.WriteStateAsync("s", id, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync("s", id, stale));
        await Storage.ClearStateAsync("s", id, state);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);

        var read = new GrainState<ConformanceState>(Sample(99));
        await Storage.ReadStateAsync("s", id, read);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task An_etag_from_before_a_clear_and_recreate_is_refused()
    {
        var id = NewGrainId();
        var holder = new GrainState<ConformanceState>(Sample(1));
        await Storage.WriteStateAsync("s", id, holder);
        var old = new GrainState<ConformanceState>(Sample(1), holder.ETag);

        await Storage.ClearStateAsync("s", id, holder);
        await Storage.WriteStateAsync("s", id, holder);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("s", id, old));
    }

    [Fact]
    public async Task State_names_and_grain_types_key_separate_records()
    {
        var id = NewGrainId("typea");
        var sameKeyOtherType = GrainId.Create("typeb", id.Key.Value);
        await Storage.WriteStateAsync("one", id, new GrainState<ConformanceState>(Sample(1)));
        await Storage.WriteStateAsync("two", id, new GrainState<ConformanceState>(Sample(2)));
        await Storage.WriteStateAsync("one", sameKeyOtherType, new GrainState<ConformanceState>(Sample(3)));

        async Task<int> Read(string name, GrainId grain)
        {
            var s = new GrainState<ConformanceState>(new ConformanceState());
            await Storage.ReadStateAsync(name, grain, s);
            return s.State.Value;
        }

        Assert.Equal(1, await Read("one", id));
        Assert.Equal(2, await Read("two", id));
        Assert.Equal(3, await Read("one", sameKeyOtherType));
    }

    [Fact]
    public async Task Concurrent_writers_with_the_same_etag_have_exactly_one_winner()
    {
        var id = NewGrainId();
        var initial = new GrainState<ConformanceState>(Sample(0));
        await Storage.WriteStateAsync("s", id, initial);

        const int writers = 32;
        var attempts = Enumerable.Range(1, writers).Select(async i =>
        {
            var mine = new GrainState<ConformanceState>(Sample(i), initial.ETag);
            try
            {
                await Storage.WriteStateAsync("s", id, mine);
                return i;
            }
            catch (InconsistentStateException)
            {
                return 0;
            }
        }).ToList();
        var results = await Task.WhenAll(attempts);
        var winners = results.Where(r => r != 0).ToList();
        Assert.Single(winners);

        var read = new GrainState<ConformanceState>(new ConformanceState());
        await Storage.ReadStateAsync("s", id, read);
        Assert.Equal(winners[0], read.State.Value);
    }

    [Fact]
    public async Task Concurrent_writers_of_different_records_all_succeed()
    {
        var ids = Enumerable.Range(0, 64).Select(_ => NewGrainId()).ToList();
        await Task.WhenAll(ids.Select((id, i) => Storage.WriteStateAsync("s", id, new GrainState<ConformanceState>(Sample(i)))));
        for (var i = 0; i < ids.Count; i++)
        {
            var read = new GrainState<ConformanceState>(new ConformanceState());
            await Storage.ReadStateAsync("s", ids[i], read);
            Assert.Equal(i, read.State.Value);
        }
    }

    [Fact]
    public async Task Later_changes_to_the_written_object_do_not_reach_the_store()
    {
        var id = NewGrainId();
        var state = new GrainState<ConformanceState>(Sample(5));
        await Storage.WriteStateAsync("s", id, state);
        state.State.Value = 6;
        state.State.Items.Add("mutated");

        var read = new GrainState<ConformanceState>(new ConformanceState());
        await Storage.ReadStateAsync("s", id, read);
        Assert.Equal(5, read.State.Value);
        Assert.DoesNotContain("mutated", read.State.Items);
    }
}
