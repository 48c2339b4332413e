using System.CommandLine;
using Alluxio.Silo.Hosting;
using Microsoft.Extensions.Options;

// alluxio-silo: parse the command line, validate options, lock the data directory, run until SIGINT/SIGTERM.
// Exit codes: 0 stopped normally, 1 failed while running, 2 invalid options, configuration or backup, 3 data directory in use.
var command = SiloCommandLine.Create(RunAsync);
return await command.Parse(args).InvokeAsync();

static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
{
    WebApplication app;
    SiloHostOptions options;
    try
    {
        app = SiloHost.Build(SiloCommandLine.ToConfiguration(parse), parse.GetValue(SiloCommandLine.ConfigFile));
        options = app.Services.GetRequiredService<IOptions<SiloHostOptions>>().Value;
    }
    catch (OptionsValidationException e)
    {
        await Console.Error.WriteLineAsync($"alluxio-silo: invalid configuration: {string.Join(" ", e.Failures)}");
        return 2;
    }
    catch (Exception e) when (e is FileNotFoundException or InvalidDataException or FormatException or InvalidOperationException)
    {
        await Console.Error.WriteLineAsync($"alluxio-silo: invalid configuration: {e.Message}");
        return 2;
    }

    await using (app)
    {
        DataDirectoryLock dataLock;
        try
        {
            dataLock = DataDirectoryLock.Acquire(options.DataDir);
        }
        catch (DataDirectoryInUseException e)
        {
            await Console.Error.WriteLineAsync($"alluxio-silo: {e.Message}");
            return 3;
        }

        using (dataLock)
        {
            if (parse.GetValue(SiloCommandLine.Restore) is { } backup)
            {
                try
                {
                    var sequence = Alluxio.Metastore.Metastore.Restore(backup, options.DataDir);
                    await Console.Out.WriteLineAsync($"alluxio-silo: restored {backup} (journal sequence {sequence}) into {Path.GetFullPath(options.DataDir)}");
                }
                catch (Exception e) when (e is InvalidOperationException or InvalidDataException or FileNotFoundException or IOException)
                {
                    await Console.Error.WriteLineAsync($"alluxio-silo: cannot restore {backup}: {e.Message}");
                    return 2;
                }
            }

            Directory.CreateDirectory(options.RootUfs);
            try
            {
                await app.RunAsync(cancellationToken);
                return 0;
            }
            catch (OptionsValidationException e)
            {
                await Console.Error.WriteLineAsync($"alluxio-silo: invalid configuration: {string.Join(" ", e.Failures)}");
                return 2;
            }
            catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await Console.Error.WriteLineAsync($"alluxio-silo: cannot listen: {e.Message}");
                return 1;
            }
        }
    }
}
