using KycOcr.Core.Jobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace KycOcr.Functions;

/// <summary>
/// Durable wiring: each function hands its trigger's payload to the plain class in KycOcr.Core that
/// does the work (the source generator that would write these is not available here).
/// </summary>
public sealed class ReadDocumentFunctions(
    PreprocessActivity preprocess, ExtractActivity extract, CleanupActivity cleanup, PublishInboxResultActivity publish)
{
    [Function(ReadDocumentOrchestration.Name)]
    public static Task<JobOutcome> Orchestrate([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ReadDocumentOrchestration().RunAsync(context, context.GetInput<JobRequest>()!);

    [Function(nameof(PreprocessActivity))]
    public Task<PreprocessOutcome> Preprocess([ActivityTrigger] PreprocessInput input, FunctionContext context) =>
        preprocess.RunAsync(new FunctionActivityContext(nameof(PreprocessActivity), context), input);

    [Function(nameof(ExtractActivity))]
    public Task<ExtractOutcome> Extract([ActivityTrigger] ExtractInput input, FunctionContext context) =>
        extract.RunAsync(new FunctionActivityContext(nameof(ExtractActivity), context), input);

    [Function(nameof(CleanupActivity))]
    public Task<int> Cleanup([ActivityTrigger] string taskId, FunctionContext context) =>
        cleanup.RunAsync(new FunctionActivityContext(nameof(CleanupActivity), context), taskId);

    [Function(nameof(PublishInboxResultActivity))]
    public Task<string> PublishInboxResult([ActivityTrigger] InboxResultInput input, FunctionContext context) =>
        publish.RunAsync(new FunctionActivityContext(nameof(PublishInboxResultActivity), context), input);
}
