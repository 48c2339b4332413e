using System.CommandLine;

namespace Alluxio.Cli;

/// <summary>Repeated KEY=VALUE options (<c>--option</c> of mount, <c>--property</c> of pathConf add).</summary>
public static class KeyValues
{
    /// <summary>A repeatable KEY=VALUE option whose malformed values are usage errors.</summary>
    public static Option<string[]> Option(string name, string description)
    {
        var option = new Option<string[]>(name) { Description = description, HelpName = "KEY=VALUE", Arity = ArgumentArity.OneOrMore };
        option.Validators.Add(result =>
        {
            foreach (var item in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!TryParse(item, out _, out _))
                {
                    result.AddError($"{name} expects KEY=VALUE, got '{item}'.");
                }
            }
        });
        return option;
    }

    /// <summary>The pairs as a dictionary (a repeated key keeps its last value).</summary>
    public static Dictionary<string, string> Parse(IEnumerable<string>? items)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items ?? [])
        {
            if (!TryParse(item, out var key, out var value))
            {
                throw new ArgumentException($"Expected KEY=VALUE, got '{item}'.", nameof(items));
            }

            map[key] = value;
        }

        return map;
    }

    public static bool TryParse(string item, out string key, out string value)
    {
        var equals = item.IndexOf('=', StringComparison.Ordinal);
        key = equals > 0 ? item[..equals].Trim() : string.Empty;
        value = equals > 0 ? item[(equals + 1)..].Trim() : string.Empty;
        return key.Length > 0;
    }
}
