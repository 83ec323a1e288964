using System.Collections.Concurrent;
using System.Text.Json;
using KycOcr.Core.Configuration;
using KycOcr.Core.Extraction;
using KycOcr.Core.Jobs;
using KycOcr.Core.Preprocessing;
using KycOcr.Core.Storage;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using KycOcr.TestSupport.Hosting;
using KycOcr.TestSupport.RealDocuments;
using KycOcr.TestSupport.Storage;
using Xunit.Abstractions;

namespace KycOcr.Cli.Tests;

/// <summary>
/// One read path: every real document in <c>../shared/real-documents</c> (when this machine has it) gets the same
/// answer from <c>kycocr mrz</c> and from the service's own job (its preprocessing and extraction, with Azurite, stage by stage as the orchestration runs them): the same zone found or not, the same lines,
/// valid or not. The images stay where they are.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RealDocumentsTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Kycocr_mrz_and_the_service_activities_give_every_real_document_the_same_answer()
    {
        if (RealDocumentSet.SharedFolder() is not { } shared)
        {
            output.WriteLine("../shared/real-documents is not on this machine: nothing to compare.");
            return;
        }

        var documents = Directory.GetDirectories(shared).SelectMany(d => RealDocumentSet.Load(d).Documents).ToList();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(KycOcrTestHost.DefaultSettings(azurite.ConnectionString)).Build();
        await using var services = new ServiceCollection().AddLogging().AddKycOcrCore(configuration).BuildServiceProvider();
        var differences = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(documents, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (document, _) =>
        {
            var (exit, printed) = await CliTestFolder.RunAsync([], "mrz", document.Path);
            Assert.NotEqual(2, exit);
            var command = RealDocumentRuns.FromReading(document, printed, refusal: null, 0);
            var service = FromJob(document, await RunStagesAsync(services, await File.ReadAllBytesAsync(document.Path, CancellationToken.None)));
            if (command.Found != service.Found || command.Valid != service.Valid || !command.Lines.SequenceEqual(service.Lines))
                differences.Add($"{document.Name}: kycocr mrz {Describe(command)}, the service {Describe(service)}");
        });

        output.WriteLine($"{documents.Count} real documents compared, {differences.Count} differ");
        Assert.True(differences.IsEmpty, string.Join("\n", differences));
    }

    // The job's two stages as the orchestration runs them: the upload stored, preprocessed, then extracted.
    private static async Task<JobOutcome> RunStagesAsync(IServiceProvider services, byte[] upload)
    {
        var store = services.GetRequiredService<BlobJobStore>();
        var taskId = TaskIds.New();
        var blob = BlobJobStore.UploadBlobName(taskId, ".img");
        await store.SaveAsync(blob, BinaryData.FromBytes(upload), "application/octet-stream");
        var context = new TestActivityContext(taskId);
        var prepared = await new PreprocessActivity(store, services.GetRequiredService<IImagePreprocessor>())
            .RunAsync(context, new PreprocessInput(taskId, blob));
        if (prepared is PreprocessOutcome.Refused refused)
            return new JobOutcome.Ended(refused.Error);
        var accepted = (PreprocessOutcome.Prepared)prepared;
        var extracted = await new ExtractActivity(store, services.GetRequiredService<ExtractionStage>())
            .RunAsync(context, new ExtractInput(taskId, accepted.ImageBlobName, accepted.Mrz));
        await store.DeleteJobBlobsAsync(taskId);
        return JobResult.Of(taskId, accepted.Quality, accepted.ElapsedMs, extracted, PageReport.Of([new JobPage(blob)], [accepted]));
    }

    private sealed class TestActivityContext(string instanceId) : TaskActivityContext
    {
        public override TaskName Name => "real-documents";

        public override string InstanceId => instanceId;
    }

    // A job's answer as a reading: the result's MRZ, or the one the refusal carries.
    private static RealDocumentOutcome FromJob(RealDocument document, JobOutcome outcome)
    {
        if (outcome is JobOutcome.Succeeded succeeded)
            return RealDocumentRuns.FromReading(document, succeeded.Result.Mrz!, refusal: null, 0);
        var error = Assert.IsType<JobOutcome.Ended>(outcome).Error;
        return error.Mrz is { } seen
            ? RealDocumentRuns.FromReading(document, seen, error.Code, 0) with { Valid = false }
            : new RealDocumentOutcome(document, Found: false, Valid: false, [], error.Code, 0);
    }

    private static string Describe(RealDocumentOutcome o) =>
        !o.Found ? "no MRZ" : $"{(o.Valid ? "valid" : "invalid")} {string.Join(" | ", o.Lines)}";
}
