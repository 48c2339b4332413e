using Alluxio.Grains.Exceptions;
using Alluxio.Grains.Paths;
using Alluxio.Protos.Meta;
using Alluxio.Ufs;

namespace Alluxio.Grains.FileSystem.Mounts;

/// <summary>
/// Mount resolution and Alluxio's mount rules, over the committed mount records: the mount serving a path is the one
/// with the longest Alluxio path that is the path or an ancestor of it (nested mounts); a new mount's UFS URI may not
/// be a prefix or an extension of another mount's (same scheme and authority).
/// </summary>
public static class MountTable
{
    /// <summary>The mount serving <paramref name="path"/> (normalized); the root mount always matches.</summary>
    public static MountRecord Resolve(IEnumerable<MountRecord> mounts, string path)
    {
        MountRecord? best = null;
        foreach (var mount in mounts)
        {
            if (AlluxioPath.IsSameOrAncestor(mount.AlluxioPath, path) && (best is null || mount.AlluxioPath.Length > best.AlluxioPath.Length))
            {
                best = mount;
            }
        }

        return best ?? throw new UnavailableException("The namespace has no root mount (not formatted yet).");
    }

    /// <summary>The path inside the mount's UFS ("" for the mount point itself).</summary>
    public static string UfsRelativePath(MountRecord mount, string path)
    {
        if (path == mount.AlluxioPath)
        {
            return string.Empty;
        }

        return mount.AlluxioPath == AlluxioPath.Root ? path[1..] : path[(mount.AlluxioPath.Length + 1)..];
    }

    /// <summary>The full UFS URI of a path, for display (FileInfo.ufsPath).</summary>
    public static string UfsUri(MountRecord mount, string path)
    {
        var relative = UfsRelativePath(mount, path);
        if (relative.Length == 0)
        {
            return mount.UfsUri;
        }

        return mount.UfsUri.EndsWith('/') ? mount.UfsUri + relative : mount.UfsUri + "/" + relative;
    }

    /// <summary>The UFS type Alluxio reports for a URI ("local" for file URIs, else the scheme).</summary>
    public static string UfsType(string uri)
    {
        var scheme = new Uri(uri).Scheme;
        return scheme == "file" ? "local" : scheme;
    }

    /// <summary>The canonical form of a UFS URI or absolute path (file URIs for paths, no trailing slash).</summary>
    public static string CanonicalUfsUri(string uriOrPath)
    {
        Uri uri;
        try
        {
            uri = UnderFileSystemRegistry.ParseRoot(uriOrPath.Length > 1 ? uriOrPath.TrimEnd('/') : uriOrPath);
        }
        catch (UfsPathException e)
        {
            throw new InvalidPathException($"'{uriOrPath}' is not a valid UFS path: {e.Message}");
        }

        var text = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        return text.Length > uri.Scheme.Length + 4 ? text.TrimEnd('/') : text;
    }

    /// <summary>Refuses a UFS URI that overlaps (is a prefix of, or extends) an existing mount's.</summary>
    public static void CheckNoOverlap(IEnumerable<MountRecord> mounts, string canonicalUfsUri, long? exceptMountId = null)
    {
        foreach (var mount in mounts)
        {
            if (mount.MountId == exceptMountId)
            {
                continue;
            }

            var existing = mount.UfsUri;
            if (existing == canonicalUfsUri)
            {
                throw new InvalidPathException($"{canonicalUfsUri} is already mounted at {mount.AlluxioPath}.");
            }

            if (IsPrefix(existing, canonicalUfsUri) || IsPrefix(canonicalUfsUri, existing))
            {
                throw new InvalidPathException(
                    $"Mount point {mount.AlluxioPath} already uses {existing}, which {(IsPrefix(existing, canonicalUfsUri) ? "is a prefix of" : "extends")} {canonicalUfsUri}: UFS paths of mounts may not overlap.");
            }
        }
    }

    private static bool IsPrefix(string prefix, string uri) =>
        uri == prefix || (uri.StartsWith(prefix, StringComparison.Ordinal) && (prefix.EndsWith('/') || uri[prefix.Length] == '/'));
}
