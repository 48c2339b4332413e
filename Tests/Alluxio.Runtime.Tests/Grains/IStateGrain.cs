namespace Alluxio.Runtime.Tests.Grains;

public interface IStateGrain : IGrainWithGuidKey
{
    Task Set(string value);

    Task<string?> Get();

    Task<string?> GetEtag();

    Task Clear();

    Task<Guid> GetActivationId();
}
