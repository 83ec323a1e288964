using KycOcr.Core.Quality;
using KycOcr.Samples;

namespace KycOcr.TestSupport.MrzBenchmark;

/// <summary>How far the quality gate's document corners lie from the true ones: tells a bad crop from a bad read.</summary>
public static class MrzAccuracyCrop
{
    /// <summary>
    /// The largest distance between a found corner and the true one, as a share of the true document's longer side,
    /// taking the corners in whichever cyclic order matches best (the gate cannot tell 0° from 180°).
    /// Null when the gate found no document or the report carries no corners.
    /// </summary>
    /// <param name="quality">The gate's report as the service returns it (<c>document.corners</c> in photo pixels).</param>
    public static double? Error(QualitySummary? quality, DocumentGroundTruth truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        if (truth.Corners is not { Count: 4 } actual || quality?.Document.Corners is not { Length: 4 } corners)
            return null;

        var found = corners.Select(p => new FramePoint(p[0], p[1])).ToArray();
        double side = Math.Max(Distance(actual[0], actual[1]), Distance(actual[1], actual[2]));
        double best = double.MaxValue;
        foreach (var order in new[] { found, found.Reverse().ToArray() })
        {
            for (int shift = 0; shift < 4; shift++)
            {
                best = Math.Min(best, Enumerable.Range(0, 4).Max(i => Distance(order[(i + shift) % 4], actual[i])));
            }
        }

        return best / side;
    }

    private static double Distance(FramePoint a, FramePoint b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
