using System.Globalization;

namespace Alluxio.Bench.Grpc;

internal sealed record BenchOptions(bool Quick, int Runs, double Seconds, int Callers, int StreamMiB, int? Window, bool Diagnose, bool UnaryOnly, bool StreamOnly)
{
    public static BenchOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var runs = quick ? 3 : 5;
        var seconds = quick ? 1.0 : 3.0;
        var callers = 32;
        var streamMiB = quick ? 256 : 1024;
        int? window = null;
        for (var i = 0; i < args.Length - 1; i++)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--runs": runs = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--callers": callers = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--stream-mib": streamMiB = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--window": window = int.Parse(value, CultureInfo.InvariantCulture); break;
            }
        }

        return new BenchOptions(quick, runs, seconds, callers, streamMiB, window, args.Contains("--diagnose"), args.Contains("--unary-only"), args.Contains("--stream-only"));
    }
}
