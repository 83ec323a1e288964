using KycOcr.Core.Extraction;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace KycOcr.Core.Jobs;

/// <summary>
/// One document job: preprocess, extract (with the job's retry policy), and always clean up.
/// Deterministic: it only coordinates activities and durable timers.
/// </summary>
public sealed class ReadDocumentOrchestration : TaskOrchestrator<JobRequest, JobOutcome>
{
    public const string Name = nameof(ReadDocumentOrchestration);

    // Storage calls at the end of a job: worth a few patient retries.
    private static readonly RetryPolicy CleanupRetry = new(5, TimeSpan.FromSeconds(2), 2.0);

    public override async Task<JobOutcome> RunAsync(TaskOrchestrationContext context, JobRequest job)
    {
        var logger = context.CreateReplaySafeLogger<ReadDocumentOrchestration>();
        using var deadlineCancellation = new CancellationTokenSource();
        var deadline = context.CreateTimer(
            context.CurrentUtcDateTime.AddMilliseconds(job.Policy.DeadlineMs), deadlineCancellation.Token);

        JobOutcome outcome;
        var pages = job.AllPages();
        context.SetCustomStatus(new JobProgress(JobStage.Preprocessing, pages.Count, 0));
        // The pages are preprocessed side by side; the first keeps the single page's activity input.
        var preprocessing = pages.Select((page, index) => context.CallActivityAsync<PreprocessOutcome>(
            nameof(PreprocessActivity), new PreprocessInput(job.TaskId, page.UploadBlobName, index, StorePortrait: job.InboxBlobName is null))).ToArray();
        var stages = RunStagesAsync(context, job, pages, preprocessing);
        if (await Task.WhenAny(stages, deadline) == stages)
        {
            deadlineCancellation.Cancel();
            outcome = await CompleteAsync(stages, job, logger);
        }
        else
        {
            logger.LogWarning("Job {TaskId} passed its deadline of {DeadlineMs} ms", job.TaskId, job.Policy.DeadlineMs);
            outcome = new JobOutcome.Ended(new ApiError(
                "The document could not be read in the time allowed. Submit it again later.", ErrorCodes.DeadlineExceeded));
            // Preprocessing stores the images it prepares: cleaning up before it ends would leave them behind.
            // It runs locally and ends in seconds; the model call, which may hang, stores nothing.
            await Task.WhenAny(Task.WhenAll(preprocessing));
        }

        if (job.InboxBlobName is not null)
            await PublishInboxResultAsync(context, job, outcome);

        // No stage of its own for cleanup: clients see queued, preprocessing or extracting only.
        try
        {
            await context.CallActivityAsync<int>(nameof(CleanupActivity), job.TaskId, TaskOptions.FromRetryPolicy(CleanupRetry));
        }
        catch (TaskFailedException e)
        {
            // The outcome stands; the retention purge removes what is left.
            logger.LogError("Cleanup of job {TaskId} failed: {ErrorType}", job.TaskId, e.FailureDetails.ErrorType);
        }
        return outcome;
    }

    private static async Task PublishInboxResultAsync(TaskOrchestrationContext context, JobRequest job, JobOutcome outcome)
    {
        var logger = context.CreateReplaySafeLogger<ReadDocumentOrchestration>();
        try
        {
            await context.CallActivityAsync<string>(nameof(PublishInboxResultActivity),
                new InboxResultInput(job.TaskId, job.InboxBlobName!, outcome), TaskOptions.FromRetryPolicy(CleanupRetry));
        }
        catch (TaskFailedException e)
        {
            // GET /id still serves the outcome; the dropped blob stays for a later redelivery.
            logger.LogError("Publishing the result of inbox job {TaskId} failed: {ErrorType}", job.TaskId, e.FailureDetails.ErrorType);
        }
    }

    private static async Task<JobOutcome> RunStagesAsync(
        TaskOrchestrationContext context, JobRequest job, IReadOnlyList<JobPage> pages, Task<PreprocessOutcome>[] preprocessing)
    {
        var pending = preprocessing.ToList();
        while (pending.Count > 0)
        {
            pending.Remove(await Task.WhenAny(pending));
            context.SetCustomStatus(new JobProgress(JobStage.Preprocessing, pages.Count, pages.Count - pending.Count));
        }
        // A failed page is raised only once every page has ended: none is left storing its image during cleanup.
        var outcomes = new PreprocessOutcome[pages.Count];
        for (var i = 0; i < pages.Count; i++)
            outcomes[i] = await preprocessing[i];

        var reports = PageReport.Of(pages, outcomes);
        if (PageChoice.Best(outcomes) is not { } best)
            return JobResult.Refused(outcomes, reports);

        // The fields are read from the page whose MRZ reads, if one does; a vision model sees every accepted page.
        var chosen = (PreprocessOutcome.Prepared)outcomes[best];
        var otherPages = Enumerable.Range(0, outcomes.Length).Where(i => i != best && outcomes[i] is PreprocessOutcome.Prepared).ToArray();
        var others = otherPages.Select(i => ((PreprocessOutcome.Prepared)outcomes[i]).ImageBlobName).ToArray();
        context.SetCustomStatus(new JobProgress(JobStage.Extracting, pages.Count, pages.Count));
        var extracted = await context.CallActivityAsync<ExtractOutcome>(
            nameof(ExtractActivity), new ExtractInput(job.TaskId, chosen.ImageBlobName, chosen.Mrz, others.Length == 0 ? null : others, chosen.Barcode),
            ExtractionRetry.Options(job.Policy));
        return JobResult.Of(job.TaskId, chosen.Quality, outcomes.Max(o => o.ElapsedMs), extracted, reports, [best + 1, .. otherPages.Select(i => i + 1)]);
    }

    private static async Task<JobOutcome> CompleteAsync(Task<JobOutcome> stages, JobRequest job, ILogger logger)
    {
        try
        {
            return await stages;
        }
        catch (TaskFailedException e) when (e.FailureDetails.IsCausedBy<TransientExtractionException>())
        {
            logger.LogWarning("Job {TaskId}: extraction failed after {Attempts} attempts", job.TaskId, job.Policy.MaxAttempts);
            // Transient exceptions carry messages written for customers (see TransientExtractionException).
            return new JobOutcome.Ended(new ApiError(
                $"The document could not be read after {job.Policy.MaxAttempts} attempts: {e.FailureDetails.ErrorMessage} Try again later.",
                ErrorCodes.ExtractionFailed));
        }
        catch (TaskFailedException e)
        {
            logger.LogError("Job {TaskId}: activity {Activity} failed with {ErrorType}", job.TaskId, e.TaskName, e.FailureDetails.ErrorType);
            return new JobOutcome.Ended(new ApiError("The document could not be processed because of an internal error.", ErrorCodes.InternalError));
        }
    }
}
