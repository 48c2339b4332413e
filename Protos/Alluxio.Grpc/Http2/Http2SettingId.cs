namespace Alluxio.Grpc.Http2;

/// <summary>SETTINGS parameters (RFC 9113 section 6.5.2). Values are the protocol's; unknown ones are ignored.</summary>
public enum Http2SettingId : ushort
{
    HeaderTableSize = 0x1,
    EnablePush = 0x2,
    MaxConcurrentStreams = 0x3,
    InitialWindowSize = 0x4,
    MaxFrameSize = 0x5,
    MaxHeaderListSize = 0x6,
}
