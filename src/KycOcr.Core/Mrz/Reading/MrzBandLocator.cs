using OpenCvSharp;

namespace KycOcr.Core.Mrz.Reading;

/// <summary>
/// Finds the MRZ lines in the lower part of an upright document: dark text picked out by a black-hat,
/// thresholded, smeared horizontally into line blobs; the MRZ is the bottom-most group of 2–3 long,
/// parallel, evenly spaced lines spanning most of the page width.
/// </summary>
internal static class MrzBandLocator
{
    /// <summary>MRZ lines span ~87–89 % of the document width; printed fields and the portrait do not.</summary>
    private const double MinLengthShare = 0.6;

    /// <summary>Text ink (white on black, CV_8UC1) of the lower part of <paramref name="gray"/>; the upper part is black.</summary>
    public static Mat Ink(Mat gray)
    {
        int k = Math.Max(7, (int)Math.Round(gray.Cols / 70.0)) | 1;
        int top = (int)(gray.Rows * 0.4);
        var ink = new Mat(gray.Size(), MatType.CV_8UC1, Scalar.All(0));
        using var lower = new Mat(gray, new Rect(0, top, gray.Cols, gray.Rows - top));
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(k, k));
        using var blackhat = new Mat();
        Cv2.MorphologyEx(lower, blackhat, MorphTypes.BlackHat, kernel);
        using var target = new Mat(ink, new Rect(0, top, gray.Cols, gray.Rows - top));
        Cv2.Threshold(blackhat, target, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
        return ink;
    }

    /// <summary>The MRZ lines top to bottom, or empty when no plausible band is found.</summary>
    public static List<MrzLineBlob> FindLines(Mat ink)
    {
        int w = ink.Cols;
        using var smeared = new Mat();
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(Math.Max(9, w / 35), 1));
        Cv2.MorphologyEx(ink, smeared, MorphTypes.Close, kernel);
        Cv2.FindContours(smeared, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);

        var blobs = new List<MrzLineBlob>();
        foreach (var contour in contours)
        {
            var box = Cv2.BoundingRect(contour);
            if (box.Width < MinLengthShare * w)
            {
                continue;
            }

            // The contour's own moments: a tilted line's box also holds parts of its neighbours.
            var m = Cv2.Moments(contour);
            if (m.M00 < 1)
            {
                continue;
            }

            double mu20 = m.Mu20 / m.M00, mu02 = m.Mu02 / m.M00, mu11 = m.Mu11 / m.M00;
            double angle = 0.5 * Math.Atan2(2 * mu11, mu20 - mu02);
            double spread = Math.Sqrt(4 * mu11 * mu11 + (mu20 - mu02) * (mu20 - mu02));
            double major = Math.Sqrt(6 * (mu20 + mu02 + spread));
            double minor = Math.Sqrt(Math.Max(0, 6 * (mu20 + mu02 - spread)));
            double degrees = angle * 180 / Math.PI;
            if (major < MinLengthShare * w || minor < 0.008 * w || minor > 0.07 * w || Math.Abs(degrees) > 10)
            {
                continue;
            }

            var centre = new Point2d(m.M10 / m.M00, m.M01 / m.M00);
            blobs.Add(new MrzLineBlob(box, centre, degrees, major, minor));
        }

        return Group(blobs);
    }

    // Bottom-up: the lowest long line, then lines above it of like length and thickness at a steady spacing.
    private static List<MrzLineBlob> Group(List<MrzLineBlob> blobs)
    {
        var sorted = blobs.OrderByDescending(b => b.Centre.Y).ToList();
        for (int start = 0; start < sorted.Count; start++)
        {
            var group = new List<MrzLineBlob> { sorted[start] };
            for (int j = start + 1; j < sorted.Count && group.Count < 3; j++)
            {
                var last = group[^1];
                var next = sorted[j];
                double gap = last.Centre.Y - next.Centre.Y;
                bool alike = Math.Abs(next.Length - last.Length) < 0.12 * last.Length
                    && Math.Abs(next.Thickness - last.Thickness) < 0.5 * last.Thickness;
                if (gap > 3 * last.Thickness)
                {
                    break;
                }

                if (alike && gap > 1.2 * last.Thickness)
                {
                    group.Add(next);
                }
            }

            if (group.Count >= 2)
            {
                group.Reverse();
                return group;
            }
        }

        return [];
    }
}
