namespace Alluxio.Runtime.Copying;

/// <summary>Originals already copied during one copy operation, so shared references and cycles stay shared in the copy.</summary>
internal sealed class CopyContext
{
    private readonly Dictionary<object, object> _copies = new(ReferenceEqualityComparer.Instance);

    public bool TryGetCopy(object original, out object copy) => _copies.TryGetValue(original, out copy!);

    public void Record(object original, object copy) => _copies[original] = copy;
}
