using OpenCvSharp;

namespace KycOcr.Samples;

/// <summary>Where the MRZ sits on a flat render, in pixels: the clear band, one box per line, the fixed character pitch.</summary>
public sealed record MrzRegion(Rect Band, IReadOnlyList<Rect> LineBoxes, double LeftPx, double CharPitchPx);
