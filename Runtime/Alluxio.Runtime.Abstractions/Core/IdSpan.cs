namespace Alluxio.Runtime;

/// <summary>
/// The key part of a <see cref="GrainId"/>, in its canonical string form: a string key as given, an integer key as 16
/// lower-case hex digits, a Guid key as 32 hex digits ("N"), and compound keys with "+" and the key extension.
/// </summary>
public readonly struct IdSpan : IEquatable<IdSpan>
{
    private readonly string? _value;

    /// <summary>Wraps a canonical key string.</summary>
    public IdSpan(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
        StableHashCode = StableHash.Compute(value);
    }

    /// <summary>The canonical key string.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>XXH32 of the key: the same in every process.</summary>
    public uint StableHashCode { get; }

    /// <inheritdoc/>
    public bool Equals(IdSpan other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IdSpan other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)StableHashCode;

    /// <inheritdoc/>
    public override string ToString() => Value;
}
