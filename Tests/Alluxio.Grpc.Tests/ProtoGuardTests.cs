using System.Text.RegularExpressions;
using Xunit;

namespace Alluxio.Grpc.Tests;

/// <summary>
/// Protos are append-only (DESIGN.md section 8): every message carries a <c>// next id: N</c> comment, N is above
/// every field number in it, and reserved numbers stay reserved. This guards the convention for every .proto in
/// Protos/Alluxio.Protos and the test protos.
/// </summary>
public sealed partial class ProtoGuardTests
{
    public static TheoryData<string> ProtoFiles()
    {
        var data = new TheoryData<string>();
        var root = Path.Combine(AppContext.BaseDirectory, "protos");
        foreach (var file in Directory.EnumerateFiles(root, "*.proto", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(root, file));
        return data;
    }

    [Fact]
    public void The_protos_are_copied_next_to_the_tests()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "protos");
        Assert.True(File.Exists(Path.Combine(root, "alluxio", "grpc", "health", "v1", "health.proto")), "health.proto was not copied to " + root);
        Assert.True(File.Exists(Path.Combine(root, "test", "echo.proto")), "echo.proto was not copied to " + root);
    }

    [Theory]
    [MemberData(nameof(ProtoFiles))]
    public void Every_message_has_a_next_id_comment_above_its_fields(string relativePath)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "protos", relativePath));
        var problems = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = MessageStart().Match(lines[i]);
            if (!match.Success)
                continue;
            var name = match.Groups[1].Value;
            var nextId = i > 0 ? NextId().Match(lines[i - 1]) : Match.Empty;
            if (!nextId.Success)
            {
                problems.Add($"message {name} (line {i + 1}) lacks a '// next id: N' comment on the line above");
                continue;
            }

            var max = MaxFieldNumber(lines, i);
            var n = int.Parse(nextId.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (n <= max)
                problems.Add($"message {name}: next id {n} is not above its highest field number {max}");
        }

        Assert.True(problems.Count == 0, relativePath + ": " + string.Join("; ", problems));
    }

    /// <summary>Highest field number directly in the message starting at <paramref name="start"/> (nested messages excluded).</summary>
    private static int MaxFieldNumber(string[] lines, int start)
    {
        // Blocks opened since the message started: fields count when directly in the message or in one of its oneofs.
        var blocks = new Stack<string>();
        var max = 0;
        for (var i = start; i < lines.Length; i++)
        {
            var code = lines[i].Split("//")[0];
            var own = blocks.Count == 1 || (blocks.Count == 2 && blocks.Peek() == "oneof");
            if (own && Field().Match(code) is { Success: true } field)
                max = Math.Max(max, int.Parse(field.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            if (blocks.Count == 1 && Reserved().Match(code) is { Success: true } reserved)
            {
                foreach (Match number in Numbers().Matches(reserved.Groups[1].Value))
                    max = Math.Max(max, int.Parse(number.Value, System.Globalization.CultureInfo.InvariantCulture));
            }

            foreach (var c in code)
            {
                if (c == '{')
                    blocks.Push(BlockKind().Match(code) is { Success: true } kind ? kind.Groups[1].Value : "other");
                else if (c == '}')
                    blocks.Pop();
            }

            if (blocks.Count == 0)
                break;
        }

        return max;
    }

    [GeneratedRegex(@"\b(message|enum|oneof|service)\s+\w+\s*\{")]
    private static partial Regex BlockKind();

    [GeneratedRegex(@"^\s*message\s+(\w+)\s*\{")]
    private static partial Regex MessageStart();

    [GeneratedRegex(@"^\s*//\s*next id:\s*(\d+)\s*$")]
    private static partial Regex NextId();

    [GeneratedRegex(@"=\s*(\d+)\s*(\[.*\])?\s*;")]
    private static partial Regex Field();

    [GeneratedRegex(@"^\s*reserved\s+([\d\s,to]+);")]
    private static partial Regex Reserved();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();
}
