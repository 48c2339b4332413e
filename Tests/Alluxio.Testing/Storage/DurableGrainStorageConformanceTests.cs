using Alluxio.Runtime.Storage;
using Xunit;

namespace Alluxio.Testing.Storage;

/// <summary>The conformance suite plus what a durable provider must also keep: everything written survives a restart.</summary>
public abstract class DurableGrainStorageConformanceTests : GrainStorageConformanceTests
{
    /// <summary>Closes the provider and opens a new one on the same data, as a process restart would.</summary>
    protected abstract Task<IGrainStorage> ReopenStorageAsync();

    [Fact]
    public async Task Acknowledged_writes_survive_a_reopen_and_etags_are_never_reissued()
    {
        var id = NewGrainId();
        var state = new GrainState<ConformanceState>(Sample(10));
        await Storage.WriteStateAsync("s", id, state);
        var cleared = NewGrainId();
        var gone = new GrainState<ConformanceState>(Sample(1));
        await Storage.WriteStateAsync("s", cleared, gone);
        var issued = new HashSet<string> { state.ETag!, gone.ETag! };
        await Storage.ClearStateAsync("s", cleared, gone);

        var reopened = await ReopenStorageAsync();
        var read = new GrainState<ConformanceState>(new ConformanceState());
        await reopened.ReadStateAsync("s", id, read);
        Assert.Equal(10, read.State.Value);
        Assert.Equal(state.ETag, read.ETag);

        var readCleared = new GrainState<ConformanceState>(new ConformanceState());
        await reopened.ReadStateAsync("s", cleared, readCleared);
        Assert.False(readCleared.RecordExists);

        await reopened.WriteStateAsync("s", cleared, readCleared);
        Assert.DoesNotContain(readCleared.ETag!, issued);
    }
}
