using KycOcr.Core.Configuration;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace KycOcr.Core.Mrz.Reading;

/// <summary>
/// Reads the machine-readable zone of an upright document image, offline: finds the MRZ band, deskews it,
/// cuts the fixed-pitch OCR-B lines into character cells and matches each cell against OCR-B glyph templates
/// rendered from the font file; <see cref="MrzParser"/> then checks structure and check digits. Both 0° and 180°
/// are tried. Thread-safe: one instance serves concurrent callers (templates are built once per size).
/// </summary>
public sealed class MrzImageReader : IDisposable
{
    /// <summary>Long side, in pixels, the document is scaled to before reading, so kernel sizes mean the same for every input.</summary>
    public const int WorkingLongSide = 1024;

    private readonly OcrBGlyphBank _glyphs;

    /// <exception cref="MrzFontUnavailableException">The OCR-B font is missing or unreadable.</exception>
    public MrzImageReader(MrzReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _glyphs = OcrBGlyphBank.Load(options.OcrBFontPath);
    }

    public MrzImageReader(IOptions<MrzReaderOptions> options) : this(options.Value)
    {
    }

    /// <summary>
    /// The MRZ of <paramref name="uprightDocumentBgr"/> (BGR or grey, the document filling the image, upright or upside down).
    /// <see cref="MrzReading.Found"/> is false when no MRZ band is seen; <see cref="MrzReading.Valid"/> only when
    /// every check digit holds and the structure is right.
    /// </summary>
    /// <param name="today">Anchors the century of birth and expiry dates.</param>
    public MrzReading Read(Mat uprightDocumentBgr, DateOnly today) => ReadDetailed(uprightDocumentBgr, today).Reading;

    /// <summary>As <see cref="Read"/>, with the match score, the orientation and every cell's two best candidates.</summary>
    public MrzImageAttempt ReadDetailed(Mat image, DateOnly today) => ReadDetailed(image, today, straightened: false);

    /// <summary>
    /// The MRZ of a document straightened from a photo (its outline found): the zone runs along the image's width,
    /// upright or upside down, so only that axis is searched, at one scale.
    /// </summary>
    public MrzImageAttempt ReadStraightened(Mat document, DateOnly today) => ReadDetailed(document, today, straightened: true);

