namespace Alluxio.Runtime.Tests.Grains;

public interface IGuidKeyGrain : IGrainWithGuidKey
{
    Task<Guid> Key();
}

public interface IIntKeyGrain : IGrainWithIntegerKey
{
    Task<long> Key();
}

public interface IGuidCompoundGrain : IGrainWithGuidCompoundKey
{
    Task<(Guid, string?)> Key();
}

public interface IIntCompoundGrain : IGrainWithIntegerCompoundKey
{
    Task<(long, string?)> Key();
}

public sealed class GuidKeyGrain : Grain, IGuidKeyGrain
{
    public Task<Guid> Key() => Task.FromResult(this.GetPrimaryKey());
}

public sealed class IntKeyGrain : Grain, IIntKeyGrain
{
    public Task<long> Key() => Task.FromResult(this.GetPrimaryKeyLong());
}

public sealed class GuidCompoundGrain : Grain, IGuidCompoundGrain
{
    public Task<(Guid, string?)> Key()
    {
        var key = this.GetPrimaryKey(out var ext);
        return Task.FromResult((key, ext));
    }
}

[GrainType("int-compound")]
public sealed class IntCompoundGrain : Grain, IIntCompoundGrain
{
    public Task<(long, string?)> Key()
    {
        var key = this.GetPrimaryKeyLong(out var ext);
        return Task.FromResult((key, ext));
    }
}
