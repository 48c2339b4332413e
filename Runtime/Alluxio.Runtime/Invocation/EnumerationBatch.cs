namespace Alluxio.Runtime.Invocation;

/// <summary>Items moved from a grain's enumerator in one round trip, and whether the enumeration ended.</summary>
internal sealed record EnumerationBatch<T>(List<T> Items, bool Completed);
