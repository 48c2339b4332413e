using Microsoft.Extensions.Options;

namespace Alluxio.Grpc.Server;

/// <summary>Rejects impossible <see cref="GrpcServerOptions"/> at start-up.</summary>
public sealed class GrpcServerOptionsValidator : IValidateOptions<GrpcServerOptions>
{
    public ValidateOptionsResult Validate(string? name, GrpcServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.MaxReceiveMessageSize is <= 0)
            errors.Add($"GrpcServerOptions.MaxReceiveMessageSize must be positive or null, not {options.MaxReceiveMessageSize}.");
        if (options.MaxSendMessageSize is <= 0)
            errors.Add($"GrpcServerOptions.MaxSendMessageSize must be positive or null, not {options.MaxSendMessageSize}.");
        if (!Enum.IsDefined(options.ResponseCompression))
            errors.Add($"GrpcServerOptions.ResponseCompression has no value {(int)options.ResponseCompression}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
