namespace Alluxio.Grains.Gateway;

/// <summary>What a grain method returns, as the gateway carries it.</summary>
public enum GrainResultShape
{
    /// <summary><see cref="Task"/> or <see cref="ValueTask"/>: completion only.</summary>
    Completion,

    /// <summary><see cref="Task{TResult}"/> or <see cref="ValueTask{TResult}"/>: one value.</summary>
    Value,

    /// <summary><see cref="IAsyncEnumerable{T}"/>: a stream of items.</summary>
    Stream,
}
