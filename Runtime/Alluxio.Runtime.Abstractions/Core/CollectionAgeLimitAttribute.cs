using System.Globalization;

namespace Alluxio.Runtime;

/// <summary>On a grain class: how long an idle activation lives before collection (overrides the silo default).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CollectionAgeLimitAttribute : Attribute
{
    /// <summary>Creates the attribute from a <see cref="TimeSpan"/> string such as "00:10:00".</summary>
    public CollectionAgeLimitAttribute(string amount)
    {
        Amount = TimeSpan.Parse(amount, CultureInfo.InvariantCulture);
    }

    /// <summary>The collection age.</summary>
    public TimeSpan Amount { get; }

    /// <summary>Never collect idle activations of this class.</summary>
    public bool AlwaysActive { get; init; }
}
