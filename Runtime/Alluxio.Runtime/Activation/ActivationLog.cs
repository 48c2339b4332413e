using Microsoft.Extensions.Logging;

namespace Alluxio.Runtime.Activation;

/// <summary>Log messages of activations.</summary>
internal static partial class ActivationLog
{
    [LoggerMessage(1001, LogLevel.Debug, "Activated {GrainId} ({ActivationId})")]
    public static partial void Activated(ILogger logger, GrainId grainId, Guid activationId);

    [LoggerMessage(1002, LogLevel.Warning, "Activation of {GrainId} failed")]
    public static partial void ActivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(1003, LogLevel.Debug, "Deactivating {GrainId}: {Reason}")]
    public static partial void Deactivating(ILogger logger, GrainId grainId, string reason);

    [LoggerMessage(1004, LogLevel.Warning, "Error while deactivating {GrainId}")]
    public static partial void DeactivationError(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(1005, LogLevel.Error, "Unhandled exception on the scheduler of {GrainId}")]
    public static partial void Unhandled(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(1006, LogLevel.Warning, "Timer callback of {GrainId} failed")]
    public static partial void TimerFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(1007, LogLevel.Information, "Deactivating {Count} activations: {Reason}")]
    public static partial void DeactivatingAll(ILogger logger, int count, string reason);

    [LoggerMessage(1008, LogLevel.Warning, "{Count} activations did not deactivate within {Timeout}")]
    public static partial void DeactivateAllTimedOut(ILogger logger, int count, TimeSpan timeout);
}
