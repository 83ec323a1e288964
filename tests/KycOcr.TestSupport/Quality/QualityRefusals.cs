using KycOcr.Core;
using Xunit;

namespace KycOcr.TestSupport.Quality;

public static class QualityRefusals
{
    /// <summary>
    /// The 422 a blurry photo gets, from the preprocessor or from the whole job: the blur check among the failed,
    /// blocking ones, and the whole report (the client shows every check).
    /// </summary>
    public static void AssertBlurry(ApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Assert.Equal(ErrorCodes.QualityRejected, error.Code);
        Assert.Contains("blurry", error.Error);
        Assert.Contains(error.Checks!, c => c.Name == "blur" && !c.Passed);
        Assert.All(error.Checks!, c => Assert.True(c.Blocking && !c.Passed));
        Assert.False(error.Quality!.Accepted);
        Assert.Equal(8, error.Quality.Checks.Count);
    }
}
