using KycOcr.TestSupport.MrzBenchmark;

namespace KycOcr.Core.Tests.Mrz.Reading;

/// <summary>The accuracy program's code on a small sample; the full run is tools/KycOcr.MrzAccuracy.</summary>
public sealed class MrzAccuracySampleTests(MrzReaderFixture fixture) : IClassFixture<MrzReaderFixture>
{
    [Fact]
    public void A_sample_of_generated_documents_reads_exactly_and_never_valid_but_wrong()
    {
        var report = MrzAccuracyRun.Run(fixture.Reader, count: 12, seed: 900);

        Assert.True(report.Exact >= 11, report.Summary() + "\n" + report.Details());
        Assert.Equal(0, report.FalseValid);
    }
}
