namespace Alluxio.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    Task<int> Get();

    Task<Guid> GetActivationId();

    Task<string> GetKey();

    Task Deactivate();

    Task Fail(string message);

    Task<int> FailCustom(int code);

    ValueTask<int> GetValueTask();

    ValueTask Touch();
}
