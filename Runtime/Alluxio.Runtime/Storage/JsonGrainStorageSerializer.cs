using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alluxio.Runtime.Storage;

/// <summary>
/// The default state serializer: UTF-8 JSON with public properties and fields, so records, classes and collections
/// round-trip. Stored bytes are readable for debugging and stable across releases of this product.
/// </summary>
public sealed class JsonGrainStorageSerializer : IGrainStorageSerializer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        IncludeFields = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <inheritdoc/>
    public byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <inheritdoc/>
    public T Deserialize<T>(ReadOnlySpan<byte> data) => JsonSerializer.Deserialize<T>(data, Options)!;
}
