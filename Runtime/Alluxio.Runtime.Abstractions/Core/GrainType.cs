namespace Alluxio.Runtime;

/// <summary>
/// The name of a grain class as the runtime knows it: <c>[GrainType("x")]</c>, or the class name lower-cased with a
/// trailing "Grain" removed (as Orleans does). Part of every persisted grain key, so renaming a class without a
/// <c>[GrainType]</c> attribute orphans its stored state.
/// </summary>
public readonly struct GrainType : IEquatable<GrainType>, IComparable<GrainType>
{
    private readonly string? _value;

    /// <summary>Creates a grain type from its name.</summary>
    public GrainType(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (value.Contains('/'))
        {
            throw new ArgumentException($"A grain type name may not contain '/': '{value}'.", nameof(value));
        }

        _value = value;
        StableHashCode = StableHash.Compute(value);
    }

    /// <summary>The type name.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>XXH32 of the name: the same in every process.</summary>
    public uint StableHashCode { get; }

    /// <summary>Creates a grain type from its name.</summary>
    public static GrainType Create(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(GrainType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is GrainType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)StableHashCode;

    /// <inheritdoc/>
    public int CompareTo(GrainType other) => string.CompareOrdinal(_value, other._value);

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Equality.</summary>
    public static bool operator ==(GrainType left, GrainType right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(GrainType left, GrainType right) => !left.Equals(right);
}
