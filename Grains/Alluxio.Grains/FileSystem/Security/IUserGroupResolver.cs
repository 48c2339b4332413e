namespace Alluxio.Grains.FileSystem.Security;

/// <summary>Resolves a user's groups on the master's host (Alluxio's ShellBasedUnixGroupsMapping). Thread-safe.</summary>
public interface IUserGroupResolver
{
    /// <summary>The user's groups, primary group first; empty for a user unknown on this host.</summary>
    IReadOnlyList<string> GetGroups(string user);
}
