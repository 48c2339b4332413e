namespace Alluxio.Cli.Tests.EndToEnd;

/// <summary>Polls a condition (e.g. a change an asynchronous watcher applies) with a limit that names what it waited for.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {limit} waiting until {what}; last value: {value}");
            }

            await Task.Delay(100);
        }
    }
}
