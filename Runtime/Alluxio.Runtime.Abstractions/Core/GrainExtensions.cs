using System.Globalization;

namespace Alluxio.Runtime;

/// <summary>Keys and references of grains and grain references.</summary>
public static class GrainExtensions
{
    /// <summary>The id of a grain reference or grain instance.</summary>
    public static GrainId GetGrainId(this IAddressable grain) => grain switch
    {
        IGrainReference reference => reference.GrainId,
        IGrainBase instance => instance.GrainContext.GrainId,
        _ => throw new ArgumentException($"{grain.GetType().Name} is neither a grain reference nor a grain.", nameof(grain)),
    };

    /// <summary>The string key of the grain.</summary>
    public static string GetPrimaryKeyString(this IAddressable grain) => grain.GetGrainId().Key.Value;

    /// <summary>The integer key of the grain.</summary>
    public static long GetPrimaryKeyLong(this IAddressable grain) => grain.GetPrimaryKeyLong(out _);

    /// <summary>The integer key and key extension of the grain.</summary>
    public static long GetPrimaryKeyLong(this IAddressable grain, out string? keyExtension)
    {
        var primary = Split(grain.GetGrainId().Key.Value, out keyExtension);
        if (primary.Length != 16 || !long.TryParse(primary, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new InvalidOperationException($"Grain {grain.GetGrainId()} does not have an integer key.");
        }

        return value;
    }

    /// <summary>The Guid key of the grain.</summary>
    public static Guid GetPrimaryKey(this IAddressable grain) => grain.GetPrimaryKey(out _);

    /// <summary>The Guid key and key extension of the grain.</summary>
    public static Guid GetPrimaryKey(this IAddressable grain, out string? keyExtension)
    {
        var primary = Split(grain.GetGrainId().Key.Value, out keyExtension);
        if (primary.Length != 32 || !Guid.TryParseExact(primary, "N", out var value))
        {
            throw new InvalidOperationException($"Grain {grain.GetGrainId()} does not have a Guid key.");
        }

        return value;
    }

    /// <summary>A reference to this grain (from inside its own code) through <typeparamref name="TGrainInterface"/>.</summary>
    public static TGrainInterface AsReference<TGrainInterface>(this IAddressable grain)
        where TGrainInterface : IAddressable => grain switch
        {
            IGrainBase instance => (TGrainInterface)instance.GrainContext.AsReference(typeof(TGrainInterface)),
            IGrainReference reference => (TGrainInterface)Cast(reference, typeof(TGrainInterface)),
            _ => throw new ArgumentException($"{grain.GetType().Name} is neither a grain reference nor a grain.", nameof(grain)),
        };

    private static IAddressable Cast(IGrainReference reference, Type interfaceType) =>
        interfaceType.IsInstanceOfType(reference)
            ? reference
            : reference is IGrainReferenceCaster caster
                ? caster.Cast(interfaceType)
                : throw new InvalidCastException($"Cannot view {reference.GrainId} as {interfaceType.Name}.");

    private static string Split(string key, out string? keyExtension)
    {
        var plus = key.IndexOf(GrainId.KeyExtensionSeparator, StringComparison.Ordinal);
        if (plus < 0)
        {
            keyExtension = null;
            return key;
        }

        keyExtension = key[(plus + 1)..];
        return key[..plus];
    }
}
