using OpenCvSharp;

namespace KycOcr.Core.Mrz.Reading;

/// <summary>A text line found by smearing glyphs together: its box, principal-axis angle and size.</summary>
internal sealed record MrzLineBlob(Rect Box, Point2d Centre, double AngleDegrees, double Length, double Thickness);
