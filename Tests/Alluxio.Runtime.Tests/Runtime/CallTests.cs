using Alluxio.Runtime.Tests.Grains;
using Alluxio.Testing;
using Xunit;

namespace Alluxio.Runtime.Tests.Runtime;

public sealed class CallTests : SiloTest
{
    [Fact]
    public async Task Exceptions_reach_the_caller_with_type_and_message()
    {
        var grain = Grains.GetGrain<ICounterGrain>("err");
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Fail("it broke"));
        Assert.Equal("it broke", e.Message);
        var custom = await Assert.ThrowsAsync<CounterException>(() => grain.FailCustom(17));
        Assert.Equal(17, custom.Code);

        // The activation survives its exceptions.
        Assert.Equal(1, await grain.Increment());
    }

    [Fact]
    public async Task ValueTask_methods_work()
    {
        var grain = Grains.GetGrain<ICounterGrain>("vt");
        await grain.Increment();
        Assert.Equal(1, await grain.GetValueTask());
        await grain.Touch();
    }

    [Fact]
    public async Task A_call_past_its_response_timeout_fails_with_TimeoutException_and_cancels_the_grain()
    {
        var grain = Grains.GetGrain<ICancellableGrain>("slow");
        var e = await Assert.ThrowsAsync<TimeoutException>(() => grain.Hang(CancellationToken.None)).Within("the 300 ms timeout");
        Assert.Contains("ICancellableGrain.Hang", e.Message);
        Assert.Contains("00:00:00.3", e.Message);
        await Probe.Gate("hang-cancelled").Task.Within("the grain's token to fire on timeout");
    }

    [Fact]
    public async Task Cancelling_the_callers_token_cancels_the_call_and_the_grain_sees_it()
    {
        var grain = Grains.GetGrain<ICancellableGrain>("c");
        using var cts = new CancellationTokenSource();
        var call = grain.WaitForCancellation(cts.Token);
        await Probe.Gate("wait-started").Task.Within("the grain to start waiting");
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call).Within("the cancelled call");
        await Probe.Gate("grain-saw-cancel").Task.Within("the grain to observe cancellation");
    }

    [Fact]
    public async Task An_already_cancelled_token_fails_at_once_and_never_runs_the_grain()
    {
        var grain = Grains.GetGrain<ICancellableGrain>("pre");
        var call = grain.WaitForCancellation(new CancellationToken(canceled: true));
        Assert.True(call.IsCanceled);
        Assert.Equal(0, await grain.Calls());
    }

    [Fact]
    public async Task Arguments_and_results_are_copied_between_caller_and_grain()
    {
        var grain = Grains.GetGrain<ICopyGrain>("copy");
        var mine = new List<int> { 1, 2 };
        Assert.Equal(3, await grain.KeepAndMutate(mine));
        Assert.Equal([1, 2], mine);

        var theirs = await grain.GetKept();
        theirs.Add(1000);
        Assert.Equal([1, 2, 99], await grain.GetKept());

        var box = new Box { Items = [5] };
        box.Self = box;
        var back = await grain.Roundtrip(box);
        Assert.NotSame(box, back);
        Assert.Same(back, back.Self);
        Assert.Equal([5], back.Items);
    }

    [Fact]
    public async Task Immutable_values_are_passed_without_copying()
    {
        var grain = Grains.GetGrain<ICopyGrain>("imm");
        var point = new Point(1, 2);
        CopyGrain.LastPoint = point;
        Assert.True(await grain.SamePoint(point));
    }

    [Fact]
    public async Task A_result_that_cannot_be_copied_fails_the_call_clearly()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Grains.GetGrain<ICopyGrain>("d").ReturnDelegate());
        Assert.Contains("delegate", e.Message);
    }
}
