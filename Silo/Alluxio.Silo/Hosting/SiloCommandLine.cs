using System.CommandLine;
using System.Globalization;

namespace Alluxio.Silo.Hosting;

/// <summary>
/// The command line of alluxio-silo. Every option maps to a configuration key, applied over appsettings.json and
/// ALLUXIO_* environment variables, so the three sources stay interchangeable.
/// </summary>
public static class SiloCommandLine
{
    /// <summary>--data-dir.</summary>
    public static readonly Option<string> DataDir = new("--data-dir")
    {
        Description = "Directory for metadata, journal, grain state and cached blocks; locked while the silo runs. Default ./data. (config: DataDir, env: ALLUXIO_DATADIR)",
        HelpName = "DIR",
    };

    /// <summary>--root-ufs.</summary>
    public static readonly Option<string> RootUfs = new("--root-ufs")
    {
        Description = "Local folder mounted at / (the root under file system); created if missing. Default ./data/underfs. (config: RootUfs)",
        HelpName = "PATH",
    };

    /// <summary>--port.</summary>
    public static readonly Option<int?> Port = new("--port")
    {
        Description = "Master RPC port: gRPC over HTTP/2, used by the CLI, SDK and other languages. Default 19998. (config: Port)",
        HelpName = "N",
    };

    /// <summary>--web-port.</summary>
    public static readonly Option<int?> WebPort = new("--web-port")
    {
        Description = "Web port: status page and health over HTTP; 0 turns it off. Default 19999. (config: WebPort)",
        HelpName = "N",
    };

    /// <summary>--data-port.</summary>
    public static readonly Option<int?> DataPort = new("--data-port")
    {
        Description = "Worker data port: the BlockWorker service on the silo's own HTTP/2 server, where clients stream block bytes; 0 = any free port, -1 = off (blocks stream on --port only). Default 29999. (config: DataPort)",
        HelpName = "N",
    };

    /// <summary>--role.</summary>
    public static readonly Option<string[]> Role = new("--role")
    {
        Description = "Roles of this silo, repeatable or comma-separated: master (metadata, journal), worker (block store). Default both. (config: Roles)",
        HelpName = "master|worker",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>--bind-address.</summary>
    public static readonly Option<string> BindAddress = new("--bind-address")
    {
        Description = "IP address to listen on. Default 0.0.0.0. (config: BindAddress)",
        HelpName = "IP",
    };

    /// <summary>--tls-certificate.</summary>
    public static readonly Option<string> TlsCertificate = new("--tls-certificate")
    {
        Description = "Serve gRPC over TLS with this PFX or PEM certificate instead of cleartext HTTP/2. (config: TlsCertificate)",
        HelpName = "FILE",
    };

    /// <summary>--tls-key.</summary>
    public static readonly Option<string> TlsKey = new("--tls-key")
    {
        Description = "Private key (PEM) of a PEM --tls-certificate. (config: TlsKey)",
        HelpName = "FILE",
    };

    /// <summary>--tls-certificate-password.</summary>
    public static readonly Option<string> TlsCertificatePassword = new("--tls-certificate-password")
    {
        Description = "Password of a PFX certificate or of an encrypted PEM key. (config: TlsCertificatePassword)",
        HelpName = "SECRET",
    };

    /// <summary>--config.</summary>
    public static readonly Option<string> ConfigFile = new("--config")
    {
        Description = "An extra JSON configuration file, applied over appsettings.json and under environment variables and options.",
        HelpName = "FILE",
    };

    /// <summary>--restore.</summary>
    public static readonly Option<string> Restore = new("--restore")
    {
        Description = "Restore the namespace from a backup file (alluxio fsadmin backup) into an empty --data-dir, then start.",
        HelpName = "BACKUP",
    };

    /// <summary>--log-format.</summary>
    public static readonly Option<string> LogFormat = new("--log-format")
    {
        Description = "Console log format: text (default) or json (one structured JSON object per line).",
        HelpName = "text|json",
    };

    /// <summary>Builds the root command with <paramref name="run"/> as its action.</summary>
    public static RootCommand Create(Func<ParseResult, CancellationToken, Task<int>> run)
    {
        var root = new RootCommand(
            "alluxio-silo: an Alluxio.Orleans server. Hosts metadata (master role) and block storage (worker role) as grains, "
            + "serves gRPC on --port, the worker's block streams on --data-port and a status page on --web-port. Example: alluxio-silo --data-dir /var/lib/alluxio --root-ufs /srv/data");
        foreach (var option in new Option[] { DataDir, RootUfs, Port, WebPort, DataPort, Role, BindAddress, TlsCertificate, TlsKey, TlsCertificatePassword, ConfigFile, Restore, LogFormat })
        {
            root.Options.Add(option);
        }

        LogFormat.AcceptOnlyFromAmong("text", "json");
        root.SetAction(run);
        return root;
    }

    /// <summary>The configuration keys the parsed options set.</summary>
    public static Dictionary<string, string?> ToConfiguration(ParseResult result)
    {
        var values = new Dictionary<string, string?>();
        Set(values, "DataDir", result.GetValue(DataDir));
        Set(values, "RootUfs", result.GetValue(RootUfs));
        Set(values, "Port", result.GetValue(Port)?.ToString(CultureInfo.InvariantCulture));
        Set(values, "WebPort", result.GetValue(WebPort)?.ToString(CultureInfo.InvariantCulture));
        Set(values, "DataPort", result.GetValue(DataPort)?.ToString(CultureInfo.InvariantCulture));
        Set(values, "BindAddress", result.GetValue(BindAddress));
        Set(values, "TlsCertificate", result.GetValue(TlsCertificate));
        Set(values, "TlsKey", result.GetValue(TlsKey));
        Set(values, "TlsCertificatePassword", result.GetValue(TlsCertificatePassword));
        var roles = (result.GetValue(Role) ?? []).SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        for (var i = 0; i < roles.Count; i++)
        {
            values[$"Roles:{i}"] = roles[i];
        }

        if (result.GetValue(LogFormat) is { } format)
        {
            values["Logging:Console:FormatterName"] = format == "json" ? "json" : "simple";
        }

        return values;
    }

    private static void Set(Dictionary<string, string?> values, string key, string? value)
    {
        if (value is not null)
        {
            values[key] = value;
        }
    }
}
