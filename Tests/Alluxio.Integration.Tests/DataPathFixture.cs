using Xunit;
using Alluxio.Client;
using Alluxio.Testing.Processes;

namespace Alluxio.Integration.Tests;

/// <summary>One silo (master + worker, tiers in its data directory) shared by the data path tests.</summary>
public sealed class DataPathFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();

    public SiloProcess Silo { get; private set; } = null!;

    public FileSystem Fs { get; private set; } = null!;

    public string UnderFs => Path.Combine(Silo.DataDir, "underfs");

    public string MemBlocks => Path.Combine(Silo.DataDir, "tiers", "mem", "blocks");

    public async Task InitializeAsync()
    {
        Silo = SiloProcess.Start(_dir.Sub("data"));
        await Silo.WaitUntilServingAsync();
        Fs = FileSystem.Connect(Silo.Address);
    }

    public async Task DisposeAsync()
    {
        Fs.Dispose();
        await Silo.DisposeAsync();
        _dir.Dispose();
    }

    /// <summary>Deterministic bytes for a test file.</summary>
    public static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The block files (data, not sidecars) in the MEM tier.</summary>
    public IReadOnlyList<string> CachedBlockFiles() =>
        Directory.Exists(MemBlocks) ? [.. Directory.GetFiles(MemBlocks).Where(f => !f.EndsWith(".meta", StringComparison.Ordinal))] : [];
}
