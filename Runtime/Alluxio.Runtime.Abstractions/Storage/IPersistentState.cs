namespace Alluxio.Runtime.Storage;

/// <summary>A persisted state injected into a grain constructor with <see cref="PersistentStateAttribute"/>.</summary>
public interface IPersistentState<TState> : IStorage<TState>;
