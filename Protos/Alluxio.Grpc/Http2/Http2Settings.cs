using System.Buffers.Binary;

namespace Alluxio.Grpc.Http2;

/// <summary>
/// One side's SETTINGS (RFC 9113 section 6.5.2), starting at the protocol's defaults. <see cref="Apply"/> takes a
/// received SETTINGS payload with the protocol's checks; <see cref="Encode"/> the values that differ from the defaults.
/// </summary>
public sealed class Http2Settings
{
    /// <summary>The protocol's initial flow-control window (65,535 bytes), for streams and the connection.</summary>
    public const int DefaultWindowSize = 65535;

    /// <summary>The smallest (and default) largest frame payload: 16 KiB.</summary>
    public const int MinMaxFrameSize = 16384;

    /// <summary>The largest flow-control window the protocol allows (2^31 - 1).</summary>
    public const int MaxWindowSize = int.MaxValue;

    public int HeaderTableSize { get; set; } = 4096;

    public bool EnablePush { get; set; } = true;

    /// <summary>Unlimited by default.</summary>
    public int MaxConcurrentStreams { get; set; } = int.MaxValue;

    public int InitialWindowSize { get; set; } = DefaultWindowSize;

    public int MaxFrameSize { get; set; } = MinMaxFrameSize;

    /// <summary>Unlimited by default.</summary>
    public int MaxHeaderListSize { get; set; } = int.MaxValue;

    /// <summary>
    /// Applies a received SETTINGS payload. Returns the change of <see cref="InitialWindowSize"/> (open streams'
    /// send windows move by it, section 6.9.2).
    /// </summary>
    /// <exception cref="Http2Exception">A malformed payload or an illegal value (a connection error).</exception>
    public int Apply(ReadOnlySpan<byte> payload)
    {
        if (payload.Length % 6 != 0)
            throw Http2Exception.Connection(Http2ErrorCode.FrameSizeError, $"A SETTINGS payload of {payload.Length} bytes is not a multiple of 6.");
        var windowDelta = 0;
        for (var at = 0; at < payload.Length; at += 6)
        {
            var id = (Http2SettingId)BinaryPrimitives.ReadUInt16BigEndian(payload[at..]);
            var value = BinaryPrimitives.ReadUInt32BigEndian(payload[(at + 2)..]);
            switch (id)
            {
                case Http2SettingId.HeaderTableSize:
                    HeaderTableSize = (int)Math.Min(value, int.MaxValue);
                    break;
                case Http2SettingId.EnablePush:
                    if (value > 1)
                        throw Http2Exception.Connection(Http2ErrorCode.ProtocolError, $"SETTINGS_ENABLE_PUSH must be 0 or 1, not {value}.");
                    EnablePush = value == 1;
                    break;
                case Http2SettingId.MaxConcurrentStreams:
                    MaxConcurrentStreams = (int)Math.Min(value, int.MaxValue);
                    break;
                case Http2SettingId.InitialWindowSize:
                    if (value > MaxWindowSize)
                        throw Http2Exception.Connection(Http2ErrorCode.FlowControlError, $"SETTINGS_INITIAL_WINDOW_SIZE {value} is above 2^31 - 1.");
                    windowDelta += (int)value - InitialWindowSize;
                    InitialWindowSize = (int)value;
                    break;
                case Http2SettingId.MaxFrameSize:
                    if (value < MinMaxFrameSize || value > Http2FrameHeader.MaxLength)
                        throw Http2Exception.Connection(Http2ErrorCode.ProtocolError, $"SETTINGS_MAX_FRAME_SIZE {value} is outside 16384 .. 2^24 - 1.");
                    MaxFrameSize = (int)value;
                    break;
                case Http2SettingId.MaxHeaderListSize:
                    MaxHeaderListSize = (int)Math.Min(value, int.MaxValue);
                    break;
                default:
                    break; // unknown settings are ignored (section 6.5.2)
            }
        }

        return windowDelta;
    }

    /// <summary>The SETTINGS payload announcing these values: each one that differs from the protocol's default.</summary>
    public byte[] Encode()
    {
        var defaults = new Http2Settings();
        var entries = new List<(Http2SettingId, uint)>();
        if (HeaderTableSize != defaults.HeaderTableSize)
            entries.Add((Http2SettingId.HeaderTableSize, (uint)HeaderTableSize));
        if (EnablePush != defaults.EnablePush)
            entries.Add((Http2SettingId.EnablePush, EnablePush ? 1u : 0u));
        if (MaxConcurrentStreams != defaults.MaxConcurrentStreams)
            entries.Add((Http2SettingId.MaxConcurrentStreams, (uint)MaxConcurrentStreams));
        if (InitialWindowSize != defaults.InitialWindowSize)
            entries.Add((Http2SettingId.InitialWindowSize, (uint)InitialWindowSize));
        if (MaxFrameSize != defaults.MaxFrameSize)
            entries.Add((Http2SettingId.MaxFrameSize, (uint)MaxFrameSize));
        if (MaxHeaderListSize != defaults.MaxHeaderListSize)
            entries.Add((Http2SettingId.MaxHeaderListSize, (uint)MaxHeaderListSize));
        var payload = new byte[entries.Count * 6];
        for (var i = 0; i < entries.Count; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(i * 6), (ushort)entries[i].Item1);
            BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan((i * 6) + 2), entries[i].Item2);
        }

        return payload;
    }
}
