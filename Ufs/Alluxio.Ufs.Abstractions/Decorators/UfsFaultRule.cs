namespace Alluxio.Ufs;

/// <summary>
/// What <see cref="FaultInjectingUnderFileSystem"/> does to matching calls: add <see cref="Latency"/>, then throw the
/// exception <see cref="Exception"/> builds (if any). A call matches when its operation equals <see cref="Operation"/>
/// (or it is null: every operation) and <see cref="PathFilter"/> (if any) accepts its normalized mount-relative path
/// (a rename matches if either path is accepted). A matching rule fires at most <see cref="Times"/> times
/// (null: always), each time with <see cref="Probability"/> (drawn from the decorator's seeded random source).
/// Immutable.
/// </summary>
public sealed record UfsFaultRule
{
    /// <summary>The operation affected; <see langword="null"/> for every operation.</summary>
    public UfsOperation? Operation { get; init; }

    /// <summary>Restricts the rule to paths it accepts; <see langword="null"/> for every path.</summary>
    public Func<string, bool>? PathFilter { get; init; }

    /// <summary>Builds a fresh exception per failure from the operation and path; <see langword="null"/> for a latency-only rule.</summary>
    public Func<UfsOperation, string, Exception>? Exception { get; init; }

    /// <summary>Delay added before the call proceeds (or fails). Honoured by asynchronous calls only.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>How many times the rule fires; <see langword="null"/> for always.</summary>
    public int? Times { get; init; }

    /// <summary>The chance (0..1) that a matching call makes the rule fire.</summary>
    public double Probability { get; init; } = 1.0;
}
