using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Formatting;

/// <summary><c>fs getfacl</c>: the path, owner and group as comments, then the ACL's base entries from the mode bits.</summary>
public static class AclFormatter
{
    public static IEnumerable<string> Lines(FileStatus status)
    {
        yield return "# file: " + status.Path;
        yield return "# owner: " + status.Owner;
        yield return "# group: " + status.Group;
        yield return "user::" + AclSpec.Format(status.Mode >> 6 & 7);
        yield return "group::" + AclSpec.Format(status.Mode >> 3 & 7);
        yield return "other::" + AclSpec.Format(status.Mode & 7);
    }
}
