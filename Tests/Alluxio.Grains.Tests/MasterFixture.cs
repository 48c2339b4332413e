using Alluxio.Grains.FileSystem;
using Alluxio.Grains.Hosting;
using Alluxio.Grains.Security;
using Alluxio.Metastore;
using Alluxio.Runtime;
using Alluxio.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Alluxio.Grains.Tests;

/// <summary>A real silo with the file system master, over a fresh data directory and a local root UFS.</summary>
public class MasterTest : IAsyncLifetime
{
    protected MasterTest()
    {
        Root = Path.Combine(Path.GetTempPath(), "alluxio-master-test-" + Guid.NewGuid().ToString("N"));
        DataDir = Path.Combine(Root, "data");
        UfsRoot = Path.Combine(Root, "ufs");
        Directory.CreateDirectory(UfsRoot);
    }

    protected string Root { get; }

    protected string DataDir { get; }

    protected string UfsRoot { get; }

    protected TestSilo Silo { get; set; } = null!;

    protected IFileSystemGrain Fs => Silo.GrainFactory.GetGrain<IFileSystemGrain>(0);

    /// <summary>The OS user the test runs as: the silo's superuser.</summary>
    protected static CallerIdentity Super { get; } = CallerIdentity.OfUser(Environment.UserName);

    /// <summary>A user that is not a superuser and not in any group on this host.</summary>
    protected static CallerIdentity Alice { get; } = CallerIdentity.OfUser("alice-test-user");

    protected static CallerIdentity Bob { get; } = CallerIdentity.OfUser("bob-test-user");

    /// <summary>The silo's clock (null: the system clock).</summary>
    protected virtual TimeProvider? Time => null;

    protected virtual void Configure(FileSystemMasterOptions options)
    {
    }

    protected virtual void ConfigureStore(MetastoreOptions options)
    {
        options.SyncJournal = true;
    }

    public virtual async Task InitializeAsync() => Silo = await StartSiloAsync();

    protected Task<TestSilo> StartSiloAsync() => TestSilo.StartAsync(silo => silo.AddFileSystemMaster(DataDir, o =>
    {
        o.RootUfs = UfsRoot;
        Configure(o);
    }, ConfigureStore), time: Time);

    protected async Task RestartAsync()
    {
        await Silo.DisposeAsync();
        Silo = await StartSiloAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
        catch (UnauthorizedAccessException)
        {
            // Best effort.
        }
    }

    protected string Ufs(string relative) => Path.Combine(UfsRoot, relative.TrimStart('/'));

    protected T Service<T>()
        where T : notnull => Silo.Services.GetRequiredService<T>();

    protected async Task<List<FileStatus>> ListAsync(string path, bool recursive = false, SyncOptions? sync = null, CallerIdentity? caller = null)
    {
        var result = new List<FileStatus>();
        await foreach (var status in Fs.ListStatus(path, new ListStatusOptions(recursive, sync), caller ?? Super, CancellationToken.None))
        {
            result.Add(status);
        }

        return result;
    }
}
