namespace Alluxio.Runtime.Tests.Grains;

public sealed record Point(int X, int Y);

public sealed class Box
{
    public List<int> Items { get; set; } = [];

    public Box? Self { get; set; }
}

public interface ICopyGrain : IGrainWithStringKey
{
    /// <summary>Stores the list it receives and mutates it.</summary>
    Task<int> KeepAndMutate(List<int> items);

    /// <summary>Returns the stored list itself.</summary>
    Task<List<int>> GetKept();

    Task<bool> SamePoint(Point point);

    Task<Box> Roundtrip(Box box);

    Task<Func<int>> ReturnDelegate();
}

public sealed class CopyGrain : Grain, ICopyGrain
{
    internal static Point? LastPoint;
    private List<int> _kept = [];

    public Task<int> KeepAndMutate(List<int> items)
    {
        _kept = items;
        items.Add(99);
        return Task.FromResult(items.Count);
    }

    public Task<List<int>> GetKept() => Task.FromResult(_kept);

    public Task<bool> SamePoint(Point point)
    {
        var same = ReferenceEquals(point, LastPoint);
        return Task.FromResult(same);
    }

    public Task<Box> Roundtrip(Box box) => Task.FromResult(box);

    public Task<Func<int>> ReturnDelegate() => Task.FromResult<Func<int>>(() => 1);
}
