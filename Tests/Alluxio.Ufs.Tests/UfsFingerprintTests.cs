namespace Alluxio.Ufs.Tests;

public sealed class UfsFingerprintTests
{
    private static readonly UfsStatus s_file = new()
    {
        Name = "f",
        Path = "d/f",
        IsDirectory = false,
        Length = 12,
        LastModified = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(6),
        Owner = "alice",
        Group = "staff",
        Mode = 0x1A4,
        FileId = "8:1:1234",
    };

    [Fact]
    public void The_format_lists_every_visible_field_in_a_fixed_order()
    {
        Assert.Equal(
            $"TYPE=FILE|LEN=12|MTIME={s_file.LastModified.UtcTicks}|HASH=_|ID=8:1:1234|OWNER=alice|GROUP=staff|MODE=0644",
            s_file.Fingerprint);
        Assert.StartsWith("TYPE=DIR|LEN=0|", (s_file with { IsDirectory = true }).Fingerprint, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_visible_change_changes_the_fingerprint_and_the_name_does_not()
    {
        var changes = new[]
        {
            s_file with { Length = 13 },
            s_file with { LastModified = s_file.LastModified.AddTicks(1) },
            s_file with { ContentHash = "etag" },
            s_file with { FileId = "8:1:1235" },
            s_file with { Owner = "bob" },
            s_file with { Group = null },
            s_file with { Mode = 0x180 },
            s_file with { IsDirectory = true },
        };

        Assert.All(changes, changed => Assert.NotEqual(s_file.Fingerprint, changed.Fingerprint));
        Assert.Equal(changes.Length, changes.Select(c => c.Fingerprint).Distinct().Count());
        Assert.Equal(s_file.Fingerprint, (s_file with { Name = "g", Path = "e/g" }).Fingerprint);
    }

    [Fact]
    public void Content_comparison_ignores_owner_group_and_mode_only()
    {
        Assert.True(UfsFingerprint.HasSameContent(s_file.Fingerprint, (s_file with { Owner = "bob", Group = "x", Mode = 0 }).Fingerprint));
        Assert.False(UfsFingerprint.HasSameContent(s_file.Fingerprint, (s_file with { LastModified = s_file.LastModified.AddTicks(1) }).Fingerprint));
        Assert.False(UfsFingerprint.HasSameContent(s_file.Fingerprint, (s_file with { FileId = "other" }).Fingerprint));
        Assert.False(UfsFingerprint.HasSameContent(s_file.Fingerprint, (s_file with { ContentHash = "etag" }).Fingerprint));
    }

    [Fact]
    public void Separators_in_values_are_escaped_so_fields_never_run_together()
    {
        var tricky = s_file with { Owner = "a|MODE=0777", Group = "_", ContentHash = "50%" };
        var fields = UfsFingerprint.Parse(tricky.Fingerprint);

        Assert.Equal("a%7CMODE%3D0777", fields["OWNER"]);
        Assert.Equal("%5F", fields["GROUP"]);
        Assert.Equal("50%25", fields["HASH"]);
        Assert.Equal("0644", fields["MODE"]);
        Assert.NotEqual((s_file with { Group = null }).Fingerprint, tricky.Fingerprint);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nonsense")]
    [InlineData("LEN=1")]
    [InlineData("TYPE=FILE|TYPE=DIR")]
    public void Parse_rejects_what_is_not_a_fingerprint(string text) =>
        Assert.Throws<FormatException>(() => UfsFingerprint.Parse(text));
}
