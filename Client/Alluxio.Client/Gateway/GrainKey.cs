using Alluxio.Protos.Grpc.Gateway;

namespace Alluxio.Client.Gateway;

/// <summary>How a gateway reference names its grain: the key as given to GetGrain, and the implementation prefix.</summary>
internal sealed record GrainKey(GrainKeyKindP Kind, string Key, string Extension, string ClassPrefix);