    private MrzImageAttempt ReadDetailed(Mat image, DateOnly today, bool straightened)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Empty() || image.Cols < 32 || image.Rows < 32)
        {
            return MrzImageAttempt.NotFound("no MRZ: the image is empty or too small");
        }

        using var gray = Gray(image);
        MrzImageAttempt? best = null;
        var text = MrzTextEvidence.None;
        // The unturned image's lines at every level (the search reaches ReadSingleLines only when no level read valid).
        var uprightLines = new List<MrzTextLine>();
        // Lines run across the image, or down it (a document turned 90°): the finder looks along one axis.
        foreach (var quarterTurn in straightened ? [false] : new[] { false, true })
        {
            using var turned = new Mat();
            if (quarterTurn)
            {
                Cv2.Rotate(gray, turned, RotateFlags.Rotate90Clockwise);
            }
            else
            {
                gray.CopyTo(turned);
            }

            Point2d ToImage(Point2d p) => quarterTurn ? new Point2d(p.Y, gray.Rows - 1 - p.X) : p;
            var lines = quarterTurn ? [] : uprightLines;
            var read = new List<MrzBand>();
            foreach (var search in MrzBandFinder.ByLevel(turned, spansWidth: straightened))
            {
                lines.AddRange(search.Lines);
                var seen = TextOf(lines, ToImage);
                if (seen.Lines > text.Lines)
                {
                    text = seen;
                }

                // A band a coarser level saw is read already.
                foreach (var band in search.Bands.Where(b => !read.Any(r => r.SameAs(b))).Take(MaxBands))
                {
                    read.Add(band);
                    foreach (var upsideDown in new[] { false, true })
                    {
                        var strips = MrzBandStrips.Cut(turned, band, upsideDown);
                        try
                        {
                            var attempt = MrzOrientedReader.Read(strips, _glyphs, today);
                            if (attempt is null)
                            {
                                continue;
                            }

                            attempt = attempt with
                            {
                                UpsideDown = upsideDown,
                                RotationDegrees = (quarterTurn ? 90 : 0) + (upsideDown ? 180 : 0),
                                Band = Corners(band, upsideDown).Select(ToImage).ToArray(),
                                GlyphHeight = attempt.Pitch * band.Thickness / MrzBandStrips.GlyphHeight,
                            };
                            if (!Plausible(attempt))
                            {
                                continue;
                            }

                            // A valid reading from the wrong way up is implausible, so the first valid one settles it.
                            if (attempt.Reading.Valid)
                            {
                                return attempt with { Text = text };
                            }

                            if (best is null || Better(attempt, best))
                            {
                                best = attempt;
                            }
                        }
                        finally
                        {
                            strips.ForEach(s => s.Dispose());
                        }
                    }
                }
            }
        }

        best ??= ReadSingleLines(gray, uprightLines, today);
        return (best ?? MrzImageAttempt.NotFound("no MRZ: no band of 2 or 3 machine-readable lines was found")) with { Text = text };
    }

    /// <summary>Lone lines tried when no band reads: the longest of MRZ-like shape.</summary>
    private const int MaxSingleLines = 3;

    // No band of two or three lines: a lone line of machine-readable print (a driving licence's), read as printed.
    private MrzImageAttempt? ReadSingleLines(Mat gray, IReadOnlyList<MrzTextLine> seen, DateOnly today)
    {
        var lines = new List<MrzTextLine>();
        foreach (var line in seen.Where(l => l.Length / l.Thickness is >= 20 and <= 60).OrderByDescending(l => l.Length))
        {
            if (!lines.Any(l => l.SameAs(line)) && lines.Count < MaxSingleLines)
            {
                lines.Add(line);
            }
        }

        foreach (var line in lines)
        {
            foreach (var upsideDown in new[] { false, true })
            {
                var band = new MrzBand([line]);
                var strips = MrzBandStrips.Cut(gray, band, upsideDown);
                try
                {
                    if (MrzOrientedReader.Read(strips, _glyphs, today) is { } attempt && PlausibleSingle(attempt))
                    {
                        return attempt with
                        {
                            UpsideDown = upsideDown,
                            RotationDegrees = upsideDown ? 180 : 0,
                            Band = Corners(band, upsideDown).ToArray(),
                            GlyphHeight = attempt.Pitch * band.Thickness / MrzBandStrips.GlyphHeight,
                        };
                    }
                }
                finally
                {
                    strips.ForEach(s => s.Dispose());
                }
            }
        }

        return null;
    }

    /// <summary>A lone line counts only when it is plainly fixed-pitch OCR-B print that opens with a letter: anything less is a printed field.</summary>
    private static bool PlausibleSingle(MrzImageAttempt attempt) =>
        attempt.Score >= MinSingleLineScore && attempt.Reading.Lines.Count == 1 && char.IsAsciiLetterUpper(attempt.Reading.Lines[0][0])
        && attempt.CellResidual <= MaxSingleLineResidual;

    /// <summary>A heading in a proportional typeface has glyphs off a fixed pitch by more than this (in pitches); OCR-B print does not.</summary>
    private const double MaxSingleLineResidual = 0.06;

    private const double MinSingleLineScore = 0.9;

    /// <summary>A text line of the evidence is at least this many times longer than tall: a word or more, not a mark.</summary>
    private const double TextElongation = 5;

    private static MrzTextEvidence TextOf(IEnumerable<MrzTextLine> seen, Func<Point2d, Point2d> toImage)
    {
        // The pyramid sees a line at one or two levels: count each once.
        var lines = new List<MrzTextLine>();
        foreach (var line in seen.Where(l => l.Length >= TextElongation * l.Thickness && l.IsPrint))
        {
            if (!lines.Any(l => l.SameAs(line)))
            {
                lines.Add(line);
            }
        }

        if (lines.Count == 0)
        {
            return MrzTextEvidence.None;
        }

        var heights = lines.Select(l => l.Thickness).Order().ToArray();
        var points = lines.SelectMany(l => l.Outline()).Select(toImage).ToArray();
        double left = points.Min(p => p.X), top = points.Min(p => p.Y);
        return new MrzTextEvidence(lines.Count, heights[(int)(0.75 * (heights.Length - 1))],
            new Rect2d(left, top, points.Max(p => p.X) - left, points.Max(p => p.Y) - top));
    }

    // The band's box TL, TR, BR, BL as it reads: turned 180°, what lies bottom right is the zone's top left.
    private static Point2d[] Corners(MrzBand band, bool upsideDown)
    {
        double radians = band.AngleDegrees * Math.PI / 180;
        var (u, v) = (new Point2d(Math.Cos(radians), Math.Sin(radians)), new Point2d(-Math.Sin(radians), Math.Cos(radians)));
        var origin = band.Lines[0].Centre;
        var points = band.Lines.SelectMany(l => l.Outline()).ToArray();
        double Along(Point2d p) => (p.X - origin.X) * u.X + (p.Y - origin.Y) * u.Y;
        double Across(Point2d p) => (p.X - origin.X) * v.X + (p.Y - origin.Y) * v.Y;
        double a0 = points.Min(Along), a1 = points.Max(Along), b0 = points.Min(Across), b1 = points.Max(Across);
        Point2d At(double a, double b) => new(origin.X + a * u.X + b * v.X, origin.Y + a * u.Y + b * v.Y);
        Point2d[] corners = [At(a0, b0), At(a1, b0), At(a1, b1), At(a0, b1)];
        return upsideDown ? [corners[2], corners[3], corners[0], corners[1]] : corners;
    }

    /// <summary>
    /// Mean glyph match below which a band is not an MRZ: lines of other print read as OCR-B match at 0.75 or less,
    /// real zones at 0.85 and more.
    /// </summary>
    internal const double MinFoundScore = 0.77;

    /// <summary>
    /// Lines of other print that happen to line up like an MRZ read as OCR-B poorly, and rarely as one: an MRZ opens
    /// with a document code (A, C, I, P or V), always holds fillers, and keeps to its fields' alphabets but for a
    /// misprint or two (letters where its dates and check digits are, in other print).
    /// </summary>
    private static bool Plausible(MrzImageAttempt attempt) =>
        attempt.Score >= MinFoundScore
        && attempt.Reading.Lines.Count > 0
        && "ACIPV".Contains(attempt.Reading.Lines[0][0])
        && attempt.Reading.Lines.Sum(l => l.Count(c => c == '<')) >= 2
        && attempt.OutsideCells <= MaxOutsideCells;

    /// <summary>Cells a real zone shows outside their fields' alphabets: specimens print a zero for the sex, digits for a state.</summary>
    private const int MaxOutsideCells = 4;

    /// <summary>Candidate bands read per axis, most MRZ-like first: beyond these, the image holds no MRZ worth reading.</summary>
    private const int MaxBands = 6;

    private static bool Better(MrzImageAttempt a, MrzImageAttempt b) =>
        a.Reading.Found != b.Reading.Found ? a.Reading.Found : a.Score > b.Score;

    /// <summary>
    /// The image as the reader sees it: each pixel's lightest channel. MRZ ink is dark in every channel, while
    /// coloured print over or around it (stamps, guilloches, security tints) is light in at least one.
    /// </summary>
    internal static Mat Gray(Mat image)
    {
        var gray = new Mat();
        if (image.Channels() == 1)
        {
            image.CopyTo(gray);
            return gray;
        }

        var channels = Cv2.Split(image);
        try
        {
            Cv2.Max(channels[0], channels[1], gray);
            Cv2.Max(gray, channels[2], gray);
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }

        return gray;
    }

    public void Dispose() => _glyphs.Dispose();
}
