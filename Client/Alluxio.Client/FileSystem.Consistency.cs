using Alluxio.Grpc;
using Alluxio.Protos.Grpc.File;

namespace Alluxio.Client;

/// <summary>Metadata against the UFS (<c>alluxio fs checkConsistency</c>).</summary>
public sealed partial class FileSystem
{
    private static readonly Method<CheckConsistencyPRequest, CheckConsistencyPResponse> CheckConsistencyMethod =
        Method<CheckConsistencyPRequest, CheckConsistencyPResponse>.From(FileSystemMasterReflection.Descriptor.Services[0], "CheckConsistency");

    /// <summary>
    /// The paths at or under <paramref name="path"/> whose metadata disagrees with the UFS, sorted (an inconsistent
    /// directory without its subtree); empty when all agree. Changes nothing: <see cref="LoadMetadataAsync"/> with
    /// force repairs.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckConsistencyAsync(string path, CancellationToken cancellationToken = default) =>
        [.. (await Call(CheckConsistencyMethod, new CheckConsistencyPRequest { Path = path }, cancellationToken)).InconsistentPaths];
}
