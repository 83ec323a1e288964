using KycOcr.TestSupport.MrzBenchmark;

namespace KycOcr.Core.Tests.Mrz.Reading;

/// <summary>
/// The accuracy program's code on a small sample, on the real path: each document photographed, put through the
/// service's preprocessing (quality gate, deskew, stored JPEG) and read. The full run is tools/KycOcr.MrzAccuracy.
/// </summary>
public sealed class MrzAccuracySampleTests(MrzReaderFixture fixture) : IClassFixture<MrzReaderFixture>
{
    [Fact]
    public void A_sample_of_photographed_documents_reads_exactly_through_the_gate_and_never_valid_but_wrong()
    {
        var report = MrzAccuracyRun.Run(fixture.Reader, count: 12, seed: 900);

        Assert.True(report.Photographed);
        Assert.True(report.Exact >= 11, report.Summary() + "\n" + report.Details());
        Assert.Equal(0, report.FalseValid);
    }

    [Fact]
    public void The_emulated_upright_path_still_reads_its_sample()
    {
        var report = MrzAccuracyRun.Run(fixture.Reader, count: 6, seed: 900, path: MrzAccuracyPath.Upright);

        Assert.False(report.Photographed);
        Assert.True(report.Exact >= 5, report.Summary() + "\n" + report.Details());
        Assert.Equal(0, report.FalseValid);
    }
}
