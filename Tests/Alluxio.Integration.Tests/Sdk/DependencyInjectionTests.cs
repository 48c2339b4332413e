using Alluxio.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Alluxio.Integration.Tests.Sdk;

/// <summary>AddAlluxioClient: one shared client built from options (code or configuration), validated with clear errors.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task The_registered_client_is_one_singleton_talking_to_the_configured_master()
    {
        await using var master = await FaultyMaster.StartAsync();
        master.AddFile("/a");
        var services = new ServiceCollection().AddAlluxioClient(o =>
        {
            o.Masters = [master.Address];
            o.User = "di-user";
        });
        await using var provider = services.BuildServiceProvider();

        var fs = provider.GetRequiredService<FileSystem>();

        Assert.Same(fs, provider.GetRequiredService<FileSystem>());
        Assert.Equal("di-user", fs.Options.User);
        Assert.Equal("/a", (await fs.GetStatusAsync("/a")).Path);
    }

    [Fact]
    public async Task Options_bind_from_configuration()
    {
        await using var master = await FaultyMaster.StartAsync();
        master.AddFile("/a");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alluxio:Masters:0"] = master.Address,
            ["Alluxio:DefaultWriteType"] = "CacheThrough",
            ["Alluxio:RetryMaxDuration"] = "00:00:05",
            ["Alluxio:MetadataCacheEnabled"] = "true",
        }).Build();
        await using var provider = new ServiceCollection().AddAlluxioClient(configuration.GetSection("Alluxio")).BuildServiceProvider();

        var fs = provider.GetRequiredService<FileSystem>();

        Assert.Equal(Grains.FileSystem.WriteType.CacheThrough, fs.Options.DefaultWriteType);
        Assert.Equal(TimeSpan.FromSeconds(5), fs.Options.RetryMaxDuration);
        await fs.GetStatusAsync("/a");
        await fs.GetStatusAsync("/a");
        Assert.Equal(1, master.Calls("GetStatus"));
    }

    [Fact]
    public void Missing_masters_fail_resolution_with_a_clear_error()
    {
        using var provider = new ServiceCollection().AddAlluxioClient(o => (o.StreamChunkBytes, o.ReadAheadBlocks) = (1, -1)).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<FileSystem>());

        Assert.Contains("Masters", error.Message, StringComparison.Ordinal);
        Assert.Contains("StreamChunkBytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("ReadAheadBlocks", error.Message, StringComparison.Ordinal);
    }
}
