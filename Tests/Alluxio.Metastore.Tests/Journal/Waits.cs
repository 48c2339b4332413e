namespace Alluxio.Metastore.Tests.Journal;

/// <summary>Bounded waits whose failure names what was awaited.</summary>
internal static class Waits
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task Within(this Task task, string what)
    {
        try
        {
            await task.WaitAsync(Limit);
        }
        catch (TimeoutException e) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Timed out after {Limit} waiting for {what}.", e);
        }
    }

    public static void Wait(this ManualResetEventSlim signal, string what)
    {
        if (!signal.Wait(Limit))
        {
            throw new TimeoutException($"Timed out after {Limit} waiting for {what}.");
        }
    }
}
