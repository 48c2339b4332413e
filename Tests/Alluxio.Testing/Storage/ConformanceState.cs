namespace Alluxio.Testing.Storage;

/// <summary>The state type the storage conformance suite stores: a value, text and a list, to exercise serialization.</summary>
public sealed class ConformanceState
{
    /// <summary>A number.</summary>
    public int Value { get; set; }

    /// <summary>Text, including non-ASCII.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>A list.</summary>
    public List<string> Items { get; set; } = [];
}
