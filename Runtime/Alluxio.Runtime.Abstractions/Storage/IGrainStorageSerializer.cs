namespace Alluxio.Runtime.Storage;

/// <summary>Turns grain state into bytes for a storage provider and back. The default writes JSON.</summary>
public interface IGrainStorageSerializer
{
    /// <summary>Serializes a state value.</summary>
    byte[] Serialize<T>(T value);

    /// <summary>Deserializes a state value.</summary>
    T Deserialize<T>(ReadOnlySpan<byte> data);
}
