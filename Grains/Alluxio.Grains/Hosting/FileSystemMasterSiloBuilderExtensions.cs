using Alluxio.Grains.Block;
using Alluxio.Grains.FileSystem;
using Alluxio.Grains.FileSystem.Grains;
using Alluxio.Grains.FileSystem.Mounts;
using Alluxio.Grains.FileSystem.Namespace;
using Alluxio.Grains.FileSystem.Security;
using Alluxio.Grains.FileSystem.Sync;
using Alluxio.Metastore;
using Alluxio.Metastore.Locks;
using Alluxio.Runtime.Hosting;
using Alluxio.Runtime.Storage;
using Alluxio.Runtime.Storage.RocksDb;
using Alluxio.Ufs;
using Alluxio.Ufs.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alluxio.Grains.Hosting;

/// <summary>Adds the file system master (metadata store, namespace grains) to a silo.</summary>
public static class FileSystemMasterSiloBuilderExtensions
{
    /// <summary>
    /// Hosts the namespace: the metadata store in <paramref name="dataDirectory"/> (journal, RocksDB, checkpoints), the
    /// namespace grains, and the default grain storage in the store's grain-state column family.
    /// </summary>
    public static ISiloBuilder AddFileSystemMaster(this ISiloBuilder silo, string dataDirectory, Action<FileSystemMasterOptions>? configure = null, Action<MetastoreOptions>? configureStore = null)
    {
        var services = silo.Services;
        silo.AddGrainAssembly(typeof(FileSystemGrain).Assembly);
        services.AddOptions<FileSystemMasterOptions>().Configure(o => configure?.Invoke(o)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FileSystemMasterOptions>>(new DelegateValidator<FileSystemMasterOptions>(o => o.Validate()));
        services.TryAddSingleton(_ => new UnderFileSystemRegistry().Register(new LocalUnderFileSystemFactory()));
        services.TryAddSingleton<UfsManager>();
        services.TryAddSingleton<Metrics.MetricsRegistry>();
        services.AddSingleton(sp =>
        {
            var options = new MetastoreOptions { Directory = dataDirectory };
            configureStore?.Invoke(options);
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Alluxio.Metastore");
            return Alluxio.Metastore.Metastore.Open(options, logger, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => new NamespaceReader(sp.GetRequiredService<Alluxio.Metastore.Metastore>().State));
        services.AddSingleton<MetadataLockManager>();
        services.TryAddSingleton<IUserGroupResolver>(sp => new UnixUserGroupResolver(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new PermissionChecker(sp.GetRequiredService<IOptions<FileSystemMasterOptions>>().Value, sp.GetRequiredService<IUserGroupResolver>()));
        services.AddSingleton<BlockMaster>();
        services.TryAddSingleton<IBlockPresence>(sp => sp.GetRequiredService<BlockMaster>());
        services.AddSingleton<StatusBuilder>();
        services.AddSingleton(sp => new MetadataSyncer(
            sp.GetRequiredService<Alluxio.Metastore.Metastore>(),
            sp.GetRequiredService<NamespaceReader>(),
            sp.GetRequiredService<UfsManager>(),
            sp.GetRequiredService<MetadataLockManager>(),
            sp.GetRequiredService<IOptions<FileSystemMasterOptions>>().Value,
            sp.GetRequiredService<ILogger<MetadataSyncer>>()));
        services.AddSingleton<Persistence.PersistQueue>();
        services.AddSingleton<FileSystemMaster>();
        services.AddKeyedSingleton<IGrainStorage>(ProviderConstants.DefaultStorageProviderName, (sp, _) =>
            new RocksDbGrainStorage(
                sp.GetRequiredService<Alluxio.Metastore.Metastore>().State.Db.Db,
                ownsDb: false,
                new RocksDbGrainStorageOptions { Path = dataDirectory },
                sp.GetRequiredService<IGrainStorageSerializer>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<RocksDbGrainStorage>()));
        services.AddHostedService<FileSystemMasterStartup>();
        return silo;
    }
}
