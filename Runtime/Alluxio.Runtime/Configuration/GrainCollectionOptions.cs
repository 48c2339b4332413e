namespace Alluxio.Runtime.Configuration;

/// <summary>Activation lifetime options (Orleans' names and defaults).</summary>
public sealed class GrainCollectionOptions
{
    /// <summary>An activation idle for this long is deactivated (default 15 min; per class: <see cref="CollectionAgeLimitAttribute"/>).</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for (default 1 min).</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest an activation may take (state read + OnActivateAsync) before it fails (default 30 s).</summary>
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When OnDeactivateAsync's cancellation token fires (default 30 s).</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks the values; returns the problems found.</summary>
    public IEnumerable<string> Validate()
    {
        if (CollectionAge <= TimeSpan.Zero)
        {
            yield return $"CollectionAge must be positive (was {CollectionAge}).";
        }

        if (CollectionQuantum <= TimeSpan.Zero)
        {
            yield return $"CollectionQuantum must be positive (was {CollectionQuantum}).";
        }

        if (ActivationTimeout <= TimeSpan.Zero || DeactivationTimeout <= TimeSpan.Zero)
        {
            yield return "ActivationTimeout and DeactivationTimeout must be positive.";
        }
    }
}
