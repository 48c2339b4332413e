using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Formatting;

/// <summary>Alluxio's names of persistence states (NOT_PERSISTED, TO_BE_PERSISTED, PERSISTED, LOST).</summary>
public static class PersistenceStates
{
    public static string Name(PersistenceState state) => state switch
    {
        PersistenceState.NotPersisted => "NOT_PERSISTED",
        PersistenceState.ToBePersisted => "TO_BE_PERSISTED",
        PersistenceState.Persisted => "PERSISTED",
        PersistenceState.Lost => "LOST",
        _ => state.ToString().ToUpperInvariant(),
    };
}
