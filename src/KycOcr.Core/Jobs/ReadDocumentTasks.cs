using Microsoft.DurableTask;

namespace KycOcr.Core.Jobs;

/// <summary>The job's orchestrator and activities, registered the same way by every host that runs them itself.</summary>
public static class ReadDocumentTasks
{
    public static DurableTaskRegistry AddReadDocumentTasks(this DurableTaskRegistry registry) => registry
        .AddOrchestrator<ReadDocumentOrchestration>()
        .AddActivity<PreprocessActivity>()
        .AddActivity<ExtractActivity>()
        .AddActivity<CleanupActivity>()
        .AddActivity<PublishInboxResultActivity>();
}
