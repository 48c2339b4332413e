using Alluxio.Runtime;

namespace Alluxio.Grains.Security;

/// <summary>Who is calling (SIMPLE authentication: the OS user the client runs as) and the groups the master resolved.
/// Immutable (its group list is never changed after construction).</summary>
[Immutable]
public sealed record CallerIdentity(string User, IReadOnlyList<string> Groups)
{
    /// <summary>An identity with only a user; the master resolves its groups.</summary>
    public static CallerIdentity OfUser(string user) => new(user, []);
}
