using Alluxio.Client;
using GrainClientSample;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// alluxio-grain-sample [--gateway host:port] [--path /dir] [--once | --interval seconds]
// A generic-host service with both clients from dependency injection: the grain client (IClusterClient) for
// namespace calls straight to the silo's grains, the SDK (FileSystem) for file bytes. Exit code 0 on success.
var options = SampleOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
builder.Services.AddSingleton(options);
builder.Services.AddSingleton(Console.Out);
builder.Services.AddAlluxioGrainClient(o => o.Gateways = [options.Gateway]);
builder.Services.AddAlluxioClient(o => o.Masters = [options.Gateway]);
builder.Services.AddSingleton<NamespaceReporter>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<NamespaceReporter>());

using var host = builder.Build();
var reporter = host.Services.GetRequiredService<NamespaceReporter>();
await host.RunAsync();
return reporter.ExitCode;
