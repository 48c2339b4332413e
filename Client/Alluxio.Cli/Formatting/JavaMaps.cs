namespace Alluxio.Cli.Formatting;

/// <summary>Maps printed as Java's Map.toString ("{k1=v1, k2=v2}"), which Alluxio's output shows; keys sorted.</summary>
public static class JavaMaps
{
    public static string Format(IReadOnlyDictionary<string, string> map) =>
        "{" + string.Join(", ", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)) + "}";
}
