namespace Alluxio.Grpc.Protocol;

/// <summary>Turning received header fields into <see cref="Metadata"/> entries.</summary>
public static class MetadataEncoding
{
    /// <summary>
    /// Adds a received header as metadata: -bin values are base64-decoded (padded or not; repeated values may arrive
    /// joined with ','). Fields that are not valid metadata are dropped rather than failing the call.
    /// </summary>
    public static void AddEntry(Metadata metadata, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        try
        {
            var lower = key.ToLowerInvariant();
            if (Metadata.Entry.IsBinaryKey(lower))
            {
                foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    metadata.Add(lower, DecodeBase64(part));
            }
            else
            {
                metadata.Add(lower, value);
            }
        }
        catch (FormatException)
        {
        }
        catch (ArgumentException)
        {
        }
    }

    /// <summary>Decodes padded or unpadded base64.</summary>
    public static byte[] DecodeBase64(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var padding = (4 - (value.Length % 4)) % 4;
        return Convert.FromBase64String(padding == 0 ? value : value + new string('=', padding));
    }
}
