using Alluxio.Ufs.Local;

namespace Alluxio.Ufs.Tests;

/// <summary>
/// Modes are exact (no umask) and round-trip; owners round-trip by name when the process may give files away (root),
/// and otherwise fail with <see cref="UfsPermissionException"/> unless the mount allows set-owner failures.
/// </summary>
public sealed class LocalOwnershipTests : IAsyncLifetime
{
    private const int Mode0640 = 0x1A0;
    private const int Mode0600 = 0x180;
    private const int Mode0700 = 0x1C0;
    private const int Mode4755 = 0x9ED;
    private const int Mode1777 = 0x3FF;

    private readonly ScratchDirectory _scratch = new();
    private LocalUnderFileSystem _ufs = null!;

    public Task InitializeAsync()
    {
        _ufs = new LocalUnderFileSystem(_scratch.Root);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _ufs.DisposeAsync();
        _scratch.Dispose();
    }

    [Fact]
    public async Task File_modes_are_exact_and_round_trip()
    {
        await WriteAsync("f", new UfsCreateFileOptions { Mode = Mode0640 });
        Assert.Equal(Mode0640, (await _ufs.GetStatusAsync("f"))!.Mode);
        Assert.Equal((UnixFileMode)Mode0640, File.GetUnixFileMode(_scratch.InRoot("f")));

        await _ufs.SetModeAsync("f", Mode0600);
        Assert.Equal(Mode0600, (await _ufs.GetStatusAsync("f"))!.Mode);

        await _ufs.SetModeAsync("f", Mode4755);
        Assert.Equal(Mode4755, (await _ufs.GetStatusAsync("f"))!.Mode);
        Assert.Equal("0644", UfsModes.ToOctal(UfsCreateFileOptions.Default.Mode));
    }

    [Fact]
    public async Task Directory_modes_are_exact_for_every_directory_created()
    {
        Assert.True(await _ufs.CreateDirectoryAsync("a/b/c", new UfsCreateDirectoryOptions { Recursive = true, Mode = Mode0700 }));
        foreach (var path in new[] { "a", "a/b", "a/b/c" })
        {
            Assert.Equal(Mode0700, (await _ufs.GetStatusAsync(path))!.Mode);
        }

        Assert.True(await _ufs.CreateDirectoryAsync("shared", new UfsCreateDirectoryOptions { Mode = Mode1777 }));
        Assert.Equal(Mode1777, (await _ufs.GetStatusAsync("shared"))!.Mode);
        Assert.True(await _ufs.CreateDirectoryAsync("plain"));
        Assert.Equal(UfsModes.DefaultDirectory, (await _ufs.GetStatusAsync("plain"))!.Mode);

        // An existing directory is left alone.
        Assert.False(await _ufs.CreateDirectoryAsync("plain", new UfsCreateDirectoryOptions { Mode = Mode0700 }));
        Assert.Equal(UfsModes.DefaultDirectory, (await _ufs.GetStatusAsync("plain"))!.Mode);
    }

