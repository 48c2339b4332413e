using Alluxio.Cli.Formatting;
using Alluxio.Testing.Time;
using Xunit;

namespace Alluxio.Cli.Tests.Unit;

/// <summary>The progress line: its rendering, when it appears, how often it redraws, and that it is erased.</summary>
public sealed class ProgressBarTests
{
    [Fact]
    public void RendersBarPercentBytesRateAndEta()
    {
        var line = ProgressBar.Render(done: 25L << 20, total: 100L << 20, elapsed: TimeSpan.FromSeconds(5), width: 80);

        Assert.Equal("[" + new string('=', 9) + ">" + new string(' ', 26) + "]  25% 25.00MB/100.00MB 5.00MB/s ETA 00:15", line);
        Assert.Equal(79, line.Length);
    }

    [Fact]
    public void RendersCompletionUnknownRateAndLongEtas()
    {
        Assert.EndsWith("100% 10.00MB/10.00MB 2.00MB/s ETA 00:00", ProgressBar.Render(10L << 20, 10L << 20, TimeSpan.FromSeconds(5), 80), StringComparison.Ordinal);
        Assert.StartsWith("[" + new string('=', 10), ProgressBar.Render(10L << 20, 10L << 20, TimeSpan.FromSeconds(5), 80), StringComparison.Ordinal);
        Assert.EndsWith("  0% 0B/1024.00MB 0.00MB/s ETA --:--", ProgressBar.Render(0, 1L << 30, TimeSpan.FromSeconds(2), 80), StringComparison.Ordinal);
        Assert.EndsWith("ETA 2:50:39", ProgressBar.Render(1L << 20, 10L << 30, TimeSpan.FromSeconds(1), 80), StringComparison.Ordinal);
    }

    [Fact]
    public void ANarrowTerminalGetsTheTextWithoutTheBar()
    {
        var line = ProgressBar.Render(1L << 20, 2L << 20, TimeSpan.FromSeconds(1), 40);
        Assert.Equal(" 50% 1024.00KB/2048.00KB 1.00MB/s ETA 0", line);
        Assert.Equal(39, line.Length);
    }

    [Fact]
    public void DrawsOnlyAfterASecondAtMostFiveTimesASecondAndErasesItself()
    {
        var time = new ManualTimeProvider();
        using var error = new StringWriter();
        var bar = new ProgressBar(error, 100L << 20, enabled: true, time, width: 80);

        bar.Add(10L << 20);
        time.Advance(TimeSpan.FromMilliseconds(900));
        bar.Add(10L << 20);
        Assert.Equal(string.Empty, error.ToString());

        time.Advance(TimeSpan.FromMilliseconds(100));
        bar.Add(10L << 20);
        var first = error.ToString();
        Assert.StartsWith("\r[", first, StringComparison.Ordinal);
        Assert.Contains(" 30% ", first, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromMilliseconds(150));
        bar.Add(10L << 20);
        Assert.Equal(first, error.ToString());

        time.Advance(TimeSpan.FromMilliseconds(50));
        bar.Report(50L << 20);
        var second = error.ToString()[first.Length..];
        Assert.StartsWith("\r[", second, StringComparison.Ordinal);
        Assert.Contains(" 50% ", second, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.ToString());

        bar.Dispose();
        var erase = error.ToString()[(first.Length + second.Length)..];
        Assert.Equal("\r" + new string(' ', second.Length - 1) + "\r", erase);
    }

    [Fact]
    public void ClearedForAResultLineItIsDrawnAgainAtTheNextReport()
    {
        var time = new ManualTimeProvider();
        using var error = new StringWriter();
        using var bar = new ProgressBar(error, 100, enabled: true, time, width: 80);
        time.Advance(TimeSpan.FromSeconds(2));
        bar.Report(10);
        Assert.True(bar.Visible);
        var drawn = error.ToString();

        bar.Clear();
        Assert.False(bar.Visible);
        Assert.Equal("\r" + new string(' ', drawn.Length - 1) + "\r", error.ToString()[drawn.Length..]);

        var beforeRedraw = error.ToString().Length;
        bar.Report(20);
        Assert.True(bar.Visible);
        Assert.Contains(" 20% ", error.ToString()[beforeRedraw..], StringComparison.Ordinal);
    }

    [Fact]
    public void StaysSilentWhenStderrIsNotATerminal()
    {
        var time = new ManualTimeProvider();
        using var error = new StringWriter();
        using (var bar = new ProgressBar(error, 100, enabled: false, time, width: 80))
        {
            time.Advance(TimeSpan.FromSeconds(5));
            bar.Report(50);
        }

        Assert.Equal(string.Empty, error.ToString());
    }
}
