using KycOcr.Core.Extraction;

namespace KycOcr.Core.Tests.Extraction;

public sealed class ImageTokenEstimateTests
{
    [Theory]
    [InlineData(1024, 1024, 765)]   // OpenAI's worked example: 768x768, 4 tiles
    [InlineData(2048, 4096, 1105)]  // 1024x2048 → 768x1536, 6 tiles
    [InlineData(512, 512, 255)]     // one tile
    [InlineData(1024, 646, 765)]    // an ID-1 card at the default 1024 px budget: 2x2 tiles
    [InlineData(3500, 2207, 1105)]  // the same card warped at full 12 MP resolution: 1218x768, 3x2 tiles
    public void Follows_the_published_tile_rule(int width, int height, int tokens)
    {
        Assert.Equal(tokens, ImageTokenEstimate.HighDetail(width, height));
    }
}
