using Alluxio.Client;
using Alluxio.Grains.FileSystem;
using Alluxio.Grpc;
using Alluxio.Protos.Grpc.Health.V1;

namespace Alluxio.Bench.Metadata;

/// <summary>One round of every metadata operation through the SDK against a silo process.</summary>
/// <remarks><paramref name="only"/> names the operations to run (all when empty), for profiling one of them.</remarks>
internal sealed class OperationsBenchmark(FileSystem fs, string address, int callers, int files, TimeSpan duration, IReadOnlySet<string> only)
{
    private static readonly SyncOptions Never = new(LoadMetadataType.Never);

    public async Task<Dictionary<string, double>> RunAsync(int round)
    {
        var results = new Dictionary<string, double>();
        var dir = $"/bench{round}";
        await fs.CreateDirectoryAsync(dir);
        await fs.CreateDirectoryAsync(dir + "/list");
        await Load.RunItemsAsync(callers, 1000, i => fs.CreateFileAsync($"{dir}/list/f{i:D4}"));

        var needFiles = Selected("createFile") || Selected("getStatus") || Selected("rename") || Selected("delete");
        if (needFiles)
        {
            results["createFile"] = await Load.RunItemsAsync(callers, files, i => fs.CreateFileAsync($"{dir}/f{i}"));
        }

        if (Selected("getStatus"))
        {
            results["getStatus"] = await Load.RunForAsync(callers, duration, (c, n) => fs.GetStatusAsync($"{dir}/f{(c * 7919 + n) % files}", Never));
        }

        if (Selected("listStatus"))
        {
            results["listStatus (1,000 entries)"] = await Load.RunForAsync(callers, duration, async (_, _) =>
            {
                var count = 0;
                await foreach (var _ in fs.ListStatusAsync(dir + "/list", new ListStatusOptions(Sync: Never)))
                {
                    count++;
                }

                if (count != 1000)
                {
                    throw new InvalidOperationException($"listed {count} entries, expected 1000");
                }
            });
        }

        var prefix = "f";
        if (Selected("rename"))
        {
            results["rename"] = await Load.RunItemsAsync(callers, files, i => fs.RenameAsync($"{dir}/f{i}", $"{dir}/r{i}"));
            prefix = "r";
        }

        if (Selected("delete"))
        {
            results["delete"] = await Load.RunItemsAsync(callers, files, i => fs.DeleteAsync($"{dir}/{prefix}{i}"));
        }

        // The transport's floor in the same run: a gRPC call that does no work (grpc.health.v1 Check).
        if (!Selected("noop"))
        {
            return results;
        }

        using var channel = GrpcChannel.ForAddress(address);
        var check = Method<HealthCheckRequest, HealthCheckResponse>.From(HealthReflection.Descriptor.Services[0], "Check");
        results["gRPC no-op (health check)"] = await Load.RunForAsync(callers, duration, (_, _) => channel.UnaryAsync(check, new HealthCheckRequest()));
        return results;
    }

    private bool Selected(string operation) => only.Count == 0 || only.Contains(operation);
}
