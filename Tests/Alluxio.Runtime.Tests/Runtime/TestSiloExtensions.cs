using Alluxio.Runtime.Activation;
using Alluxio.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Alluxio.Runtime.Tests.Runtime;

internal static class TestSiloExtensions
{
    public static Catalog Catalog(this TestSilo silo) => silo.Services.GetRequiredService<Catalog>();
}
