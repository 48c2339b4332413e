namespace GrainClientSample;

/// <summary>What the sample does: where to connect, which directory to work in, once or every interval.</summary>
public sealed class SampleOptions
{
    public string Gateway { get; set; } = "localhost:19998";

    public string Path { get; set; } = "/grain-sample";

    public bool Once { get; set; }

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Parses --gateway host:port, --path /dir, --once, --interval seconds; null (with a message) on a bad argument.</summary>
    public static SampleOptions? Parse(string[] args, TextWriter errors)
    {
        var options = new SampleOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--gateway" when value is not null:
                    options.Gateway = value;
                    i++;
                    break;
                case "--path" when value is not null && value.StartsWith('/'):
                    options.Path = value;
                    i++;
                    break;
                case "--interval" when int.TryParse(value, out var seconds) && seconds > 0:
                    options.Interval = TimeSpan.FromSeconds(seconds);
                    i++;
                    break;
                case "--once":
                    options.Once = true;
                    break;
                default:
                    errors.WriteLine($"Unexpected argument '{args[i]}'. Usage: alluxio-grain-sample [--gateway host:port] [--path /absolute/dir] [--once | --interval seconds]");
                    return null;
            }
        }

        return options;
    }
}
