using Alluxio.Client;
using Alluxio.Grains.FileSystem;
using Xunit;

namespace Alluxio.Cli.Tests.Unit;

/// <summary>-Dkey=value on the command line: taken out anywhere before "--", known keys applied, the rest ignored.</summary>
public sealed class ClientPropertiesTests
{
    [Fact]
    public void PropertiesAreTakenOutWhereverTheyStand()
    {
        string[] args =
        [
            "-Dalluxio.user.file.writetype.default=must_cache", "fs", "-Dalluxio.user.file.readtype.default=NO_CACHE",
            "copyFromLocal", "a", "/b", "-Dalluxio.user.block.size.bytes.default=64MB",
        ];

        Assert.True(ClientProperties.TryExtract(args, out var rest, out var properties, out var error), error);

        Assert.Equal(["fs", "copyFromLocal", "a", "/b"], rest);
        Assert.Equal(new ClientProperties(WriteType.MustCache, ReadType.NoCache, 64L << 20), properties);
    }

    [Fact]
    public void UnknownKeysAreIgnoredAndArgumentsAfterDoubleDashKept()
    {
        Assert.True(ClientProperties.TryExtract(["-Dalluxio.some.future.key=1", "-Dfile.encoding=UTF-8", "fs", "cat", "--", "-Dx=y"], out var rest, out var properties, out _));
        Assert.Equal(["fs", "cat", "--", "-Dx=y"], rest);
        Assert.Same(ClientProperties.None, properties);
    }

    [Theory]
    [InlineData("-D", "Malformed property '-D'")]
    [InlineData("-Dalluxio.user.file.writetype.default", "Malformed property")]
    [InlineData("-D=MUST_CACHE", "Malformed property")]
    [InlineData("-Dalluxio.user.file.writetype.default=SOMETIMES", "MUST_CACHE, CACHE_THROUGH, THROUGH or ASYNC_THROUGH (got 'SOMETIMES')")]
    [InlineData("-Dalluxio.user.file.readtype.default=", "NO_CACHE, CACHE or CACHE_PROMOTE")]
    [InlineData("-Dalluxio.user.block.size.bytes.default=0", "positive size")]
    public void MalformedPropertiesAreRefusedWithAReason(string token, string expected)
    {
        Assert.False(ClientProperties.TryExtract(["fs", token, "ls", "/"], out _, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void KnownPropertiesSetTheClientDefaults()
    {
        var options = new FileSystemClientOptions();
        new ClientProperties(WriteType.Through, ReadType.CachePromote).ApplyTo(options);
        Assert.Equal(WriteType.Through, options.DefaultWriteType);
        Assert.Equal(ReadType.CachePromote, options.DefaultReadType);

        var untouched = new FileSystemClientOptions();
        ClientProperties.None.ApplyTo(untouched);
        Assert.Equal(WriteType.AsyncThrough, untouched.DefaultWriteType);
        Assert.Equal(ReadType.Cache, untouched.DefaultReadType);
    }

    [Fact]
    public async Task AMalformedPropertyIsAUsageError()
    {
        var reason = (await Cli.RunAsync("fs", "-Dnoequals", "ls", "/")).Failed(ExitCodes.Usage);
        Assert.Equal("Malformed property '-Dnoequals': expected -Dalluxio.KEY=VALUE. See 'alluxio --help'.", reason);
    }
}
