namespace KycOcr.Core.Quality;

/// <summary>Where a failed check shows in the photo: a circle in the uploaded photo's pixels (EXIF orientation applied).</summary>
public sealed record QualitySpot(double X, double Y, double Radius);
