using Microsoft.Extensions.Options;

namespace Alluxio.Client;

/// <summary>Checks <see cref="FileSystemClientOptions"/> registered through dependency injection, naming each problem.</summary>
internal sealed class FileSystemClientOptionsValidator : IValidateOptions<FileSystemClientOptions>
{
    public ValidateOptionsResult Validate(string? name, FileSystemClientOptions options)
    {
        var problems = new List<string>();
        if (options.Masters.Count == 0)
        {
            problems.Add("Masters: at least one master address (\"host:port\") is required.");
        }
        else if (options.Masters.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("Masters: an address is blank.");
        }

        if (options.CallTimeout <= TimeSpan.Zero)
        {
            problems.Add($"CallTimeout must be positive (was {options.CallTimeout}).");
        }

        if (options.RetryMaxDuration < TimeSpan.Zero || options.RetryBaseSleep < TimeSpan.Zero || options.RetryMaxSleep < options.RetryBaseSleep)
        {
            problems.Add("Retry: durations must not be negative and RetryMaxSleep must be at least RetryBaseSleep.");
        }

        if (options.StreamChunkBytes is < 4096 or > 16 << 20)
        {
            problems.Add($"StreamChunkBytes must be between 4 KiB and 16 MiB (was {options.StreamChunkBytes}).");
        }

        if (options.ReadAheadBlocks is < 0 or > 64)
        {
            problems.Add($"ReadAheadBlocks must be between 0 and 64 (was {options.ReadAheadBlocks}).");
        }

        if (options.MetadataCacheMaxSize < 1 || options.MetadataCacheExpiration <= TimeSpan.Zero)
        {
            problems.Add("MetadataCache: MaxSize must be at least 1 and Expiration positive.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
