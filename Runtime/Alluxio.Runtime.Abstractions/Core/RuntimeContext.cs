namespace Alluxio.Runtime;

/// <summary>The activation whose turn is running on the current thread, if any.</summary>
public static class RuntimeContext
{
    [ThreadStatic]
    private static IGrainContext? t_current;

    /// <summary>The current activation, or null outside grain code.</summary>
    public static IGrainContext? Current => t_current;

    /// <summary>Sets the current activation and returns the previous one. For the runtime's scheduler.</summary>
    public static IGrainContext? SetCurrent(IGrainContext? context)
    {
        var previous = t_current;
        t_current = context;
        return previous;
    }
}
