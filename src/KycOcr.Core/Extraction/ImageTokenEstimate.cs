namespace KycOcr.Core.Extraction;

/// <summary>
/// OpenAI's published rule for the input tokens of one image at <c>detail: high</c> on GPT-4o-class models:
/// fit within 2048×2048, scale the short side down to 768, then 170 tokens per 512-px tile plus 85.
/// Used to compare the cost of what is sent with what the original sent.
/// </summary>
public static class ImageTokenEstimate
{
    public static int HighDetail(int width, int height)
    {
        double w = width, h = height;
        var fit = Math.Min(1.0, 2048.0 / Math.Max(w, h));
        w *= fit;
        h *= fit;
        var shortSide = Math.Min(w, h);
        if (shortSide > 768)
        {
            w *= 768 / shortSide;
            h *= 768 / shortSide;
        }
        var tiles = (int)Math.Ceiling(w / 512) * (int)Math.Ceiling(h / 512);
        return 85 + 170 * tiles;
    }

    public const int LowDetail = 85;
}
