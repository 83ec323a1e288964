using System.Globalization;
using System.Net;
using KycOcr.Samples;
using KycOcr.TestSupport.Hosting;
using KycOcr.TestSupport.Http;
using KycOcr.TestSupport.Model;
using KycOcr.TestSupport.Storage;
using Xunit.Abstractions;

namespace KycOcr.LocalHost.Tests;

/// <summary>A job's deadline over many pages, over HTTP: it ends the job on time and leaves no page's upload behind.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MultiPageDeadlineTests(AzuriteFixture azurite) : LocalServiceTestBase(azurite.ConnectionString,
    ("JOB_DEADLINE_SECONDS", "0.3"), ("MODEL_TIMEOUT_SECONDS", "0.1"), ("EXTRACTION_MAX_RETRIES", "0"))
{
    [Fact]
    public async Task A_deadline_that_passes_while_four_pages_are_prepared_ends_the_job_and_every_page_is_cleaned_up()
    {
        var submitted = await Client.SubmitAsync(ServiceClient.Form([.. Enumerable.Range(0, 4).Select(_ => ("image", DocumentPhoto))]));
        Assert.Equal(HttpStatusCode.Accepted, submitted.Status);

        var result = await Client.WaitForResultAsync(submitted.Id);

        Assert.Equal(HttpStatusCode.InternalServerError, result.Status);
        Assert.Equal("deadline_exceeded", result.Code);
        await AssertNoBlobsLeftAsync(submitted.Id);
    }
}

/// <summary>
/// The service's peak memory (its process's high-water RSS) for a job of four 12 MP photos against a job of one, each
/// in a fresh <c>kycocr serve</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MultiPageMemoryTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private LoopbackModelServer _model = null!;

    public async Task InitializeAsync() => _model = await LoopbackModelServer.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task Four_12_MP_pages_take_at_most_twice_the_peak_memory_of_one()
    {
        var pages = Enumerable.Range(1, 4)
            .Select(seed => SyntheticDocumentGenerator.Generate(SyntheticDocumentGenerator.SpecimenSpec(DocumentKind.PassportTd3, seed) with
            {
                FrameWidth = 4032,
                FrameHeight = 3024,
            }).Bytes)
            .ToArray();

        var one = await PeakMegabytesAsync(pages[..1]);
        var four = await PeakMegabytesAsync(pages);

        output.WriteLine($"peak RSS: one 12 MP page {one:0} MB, four {four:0} MB ({four / one:0.00}x)");
        Assert.True(four <= 2 * one, $"four pages peaked at {four:0} MB, one at {one:0} MB");
    }

    private async Task<double> PeakMegabytesAsync(byte[][] pages)
    {
        var settings = LocalServiceTestBase.Settings(azurite.ConnectionString, _model,
            ("EXTRACTOR", "offline"), ("MAX_UPLOAD_BYTES", (64 * 1024 * 1024).ToString(CultureInfo.InvariantCulture)));
        await using var serve = await ServeProcess.StartAsync(settings, ServeProcess.FreePort());
        using var client = new ServiceClient(serve.Address);
        var submitted = await client.SubmitAsync(ServiceClient.Form([.. pages.Select(p => ("image", p))]));
        Assert.True(submitted.Status == HttpStatusCode.Accepted, submitted.ToString());
        var result = await client.WaitForResultAsync(submitted.Id, TimeSpan.FromMinutes(2));
        Assert.True(result.Status == HttpStatusCode.OK, result.ToString());
        return serve.Memory().Peak / 1048576.0;
    }
}
