namespace Alluxio.Ufs;

/// <summary>
/// An installed <see cref="UfsFaultRule"/>: says how often it fired and removes it. Thread-safe (its counters are
/// only changed under the decorator's lock).
/// </summary>
public sealed class UfsFault
{
    private readonly FaultInjectingUnderFileSystem _owner;
    private int _hits;
    private int _remaining;

    internal UfsFault(FaultInjectingUnderFileSystem owner, UfsFaultRule rule)
    {
        if (rule.Times is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule.Times, "Times must not be negative.");
        }

        if (rule.Probability is < 0 or > 1 || double.IsNaN(rule.Probability))
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule.Probability, "Probability must be within 0..1.");
        }

        if (rule.Latency < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule.Latency, "Latency must not be negative.");
        }

        _owner = owner;
        Rule = rule;
        _remaining = rule.Times ?? -1;
    }

    /// <summary>The rule.</summary>
    public UfsFaultRule Rule { get; }

    /// <summary>How many calls the rule has affected.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Whether the rule can still fire (not removed, <see cref="UfsFaultRule.Times"/> not used up).</summary>
    public bool IsActive => Volatile.Read(ref _remaining) != 0 && _owner.Contains(this);

    /// <summary>Uninstalls the rule; calls already delayed or failing are not affected. Idempotent.</summary>
    public void Remove() => _owner.Remove(this);

    /// <summary>Called under the owner's lock when the rule matches a call: whether it fires.</summary>
    internal bool TryFire(Random random)
    {
        if (_remaining == 0)
        {
            return false;
        }

        if (Rule.Probability < 1.0 && random.NextDouble() >= Rule.Probability)
        {
            return false;
        }

        if (_remaining > 0)
        {
            _remaining--;
        }

        _hits++;
        return true;
    }
}
