namespace Alluxio.Runtime;

/// <summary>Why an activation is being deactivated, with a description and the exception if one caused it.</summary>
public readonly struct DeactivationReason
{
    /// <summary>Creates a reason.</summary>
    public DeactivationReason(DeactivationReasonCode code, string description, Exception? exception = null)
    {
        ReasonCode = code;
        Description = description;
        Exception = exception;
    }

    /// <summary>The reason code.</summary>
    public DeactivationReasonCode ReasonCode { get; }

    /// <summary>A human-readable description.</summary>
    public string Description { get; }

    /// <summary>The exception that caused it, if any.</summary>
    public Exception? Exception { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        Exception is null ? $"{ReasonCode}: {Description}" : $"{ReasonCode}: {Description} ({Exception.GetType().Name}: {Exception.Message})";
}