    [Fact]
    public async Task Modes_outside_the_permission_bits_are_rejected()
    {
        await WriteAsync("f", null);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _ufs.SetModeAsync("f", 0x1000));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _ufs.SetModeAsync("f", -1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _ufs.CreateFileAsync("g", new UfsCreateFileOptions { Mode = 0x8000 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _ufs.CreateDirectoryAsync("d", new UfsCreateDirectoryOptions { Mode = 0x4000 }));
        Assert.Null(await _ufs.GetStatusAsync("g"));
        Assert.Null(await _ufs.GetStatusAsync("d"));
    }

    [Fact]
    public async Task New_entries_belong_to_the_process_user()
    {
        await WriteAsync("f", null);
        var status = (await _ufs.GetStatusAsync("f"))!;
        Assert.Equal(Environment.UserName, status.Owner);
        Assert.False(string.IsNullOrEmpty(status.Group));
    }

    [Fact]
    public async Task Owner_and_group_round_trip_or_are_refused_for_an_unprivileged_process()
    {
        await WriteAsync("f", null);
        if (Environment.IsPrivilegedProcess)
        {
            await _ufs.SetOwnerAsync("f", "nobody", "nogroup");
            Assert.Equal(("nobody", "nogroup"), Owner(await _ufs.GetStatusAsync("f")));

            await _ufs.SetOwnerAsync("f", "daemon", null);
            Assert.Equal(("daemon", "nogroup"), Owner(await _ufs.GetStatusAsync("f")));

            await _ufs.SetOwnerAsync("f", null, "root");
            Assert.Equal(("daemon", "root"), Owner(await _ufs.GetStatusAsync("f")));

            // An id without a user is shown as its number, like ls does.
            await _ufs.SetOwnerAsync("f", "54321", "54322");
            Assert.Equal(("54321", "54322"), Owner(await _ufs.GetStatusAsync("f")));
        }
        else
        {
            await Assert.ThrowsAsync<UfsPermissionException>(() => _ufs.SetOwnerAsync("f", "root", null));
            await using var lenient = new LocalUnderFileSystem(_scratch.Root, new LocalUnderFileSystemOptions { AllowSetOwnerFailure = true });
            await lenient.SetOwnerAsync("f", "root", null);
            Assert.Equal(Environment.UserName, (await _ufs.GetStatusAsync("f"))!.Owner);
        }
    }

    [Fact]
    public async Task Creates_apply_the_requested_owner_or_are_refused_for_an_unprivileged_process()
    {
        var options = new UfsCreateFileOptions { Owner = "daemon", Group = "daemon", CreateParents = true, Mode = Mode0640 };
        if (Environment.IsPrivilegedProcess)
        {
            await WriteAsync("dir/f", options);
            var status = (await _ufs.GetStatusAsync("dir/f"))!;
            Assert.Equal(("daemon", "daemon"), Owner(status));
            Assert.Equal(Mode0640, status.Mode);
            Assert.Equal(("daemon", "daemon"), Owner(await _ufs.GetStatusAsync("dir")));

            await _ufs.CreateDirectoryAsync("owned", new UfsCreateDirectoryOptions { Owner = "nobody", Group = "nogroup" });
            Assert.Equal(("nobody", "nogroup"), Owner(await _ufs.GetStatusAsync("owned")));
        }
        else
        {
            await Assert.ThrowsAsync<UfsPermissionException>(() => WriteAsync("f", options with { CreateParents = false }));
            Assert.Null(await _ufs.GetStatusAsync("f"));
        }
    }

    [Fact]
    public async Task Unknown_users_and_groups_are_reported_by_name()
    {
        await WriteAsync("f", null);
        var user = await Assert.ThrowsAsync<UfsException>(() => _ufs.SetOwnerAsync("f", "no-such-user-xyz", null));
        Assert.Contains("no-such-user-xyz", user.Message, StringComparison.Ordinal);
        var group = await Assert.ThrowsAsync<UfsException>(() => _ufs.SetOwnerAsync("f", null, "no-such-group-xyz"));
        Assert.Contains("no-such-group-xyz", group.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<UfsException>(() => _ufs.CreateFileAsync("g", new UfsCreateFileOptions { Owner = "no-such-user-xyz" }));
        Assert.Null(await _ufs.GetStatusAsync("g"));
    }

    [Fact]
    public async Task Fingerprints_separate_metadata_changes_from_content_changes()
    {
        await WriteAsync("f", null);
        var before = (await _ufs.GetStatusAsync("f"))!.Fingerprint;
        await _ufs.SetModeAsync("f", Mode0600);
        var after = (await _ufs.GetStatusAsync("f"))!.Fingerprint;

        Assert.NotEqual(before, after);
        Assert.True(UfsFingerprint.HasSameContent(before, after));
    }

    private static (string?, string?) Owner(UfsStatus? status) => (status!.Owner, status.Group);

    private async Task WriteAsync(string path, UfsCreateFileOptions? options)
    {
        await using var output = await _ufs.CreateFileAsync(path, options);
        await output.WriteAsync("x"u8.ToArray());
        await output.CommitAsync();
    }
}
