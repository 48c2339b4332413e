namespace Alluxio.Grpc.Tests;

/// <summary>Bounded waits whose failure says what was being waited for.</summary>
internal static class Waits
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(20);

    public static async Task<T> For<T>(Task<T> task, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Default;
        try
        {
            return await task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting for {what}.");
        }
    }

    public static async Task For(Task task, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Default;
        try
        {
            await task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting for {what}.");
        }
    }

    /// <summary>Awaits a call expected to fail with <see cref="RpcException"/>, bounded.</summary>
    public static async Task<RpcException> ForRpcError(Func<Task> call, string what, TimeSpan? timeout = null)
    {
        var task = call();
        try
        {
            await For(task, what, timeout);
        }
        catch (RpcException ex)
        {
            return ex;
        }

        throw new Xunit.Sdk.XunitException($"Expected {what} to fail with RpcException, but it succeeded.");
    }
}
