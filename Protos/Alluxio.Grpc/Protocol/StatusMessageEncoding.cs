using System.Text;

namespace Alluxio.Grpc.Protocol;

/// <summary>
/// Percent-encoding of <c>grpc-message</c>: UTF-8 bytes outside 0x20-0x7E, and '%' itself, become <c>%XX</c>.
/// Decoding never fails: broken escapes are kept as they are, invalid UTF-8 becomes U+FFFD.
/// </summary>
public static class StatusMessageEncoding
{
    public static string Encode(string? message)
    {
        if (string.IsNullOrEmpty(message))
            return "";
        var clean = true;
        foreach (var c in message)
        {
            if (c < 0x20 || c > 0x7E || c == '%')
            {
                clean = false;
                break;
            }
        }

        if (clean)
            return message;

        var bytes = Encoding.UTF8.GetBytes(message);
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b < 0x20 || b > 0x7E || b == '%')
                sb.Append('%').Append(HexDigit(b >> 4)).Append(HexDigit(b & 0xF));
            else
                sb.Append((char)b);
        }

        return sb.ToString();
    }

    public static string Decode(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (!value.Contains('%', StringComparison.Ordinal))
            return value;

        var bytes = new byte[value.Length];
        var n = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && TryHex(value[i + 1], out var hi) && TryHex(value[i + 2], out var lo))
            {
                bytes[n++] = (byte)((hi << 4) | lo);
                i += 2;
            }
            else if (c > 0x7F)
            {
                // Not valid in the header, but do not lose it.
                var extra = Encoding.UTF8.GetBytes(c.ToString());
                if (n + extra.Length > bytes.Length)
                    Array.Resize(ref bytes, bytes.Length + extra.Length + 16);
                extra.CopyTo(bytes, n);
                n += extra.Length;
            }
            else
            {
                bytes[n++] = (byte)c;
            }
        }

        return Encoding.UTF8.GetString(bytes, 0, n);
    }

    private static char HexDigit(int v) => (char)(v < 10 ? '0' + v : 'A' + v - 10);

    private static bool TryHex(char c, out int v)
    {
        v = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'A' and <= 'F' => c - 'A' + 10,
            >= 'a' and <= 'f' => c - 'a' + 10,
            _ => -1,
        };
        return v >= 0;
    }
}
