using Alluxio.Runtime.Activation;
using Alluxio.Runtime.Invocation;

namespace Alluxio.Runtime.Timers;

/// <summary>One tick of a grain timer, run as a request so it obeys the activation's turn rules.</summary>
internal sealed class TimerTickRequest(GrainTimer timer) : Request
{
    private ActivationData? _activation;
    private Task? _running;

    public override bool FollowsGrain => false;

    public override void Start(ActivationData activation)
    {
        _activation = activation;
        Task task;
        try
        {
            task = timer.InvokeAsync();
        }
        catch (Exception e)
        {
            Finish(e);
            return;
        }

        if (task.IsCompleted)
        {
            Finish(task.Exception?.InnerException);
            return;
        }

        _running = task;
        task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(OnCompleted);
    }

    private void OnCompleted()
    {
        if (_activation!.IsRunningOnCurrentThread)
        {
            Finish(_running!.Exception?.InnerException);
        }
        else
        {
            _activation.Post(static s => { var r = (TimerTickRequest)s!; r.Finish(r._running!.Exception?.InnerException); }, this);
        }
    }

    private void Finish(Exception? error)
    {
        _activation!.OnRequestCompleted(this, null);
        timer.OnTickCompleted(error);
    }

    public override void Reject(Exception reason) => timer.OnTickCompleted(null);

    public override string ToString() => $"timer tick on {_activation?.GrainId}";
}
