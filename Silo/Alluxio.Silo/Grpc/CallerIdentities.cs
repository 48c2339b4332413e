using Alluxio.Grains.Security;
using Alluxio.Grains.Wire;
using Alluxio.Grpc.Server;

namespace Alluxio.Silo.Grpc;

/// <summary>The caller's identity from the request headers (SIMPLE authentication).</summary>
internal static class CallerIdentities
{
    public static CallerIdentity From(ServerCallContext context)
    {
        var user = context.RequestHeaders.GetValue(WireHeaders.User);
        return CallerIdentity.OfUser(string.IsNullOrWhiteSpace(user) ? WireHeaders.AnonymousUser : user.Trim());
    }
}
