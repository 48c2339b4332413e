namespace Alluxio.Runtime.Metadata;

/// <summary>The result type of grain methods that return Task or ValueTask (a Task&lt;VoidResult&gt; is a Task).</summary>
internal readonly struct VoidResult;
