using System.Net;
using Alluxio.Grains.Hosting;
using Alluxio.Grpc.Server;
using Alluxio.Silo.Grpc;
using Alluxio.Runtime.Configuration;
using Alluxio.Runtime.Hosting;
using Alluxio.Silo.Web;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Alluxio.Silo.Hosting;

/// <summary>
/// Composes the silo process: configuration (appsettings.json, --config file, ALLUXIO_* environment, command line),
/// validated options, the grain runtime with RocksDB grain state in the data directory, Kestrel with the gRPC port
/// (HTTP/2) and the web port (HTTP/1.1), and the gRPC services.
/// </summary>
public static class SiloHost
{
    /// <summary>Builds (does not start) the silo's web application.</summary>
    public static WebApplication Build(IDictionary<string, string?> overrides, string? configFile = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(configFile is null ? "none.json" : Path.GetFullPath(configFile), optional: configFile is null)
            .AddEnvironmentVariables("ALLUXIO_")
            .AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddConsole();

        builder.Services.AddOptions<SiloHostOptions>().Bind(builder.Configuration).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SiloHostOptions>, SiloHostOptionsValidator>();
        var host = builder.Configuration.Get<SiloHostOptions>() ?? new SiloHostOptions();
        var problems = SiloHostOptionsValidator.Problems(host).ToList();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(SiloHostOptions), typeof(SiloHostOptions), problems);
        }

        var dataDir = Path.GetFullPath(host.DataDir);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = IPAddress.TryParse(host.BindAddress, out var ip) ? ip : IPAddress.Any;
            kestrel.Listen(address, host.Port, listen =>
            {
                if (host.TlsCertificate is { } certificate)
                {
                    listen.UseGrpcTls(certificate, host.TlsKey, host.TlsCertificatePassword);
                }
                else
                {
                    listen.UseGrpcH2c();
                }
            });
            if (host.WebPort != 0)
            {
                kestrel.Listen(address, host.WebPort, listen => listen.Protocols = HttpProtocols.Http1);
            }
        });

        builder.Services.AddGrpcWire();
        builder.Services.AddSingleton<SiloStatus>();
        var rootUfs = Path.GetFullPath(host.RootUfs);
        builder.UseGrainRuntime(silo =>
        {
            silo.Services.Configure<SiloOptions>(o => o.Roles = [.. host.EffectiveRoles]);
            silo.AddFileSystemMaster(
                dataDir,
                master =>
                {
                    builder.Configuration.GetSection("Master").Bind(master);
                    master.RootUfs = rootUfs;
                },
                store => builder.Configuration.GetSection("Metastore").Bind(store));
            if (host.EffectiveRoles.Contains("worker", StringComparer.OrdinalIgnoreCase))
            {
                silo.AddWorker(
                    dataDir,
                    services => WorkerAddress(host, host.DataPort >= 0 ? services.GetRequiredService<WorkerDataServer>().Port : host.Port),
                    worker => builder.Configuration.GetSection("Worker").Bind(worker));
            }
        });
        builder.Services.AddHostedService<HealthReporter>();
        builder.Services.AddSingleton<FileSystemMasterService>();
        builder.Services.AddSingleton<MetaMasterService>();
        var isWorker = host.EffectiveRoles.Contains("worker", StringComparer.OrdinalIgnoreCase);
        if (isWorker)
        {
            builder.Services.AddSingleton<BlockWorkerService>();
            if (host.DataPort >= 0)
            {
                // Block writes arrive in 1 MiB messages: a 4 MiB stream window keeps a few in flight.
                builder.Services.AddOptions<Http2GrpcServerOptions>()
                    .Configure(o => o.StreamWindowSize = 4 << 20)
                    .Bind(builder.Configuration.GetSection("DataServer"));
                builder.Services.AddSingleton<WorkerDataServer>();
                builder.Services.AddHostedService(sp => sp.GetRequiredService<WorkerDataServer>());
            }
        }

        builder.Services.AddSingleton<BlockMasterService>();
        builder.Services.AddSingleton<Gateway.GatewayTargets>();
        builder.Services.AddSingleton<GrainGatewayService>();

        var app = builder.Build();
        var grpc = app.MapGroup(string.Empty).RequireHost($"*:{host.Port}");
        grpc.MapGrpcHealthService();
        grpc.MapGrpcService<FileSystemMasterService>(Protos.Grpc.File.FileSystemMasterReflection.Descriptor.Services[0]);
        grpc.MapGrpcService<MetaMasterService>(Protos.Grpc.Meta.MetaMasterReflection.Descriptor.Services[0]);
        if (isWorker)
        {
            grpc.MapGrpcService<BlockWorkerService>(Protos.Grpc.Block.BlockWorkerReflection.Descriptor.Services[0]);
        }

        grpc.MapGrpcService<BlockMasterService>(Protos.Grpc.Block.BlockMasterReflection.Descriptor.Services[0]);
        grpc.MapGrpcService<GrainGatewayService>(Protos.Grpc.Gateway.GrainGatewayReflection.Descriptor.Services[0]);
        if (host.WebPort != 0)
        {
            StatusEndpoints.Map(app.MapGroup(string.Empty).RequireHost($"*:{host.WebPort}"));
        }

        return app;
    }

    /// <summary>The host:port clients reach this silo's worker at (the bind address, or this machine's name when bound to all).</summary>
    private static string WorkerAddress(SiloHostOptions host, int port) =>
        (IPAddress.TryParse(host.BindAddress, out var ip) && !ip.Equals(IPAddress.Any) && !ip.Equals(IPAddress.IPv6Any) ? host.BindAddress : Dns.GetHostName()) + ":" + port;
}
