using Xunit;

namespace Alluxio.Cli.Tests.EndToEnd;

/// <summary>
/// The data-command test classes share one silo and run one after another: on a small machine one more silo per class
/// would cost more than the tests. Each test works under its own unique top-level directory.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DataSiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "data commands";
}
