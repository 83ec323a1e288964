namespace KycOcr.Core.Quality;

/// <summary>
/// Every limit of the quality gate. Scores are measured on the document (once found) brought to a fixed
/// measuring size, so a limit means the same for a 12 MP photo and a 1 MP scan.
/// </summary>
/// <param name="MinTextHeight">Resolution: height of the printed text in the original photo, in pixels (the MRZ's glyphs, or the document's text where it has no MRZ).</param>
/// <param name="MinBlurScore">Blur: variance of the Laplacian of the document at the measuring size.</param>
/// <param name="MinContrast">Contrast: standard deviation of the document's grey levels.</param>
/// <param name="MaxGlareSpot">Glare: radius of the largest washed-out spot (every channel at or above <paramref name="GlareLevel"/>) as a share of the document's short side.</param>
/// <param name="GlareLevel">Grey level (0–255) from which a pixel counts as glare.</param>
/// <param name="MinBrightness">Darkness: mean grey level of the document.</param>
/// <param name="MaxBrightness">Overexposure: mean grey level of the document.</param>
/// <param name="MinEdgeDensity">Edge density: share of edge pixels (Canny 50/150) on the document, i.e. legible detail.</param>
/// <param name="MinDocumentCoverage">Document found: share of the frame the document must cover.</param>
/// <param name="RequireDocument">When false, a photo without a detectable document is sent whole (e.g. flat scans).</param>
public sealed record QualityThresholds(
    double MinTextHeight,
    double MinBlurScore,
    double MinContrast,
    double MaxGlareSpot,
    double GlareLevel,
    double MinBrightness,
    double MaxBrightness,
    double MinEdgeDensity,
    double MinDocumentCoverage,
    bool RequireDocument);
