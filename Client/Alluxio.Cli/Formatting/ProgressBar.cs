using System.Globalization;

namespace Alluxio.Cli.Formatting;

/// <summary>
/// One line of progress on stderr for long transfers (copyFromLocal, copyToLocal, cp, load): a bar, percentage, bytes,
/// rate and ETA, redrawn in place with '\r'. Silent unless stderr is a terminal (scripts and logs never see it) and
/// until the operation has run for <see cref="Delay"/> (a quick command prints nothing extra); redrawn at most every
/// <see cref="Interval"/> (a terminal is slow, and nobody reads faster); erased when disposed, so the result lines and
/// an error line print on a clean line. Reports come from one operation at a time; a lock keeps stray ones safe.
/// </summary>
public sealed class ProgressBar : IProgress<long>, IDisposable
{
    /// <summary>How long an operation runs before the bar appears.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    /// <summary>The least time between two redraws.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private const double Mebibyte = 1 << 20;
    private readonly TextWriter _writer;
    private readonly bool _enabled;
    private readonly TimeProvider _time;
    private readonly int _width;
    private readonly long _start;
    private readonly Lock _lock = new();
    private long _lastDraw;
    private int _drawnLength;
    private long _done;

    /// <param name="writer">stderr.</param>
    /// <param name="totalBytes">The bytes the operation will move (0 when unknown: shown as done).</param>
    /// <param name="enabled">Whether stderr is a terminal; when false nothing is ever written.</param>
    /// <param name="time">The clock (a manual one in tests).</param>
    /// <param name="width">The terminal's width in columns; the line stays one column shorter, so it never wraps.</param>
    public ProgressBar(TextWriter writer, long totalBytes, bool enabled, TimeProvider time, int width)
    {
        _writer = writer;
        Total = Math.Max(0, totalBytes);
        _enabled = enabled;
        _time = time;
        _width = Math.Max(20, width);
        _start = time.GetTimestamp();
    }

    public long Total { get; }

    public long Done => Interlocked.Read(ref _done);

    /// <summary>The bytes done so far (absolute, as <c>FileSystem.LoadAsync</c> reports them).</summary>
    public void Report(long value)
    {
        Interlocked.Exchange(ref _done, value);
        MaybeDraw();
    }

    /// <summary>More bytes done (a copy loop's chunk).</summary>
    public void Add(long bytes)
    {
        Interlocked.Add(ref _done, bytes);
        MaybeDraw();
    }

    /// <summary>Whether the line is on the terminal now (result lines must then erase it first).</summary>
    public bool Visible
    {
        get
        {
            lock (_lock)
            {
                return _drawnLength > 0;
            }
        }
    }

    /// <summary>Erases the line if it was drawn.</summary>
    public void Dispose() => Clear();

    /// <summary>Erases the line if it was drawn (before a result line is printed); the next report draws it again.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            if (_drawnLength > 0)
            {
                _writer.Write("\r" + new string(' ', _drawnLength) + "\r");
                _writer.Flush();
                _drawnLength = 0;
            }
        }
    }

    /// <summary>
    /// The line for <paramref name="done"/> of <paramref name="total"/> bytes after <paramref name="elapsed"/>, at most
    /// <paramref name="width"/> - 1 characters: <c>[=====>    ]  42% 12.00MB/28.50MB 5.21MB/s ETA 00:03</c>. The bar
    /// is left out when the terminal is too narrow for it.
    /// </summary>
    public static string Render(long done, long total, TimeSpan elapsed, int width)
    {
        var percent = total > 0 ? (int)Math.Clamp(done * 100.0 / total, 0, 100) : 100;
        var rate = elapsed > TimeSpan.Zero ? done / elapsed.TotalSeconds : 0;
        var eta = rate > 0 && total > done ? Clock(TimeSpan.FromSeconds((total - done) / rate)) : total > done ? "--:--" : Clock(TimeSpan.Zero);
        var text = string.Create(CultureInfo.InvariantCulture, $"{percent,3}% {Sizes.Human(done)}/{Sizes.Human(total)} {rate / Mebibyte:F2}MB/s ETA {eta}");
        var room = width - 1;
        var barWidth = room - text.Length - 3; // "[", "]" and a space
        if (barWidth < 10)
        {
            return text.Length > room ? text[..room] : text;
        }

        var filled = barWidth * percent / 100;
        var bar = filled == barWidth ? new string('=', barWidth) : new string('=', filled) + ">" + new string(' ', barWidth - filled - 1);
        return "[" + bar + "] " + text;
    }

    private static string Clock(TimeSpan span) =>
        span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:D2}:{span.Seconds:D2}")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes:D2}:{span.Seconds:D2}");

    private void MaybeDraw()
    {
        if (!_enabled)
        {
            return;
        }

        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var elapsed = _time.GetElapsedTime(_start, now);
            if (elapsed < Delay || (_drawnLength > 0 && _time.GetElapsedTime(_lastDraw, now) < Interval))
            {
                return;
            }

            var line = Render(Done, Total, elapsed, _width);
            var padding = Math.Max(0, _drawnLength - line.Length); // a shorter line must cover the longer one's tail
            _writer.Write("\r" + line + new string(' ', padding));
            _writer.Flush();
            _drawnLength = line.Length + padding;
            _lastDraw = now;
        }
    }
}
