namespace Alluxio.Ufs.Local;

/// <summary>
/// Creates <see cref="LocalUnderFileSystem"/>s for <c>file</c> URIs: <c>file:///abs/path</c> or
/// <c>file://localhost/abs/path</c> (percent-escapes in the path are decoded, as for any URI). Mount properties:
/// <see cref="LocalUnderFileSystemOptions.AllowSetOwnerFailureProperty"/>; others are ignored. Thread-safe.
/// </summary>
public sealed class LocalUnderFileSystemFactory : IUnderFileSystemFactory
{
    /// <summary>The scheme served.</summary>
    public const string Scheme = "file";

    private readonly LocalUnderFileSystemOptions _defaults;

    /// <summary>Creates the factory; <paramref name="defaults"/> are the options mount properties start from.</summary>
    public LocalUnderFileSystemFactory(LocalUnderFileSystemOptions? defaults = null)
    {
        _defaults = defaults ?? LocalUnderFileSystemOptions.Default;
        _defaults.Validate();
    }

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Schemes { get; } = [Scheme];

    /// <inheritdoc/>
    public IUnderFileSystem Create(Uri root, IReadOnlyDictionary<string, string> properties)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(properties);
        if (!root.IsAbsoluteUri || !string.Equals(root.Scheme, Scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new UfsException($"'{root}' is not a file URI.");
        }

        if (root.Host.Length > 0 && !string.Equals(root.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            throw new UfsException($"'{root}' names the host '{root.Host}'; a file URI must be local (file:///path).");
        }

        var fromProperties = LocalUnderFileSystemOptions.FromProperties(properties);
        var options = _defaults with { AllowSetOwnerFailure = _defaults.AllowSetOwnerFailure || fromProperties.AllowSetOwnerFailure };
        return new LocalUnderFileSystem(Uri.UnescapeDataString(root.AbsolutePath), options);
    }
}
