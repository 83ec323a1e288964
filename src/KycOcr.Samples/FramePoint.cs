namespace KycOcr.Samples;

/// <summary>A point in frame pixels (pixel centres at integer coordinates).</summary>
public readonly record struct FramePoint(double X, double Y);
