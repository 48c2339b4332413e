using System.Net;
using Microsoft.Extensions.Options;

namespace Alluxio.Silo.Hosting;

/// <summary>Checks <see cref="SiloHostOptions"/> and lists every problem with the option's command-line name.</summary>
public sealed class SiloHostOptionsValidator : IValidateOptions<SiloHostOptions>
{
    private static readonly string[] KnownRoles = ["master", "worker"];

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SiloHostOptions options)
    {
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Every problem found.</summary>
    public static IEnumerable<string> Problems(SiloHostOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DataDir))
        {
            yield return "--data-dir must not be empty.";
        }

        if (string.IsNullOrWhiteSpace(options.RootUfs))
        {
            yield return "--root-ufs must not be empty.";
        }

        if (options.Port is < 1 or > 65535)
        {
            yield return $"--port must be between 1 and 65535 (was {options.Port}).";
        }

        if (options.WebPort is < 0 or > 65535)
        {
            yield return $"--web-port must be between 0 (off) and 65535 (was {options.WebPort}).";
        }

        if (options.WebPort != 0 && options.WebPort == options.Port)
        {
            yield return $"--port and --web-port must differ (both {options.Port}).";
        }

        if (options.DataPort is < -1 or > 65535)
        {
            yield return $"--data-port must be between -1 (off), 0 (any free port) and 65535 (was {options.DataPort}).";
        }

        if (options.DataPort > 0 && (options.DataPort == options.Port || options.DataPort == options.WebPort))
        {
            yield return $"--data-port must differ from --port and --web-port (all are {options.DataPort}).";
        }

        if (!IPAddress.TryParse(options.BindAddress, out _))
        {
            yield return $"--bind-address '{options.BindAddress}' is not an IP address.";
        }

        foreach (var role in options.Roles.Where(r => !KnownRoles.Contains(r, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"--role '{role}' is unknown (known: {string.Join(", ", KnownRoles)}).";
        }

        if (options.TlsCertificate is { } cert && !File.Exists(cert))
        {
            yield return $"--tls-certificate '{cert}' does not exist.";
        }

        if (options.TlsKey is { } key && !File.Exists(key))
        {
            yield return $"--tls-key '{key}' does not exist.";
        }

        if (options.TlsKey is not null && options.TlsCertificate is null)
        {
            yield return "--tls-key needs --tls-certificate.";
        }
    }
}
