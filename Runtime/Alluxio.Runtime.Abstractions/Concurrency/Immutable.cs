namespace Alluxio.Runtime;

/// <summary>Wraps a value the caller promises not to mutate, so the runtime passes it without copying.</summary>
public readonly struct Immutable<T>(T value)
{
    /// <summary>The wrapped value.</summary>
    public T Value { get; } = value;
}

/// <summary>Helpers for <see cref="Immutable{T}"/>.</summary>
public static class ImmutableExtensions
{
    /// <summary>Wraps <paramref name="value"/> as immutable.</summary>
    public static Immutable<T> AsImmutable<T>(this T value) => new(value);
}
