namespace KycOcr.Samples;

/// <summary>A rectangle in millimetres on the document.</summary>
internal readonly record struct MmRect(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;
    public double Bottom => Y + Height;
}

/// <summary>Physical geometry of one document kind; everything the renderer places is in millimetres.</summary>
internal sealed record DocumentLayout(
    DocumentKind Kind,
    double WidthMm,
    double HeightMm,
    int MrzLineCount,
    int MrzLineLength,
    string DocumentCode,
    string Title,
    double HeaderMm,
    MmRect Portrait,
    MmRect Fields,
    double CornerRadiusMm,
    double ValueCapMm,
    double LabelCapMm)
{
    /// <summary>OCR-B size 1: 10 characters per 25.4 mm.</summary>
    public const double MrzPitchMm = 2.54;

    /// <summary>Height of the tallest MRZ characters (OCR-B digits; capitals are ~10 % lower).</summary>
    public const double MrzCharHeightMm = 2.3;

    public const double MrzLinePitchMm = 4.3;
    public const double MrzBottomBaselineMm = 3.6;

    public double Aspect => WidthMm / HeightMm;

    /// <summary>Centres the MRZ lines, which leaves the standard ~4.7/6.8/6.6 mm side margins.</summary>
    public double MrzLeftMm => (WidthMm - MrzLineLength * MrzPitchMm) / 2;

    public double MrzBaselineMm(int line) =>
        HeightMm - MrzBottomBaselineMm - (MrzLineCount - 1 - line) * MrzLinePitchMm;

    /// <summary>Top of the clear zone that holds the MRZ.</summary>
    public double MrzBandTopMm => MrzBaselineMm(0) - MrzCharHeightMm - 1.6;

    public static DocumentLayout For(DocumentKind kind) => kind switch
    {
        DocumentKind.IdCardTd1 => new DocumentLayout(
            kind, 85.60, 53.98, 3, 30, "ID", "IDENTITY CARD", 8.0,
            new MmRect(4.0, 10.0, 20.0, 25.5), new MmRect(27.0, 10.0, 55.0, 27.0),
            3.18, 2.0, 1.15),
        DocumentKind.CardTd2 => new DocumentLayout(
            kind, 105.0, 74.0, 2, 36, "I", "IDENTITY CARD", 9.5,
            new MmRect(5.0, 12.5, 25.0, 32.0), new MmRect(34.0, 12.5, 66.0, 48.0),
            3.18, 2.3, 1.3),
        DocumentKind.PassportTd3 => new DocumentLayout(
            kind, 125.0, 88.0, 2, 44, "P", "PASSPORT", 11.0,
            new MmRect(7.0, 15.0, 32.0, 41.0), new MmRect(44.0, 15.0, 76.0, 59.0),
            1.5, 2.5, 1.4),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown document kind."),
    };
}
