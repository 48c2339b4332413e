using System.Globalization;

namespace Alluxio.Runtime;

/// <summary>
/// The identity of a grain: its <see cref="GrainType"/> and key. Printed and parsed as "type/key". Two references with
/// equal ids address the same (single) activation in the cluster.
/// </summary>
public readonly struct GrainId : IEquatable<GrainId>, IComparable<GrainId>
{
    /// <summary>Separates a compound key's primary part from its extension.</summary>
    public const char KeyExtensionSeparator = '+';

    /// <summary>Creates an id from a type and a canonical key.</summary>
    public GrainId(GrainType type, IdSpan key)
    {
        Type = type;
        Key = key;
    }

    /// <summary>The grain class.</summary>
    public GrainType Type { get; }

    /// <summary>The key.</summary>
    public IdSpan Key { get; }

    /// <summary>True for the default (empty) value.</summary>
    public bool IsDefault => Type.Value.Length == 0;

    /// <summary>Creates an id from a type name and a canonical key string.</summary>
    public static GrainId Create(string type, string key) => new(new GrainType(type), new IdSpan(key));

    /// <summary>Creates an id from a type and a canonical key string.</summary>
    public static GrainId Create(GrainType type, string key) => new(type, new IdSpan(key));

    /// <summary>Parses "type/key".</summary>
    public static GrainId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new FormatException($"'{value}' is not a grain id of the form type/key.");
        }

        return Create(value[..slash], value[(slash + 1)..]);
    }

    /// <summary>The canonical key of an integer-keyed grain.</summary>
    public static string FormatKey(long key, string? keyExtension = null) =>
        WithExtension(key.ToString("x16", CultureInfo.InvariantCulture), keyExtension);

    /// <summary>The canonical key of a Guid-keyed grain.</summary>
    public static string FormatKey(Guid key, string? keyExtension = null) => WithExtension(key.ToString("N"), keyExtension);

    /// <summary>
    /// A hash spread evenly over the 32-bit ring, equal in every process: type hash * 31 + key hash (XXH32 of each).
    /// </summary>
    public uint GetUniformHashCode() => unchecked((Type.StableHashCode * 31) + Key.StableHashCode);

    /// <inheritdoc/>
    public bool Equals(GrainId other) => Key.StableHashCode == other.Key.StableHashCode && Type.Equals(other.Type) && Key.Equals(other.Key);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is GrainId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)GetUniformHashCode();

    /// <inheritdoc/>
    public int CompareTo(GrainId other)
    {
        var c = Type.CompareTo(other.Type);
        return c != 0 ? c : string.CompareOrdinal(Key.Value, other.Key.Value);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Type.Value}/{Key.Value}";

    /// <summary>Equality.</summary>
    public static bool operator ==(GrainId left, GrainId right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(GrainId left, GrainId right) => !left.Equals(right);

    private static string WithExtension(string key, string? keyExtension)
    {
        if (keyExtension is null)
        {
            return key;
        }

        return string.Concat(key, KeyExtensionSeparator.ToString(), keyExtension);
    }
}
