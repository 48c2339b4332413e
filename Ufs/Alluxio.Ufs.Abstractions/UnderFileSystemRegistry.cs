namespace Alluxio.Ufs;

/// <summary>
/// Finds the connector for a UFS URI by its scheme. Accepts URIs (<c>file:///data</c>, <c>s3://bucket/prefix</c>) and
/// plain absolute host paths (<c>/data</c>, meaning <c>file:///data</c>). Thread-safe; registration normally happens
/// at start-up.
/// </summary>
public sealed class UnderFileSystemRegistry
{
    private static readonly IReadOnlyDictionary<string, string> s_noProperties = new Dictionary<string, string>();
    private readonly Lock _lock = new();
    private readonly Dictionary<string, IUnderFileSystemFactory> _factories = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The registered schemes, sorted.</summary>
    public IReadOnlyList<string> Schemes
    {
        get
        {
            lock (_lock)
            {
                return [.. _factories.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Registers <paramref name="factory"/> for each of its schemes.</summary>
    /// <exception cref="InvalidOperationException">One of the schemes already has a factory (nothing is registered then).</exception>
    public UnderFileSystemRegistry Register(IUnderFileSystemFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        lock (_lock)
        {
            foreach (var scheme in factory.Schemes)
            {
                if (_factories.TryGetValue(scheme, out var existing))
                {
                    throw new InvalidOperationException(
                        $"Scheme '{scheme}' is already served by {existing.GetType().Name}; cannot also register {factory.GetType().Name}.");
                }
            }

            foreach (var scheme in factory.Schemes)
            {
                _factories.Add(scheme.ToLowerInvariant(), factory);
            }
        }

        return this;
    }

    /// <summary>
    /// Turns <paramref name="uriOrPath"/> into a root URI: an absolute host path becomes a <c>file</c> URI (each
    /// segment escaped, so names with <c>#</c>, <c>%</c> or spaces survive); a URI (<c>scheme://...</c>, or Hadoop's
    /// <c>scheme:/path</c>) is taken as is.
    /// </summary>
    /// <exception cref="UfsPathException">Empty, relative, or not a valid URI.</exception>
    public static Uri ParseRoot(string uriOrPath)
    {
        ArgumentNullException.ThrowIfNull(uriOrPath);
        if (uriOrPath.Length == 0 || uriOrPath.Contains('\0', StringComparison.Ordinal))
        {
            throw new UfsPathException(uriOrPath, "a UFS root must be a URI or an absolute path");
        }

        if (uriOrPath[0] == '/')
        {
            var segments = uriOrPath.Split('/').Select(Uri.EscapeDataString);
            return new Uri("file://" + string.Join('/', segments), UriKind.Absolute);
        }

        // "scheme://authority/path" or Hadoop's "scheme:/path"; "bucket:key" (no slash) is not a URI here.
        var colon = uriOrPath.IndexOf(':', StringComparison.Ordinal);
        var text = uriOrPath;
        if (colon > 0 && text.Length > colon + 2 && text[colon + 1] == '/' && text[colon + 2] != '/')
        {
            text = string.Concat(text.AsSpan(0, colon), "://", text.AsSpan(colon + 1)); // scheme:/path = scheme:///path
        }

        if (colon <= 0 || colon + 1 >= text.Length || text[colon + 1] != '/' ||
            !Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            throw new UfsPathException(uriOrPath, "a UFS root must be a URI (scheme://...) or an absolute path");
        }

        return uri;
    }

    /// <summary>Creates the connector for <paramref name="uriOrPath"/> (see <see cref="ParseRoot"/>). Does not touch the UFS.</summary>
    /// <exception cref="UfsException">No connector serves the scheme (the message names it and the known ones), or the connector refused the URI.</exception>
    /// <exception cref="UfsPathException">Not a URI or absolute path.</exception>
    public IUnderFileSystem Create(string uriOrPath, IReadOnlyDictionary<string, string>? properties = null)
    {
        var root = ParseRoot(uriOrPath);
        IUnderFileSystemFactory? factory;
        lock (_lock)
        {
            _factories.TryGetValue(root.Scheme, out factory);
        }

        if (factory is null)
        {
            var known = Schemes;
            throw new UfsException(
                $"No under file system connector for scheme '{root.Scheme}' (in '{uriOrPath}'); known schemes: " +
                (known.Count == 0 ? "none" : string.Join(", ", known)) + ".");
        }

        return factory.Create(root, properties ?? s_noProperties);
    }

    /// <summary>
    /// Checks that <paramref name="uriOrPath"/> can be mounted: a connector serves it and its root exists and is a
    /// directory. Returns the root's status. Nothing is created or changed.
    /// </summary>
    /// <exception cref="UfsNotFoundException">The root does not exist.</exception>
    /// <exception cref="UfsNotADirectoryException">The root is a file.</exception>
    /// <exception cref="UfsUnavailableException">The UFS cannot be reached.</exception>
    /// <exception cref="UfsException">No connector serves the scheme, or another UFS failure.</exception>
    public async Task<UfsStatus> ValidateAsync(
        string uriOrPath, IReadOnlyDictionary<string, string>? properties = null, CancellationToken cancellationToken = default)
    {
        var ufs = Create(uriOrPath, properties);
        await using (ufs.ConfigureAwait(false))
        {
            var root = await ufs.GetStatusAsync(UfsPath.Root, cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                throw new UfsNotFoundException($"The UFS root {ufs.Root} does not exist.") { Path = "" };
            }

            return root.IsDirectory
                ? root
                : throw new UfsNotADirectoryException($"The UFS root {ufs.Root} is a file, not a directory.") { Path = "" };
        }
    }
}
