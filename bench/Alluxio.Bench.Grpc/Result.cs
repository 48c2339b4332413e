using System.Globalization;

namespace Alluxio.Bench.Grpc;

internal sealed record Result(string Name, string Unit, double[] Values, string Allocated, string Gcs)
{
    public double Median
    {
        get
        {
            var sorted = Values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    public string ToMarkdown() =>
        $"| {Name} | {Format(Median)} {Unit} | {string.Join(", ", Values.Select(Format))} | {Allocated} | {Gcs} |";

    private string Format(double v) => Unit == "calls/s" ? v.ToString("N0", CultureInfo.InvariantCulture) : v.ToString("0.00", CultureInfo.InvariantCulture);
}
