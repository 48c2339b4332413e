namespace Alluxio.Grpc;

/// <summary>The outcome of a call: a code and a human-readable detail (sent as <c>grpc-status</c> / <c>grpc-message</c>).</summary>
public readonly struct Status : IEquatable<Status>
{
    /// <summary>OK with an empty detail.</summary>
    public static readonly Status DefaultSuccess = new(StatusCode.OK, "");

    /// <summary>CANCELLED with an empty detail.</summary>
    public static readonly Status DefaultCancelled = new(StatusCode.Cancelled, "");

    private readonly string? _detail;

    public Status(StatusCode statusCode, string? detail, Exception? debugException = null)
    {
        StatusCode = statusCode;
        _detail = detail ?? "";
        DebugException = debugException;
    }

    public StatusCode StatusCode { get; }

    /// <summary>The message; never null (a default <see cref="Status"/> has "").</summary>
    public string Detail => _detail ?? "";

    /// <summary>A local exception behind this status (never sent on the wire).</summary>
    public Exception? DebugException { get; }

    public bool Equals(Status other) => StatusCode == other.StatusCode && Detail == other.Detail;

    public override bool Equals(object? obj) => obj is Status other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(StatusCode, Detail);

    public static bool operator ==(Status left, Status right) => left.Equals(right);

    public static bool operator !=(Status left, Status right) => !left.Equals(right);

    public override string ToString() => DebugException is null
        ? $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\")"
        : $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\", DebugException=\"{DebugException.GetType()}: {DebugException.Message}\")";
}
