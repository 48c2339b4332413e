using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Formatting;

/// <summary>
/// Alluxio's names of read types, write types and TTL actions (NO_CACHE, MUST_CACHE, DELETE_ALLUXIO...), as flags and
/// -D properties take them (case-insensitive) and as output prints them.
/// </summary>
public static class TypeNames
{
    private static readonly (string Name, ReadType Value)[] ReadTypes =
        [("NO_CACHE", ReadType.NoCache), ("CACHE", ReadType.Cache), ("CACHE_PROMOTE", ReadType.CachePromote)];

    private static readonly (string Name, WriteType Value)[] WriteTypes =
        [("MUST_CACHE", WriteType.MustCache), ("CACHE_THROUGH", WriteType.CacheThrough), ("THROUGH", WriteType.Through), ("ASYNC_THROUGH", WriteType.AsyncThrough)];

    private static readonly (string Name, TtlAction Value)[] TtlActions =
        [("FREE", TtlAction.Free), ("DELETE_ALLUXIO", TtlAction.DeleteAlluxio), ("DELETE", TtlAction.Delete)];

    /// <summary>"NO_CACHE, CACHE or CACHE_PROMOTE": the accepted read types, for error messages.</summary>
    public static string ReadTypeChoices => Choices(ReadTypes);

    public static string WriteTypeChoices => Choices(WriteTypes);

    public static string TtlActionChoices => Choices(TtlActions);

    public static bool TryParseReadType(string? text, out ReadType value) => TryParse(ReadTypes, text, out value);

    public static bool TryParseWriteType(string? text, out WriteType value) => TryParse(WriteTypes, text, out value);

    public static bool TryParseTtlAction(string? text, out TtlAction value) => TryParse(TtlActions, text, out value);

    public static string Name(TtlAction value) => TtlActions.First(t => t.Value == value).Name;

    private static bool TryParse<T>((string Name, T Value)[] table, string? text, out T value)
        where T : struct
    {
        foreach (var (name, candidate) in table)
        {
            if (string.Equals(name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Choices<T>((string Name, T Value)[] table) =>
        string.Join(", ", table[..^1].Select(t => t.Name)) + " or " + table[^1].Name;
}
