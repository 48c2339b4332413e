using Alluxio.Runtime.Hosting;
using Alluxio.Runtime.Tests.Grains;
using Alluxio.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Alluxio.Runtime.Tests.Runtime;

/// <summary>Starts a fresh silo with a <see cref="Probe"/> for each test.</summary>
public abstract class SiloTest : IAsyncLifetime
{
    protected TestSilo Silo { get; private set; } = null!;

    protected Probe Probe { get; } = new();

    protected IGrainFactory Grains => Silo.GrainFactory;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual TimeProvider? Time => null;

    public virtual async Task InitializeAsync() =>
        Silo = await TestSilo.StartAsync(
            configure: s => s.AddMemoryGrainStorage("alt"),
            services: s => s.AddSingleton(Probe),
            settings: Settings,
            time: Time);

    public virtual async Task DisposeAsync() => await Silo.DisposeAsync();
}
