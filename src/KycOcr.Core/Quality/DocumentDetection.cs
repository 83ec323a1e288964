using OpenCvSharp;

namespace KycOcr.Core.Quality;

/// <summary>What the document looks like by its outline alone.</summary>
public enum DocumentShape
{
    Unknown,

    /// <summary>ID-1 card, 85.60 x 53.98 mm (aspect 1.586).</summary>
    IdCard,

    /// <summary>Passport data page, 125 x 88 mm (aspect 1.42); a TD2 card (105 x 74 mm) has the same shape.</summary>
    Passport,
}

/// <summary>
/// The document's outline in the image's pixels (pixel centres at integers), ordered TL, TR, BR, BL of the
/// document itself as it lies in the photo: the top is the long side nearer the top of the frame, so a page
/// turned by 180° is reported the right way up (only its MRZ can tell).
/// </summary>
public sealed record DocumentDetection(bool Found, DocumentShape Shape, IReadOnlyList<Point2d> Corners, double Coverage)
{
    public static DocumentDetection None { get; } = new(false, DocumentShape.Unknown, [], 0);

    /// <summary>Length of the document's longer sides (the mean of the two), in pixels.</summary>
    public double LongSide => Found ? (Distance(Corners[0], Corners[1]) + Distance(Corners[3], Corners[2])) / 2 : 0;

    /// <summary>Length of the document's shorter sides (the mean of the two), in pixels.</summary>
    public double ShortSide => Found ? (Distance(Corners[0], Corners[3]) + Distance(Corners[1], Corners[2])) / 2 : 0;

    public double Diagonal => Found ? (Distance(Corners[0], Corners[2]) + Distance(Corners[1], Corners[3])) / 2 : 0;

    /// <summary>The same detection in an image scaled by <paramref name="factor"/> (e.g. a reduced decode).</summary>
    public DocumentDetection Scaled(double factor) => Math.Abs(factor - 1) < 1e-12 || !Found
        ? this
        : this with { Corners = Corners.Select(p => new Point2d((p.X + 0.5) * factor - 0.5, (p.Y + 0.5) * factor - 0.5)).ToArray() };

    public static double Distance(Point2d a, Point2d b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
