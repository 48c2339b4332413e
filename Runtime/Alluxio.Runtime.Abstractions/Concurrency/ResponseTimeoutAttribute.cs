using System.Globalization;

namespace Alluxio.Runtime;

/// <summary>On a grain interface method: overrides the call timeout (default 30 s, <c>GrainCallOptions.ResponseTimeout</c>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ResponseTimeoutAttribute : Attribute
{
    /// <summary>Creates the attribute from a <see cref="TimeSpan"/> string such as "00:00:05".</summary>
    public ResponseTimeoutAttribute(string timeout)
    {
        Timeout = TimeSpan.Parse(timeout, CultureInfo.InvariantCulture);
        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A response timeout must be positive.");
        }
    }

    /// <summary>The timeout.</summary>
    public TimeSpan Timeout { get; }
}
