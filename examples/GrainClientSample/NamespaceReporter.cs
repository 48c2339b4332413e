using Alluxio.Client;
using Alluxio.Grains.FileSystem;
using Alluxio.Grains.Security;
using Alluxio.Runtime;
using Microsoft.Extensions.Hosting;

namespace GrainClientSample;

/// <summary>
/// The sample's work, as a hosted service: through the grain client it makes sure its directory exists, records a
/// heartbeat file, and lists the directory; through the SDK it writes and reads the heartbeat's bytes. Once, or every
/// interval until stopped. Grain methods take a CallerIdentity: the gateway replaces it with the client's user, so
/// passing <see cref="CallerIdentity.OfUser"/> of anyone else grants nothing.
/// </summary>
internal sealed class NamespaceReporter(IClusterClient grains, FileSystem fs, SampleOptions options, IHostApplicationLifetime lifetime, TextWriter output) : BackgroundService
{
    private static readonly CallerIdentity Caller = CallerIdentity.OfUser(Environment.UserName);

    public int ExitCode { get; private set; } = 1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            do
            {
                await ReportAsync(stoppingToken);
                if (!options.Once)
                {
                    await Task.Delay(options.Interval, stoppingToken);
                }
            }
            while (!options.Once);

            ExitCode = 0;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            ExitCode = 0;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"alluxio-grain-sample: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private async Task ReportAsync(CancellationToken cancellationToken)
    {
        var fileSystem = grains.GetGrain<IFileSystemGrain>(0); // the namespace, as code inside a silo reaches it
        await fileSystem.CreateDirectory(options.Path, new CreateDirectoryOptions(Recursive: true, AllowExists: true), Caller);

        // A heartbeat file: created and completed through the grain (metadata), its bytes written through the SDK (data).
        var heartbeat = $"{options.Path}/heartbeat-{DateTimeOffset.UtcNow:yyyyMMddHHmmssfff}.txt";
        var text = System.Text.Encoding.UTF8.GetBytes($"written by {Environment.MachineName} at {DateTimeOffset.UtcNow:O}\n");
        await using (var stream = await fs.OpenWriteAsync(heartbeat, new CreateFileOptions(WriteType: WriteType.CacheThrough), cancellationToken))
        {
            await stream.WriteAsync(text, cancellationToken);
        }

        var status = await fileSystem.GetStatus(heartbeat, SyncOptions.Default, Caller);
        await using (var stream = await fs.OpenReadAsync(heartbeat, cancellationToken: cancellationToken))
        {
            var read = new byte[status.Length];
            await stream.ReadExactlyAsync(read, cancellationToken);
            if (!read.AsSpan().SequenceEqual(text))
            {
                throw new InvalidDataException($"{heartbeat} reads back different bytes than were written.");
            }
        }

        await output.WriteLineAsync($"{options.Path} (listed through the grain gateway {grains.GetType().Name}):");
        await foreach (var entry in fileSystem.ListStatus(options.Path, new ListStatusOptions(), Caller, cancellationToken))
        {
            await output.WriteLineAsync($"  {entry.Path}  {entry.Length} bytes  owner {entry.Owner}  {entry.PersistenceState}");
        }

        await output.FlushAsync(cancellationToken);
    }
}
