using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KycOcr.Core.Telemetry;

/// <summary>
/// Traces and metrics of jobs and their stages, correlated by task id. Only ids, stage names, outcomes
/// and sizes are recorded: never a field value, an image or a key.
/// </summary>
public static class KycOcrTelemetry
{
    public const string SourceName = "KycOcr";
    public const string TaskIdTag = "kycocr.task_id";
    public const string StageTag = "kycocr.stage";
    public const string OutcomeTag = "kycocr.outcome";

    public static readonly ActivitySource Source = new(SourceName);
    public static readonly Meter Meter = new(SourceName);

    private static readonly Counter<long> JobsSubmitted = Meter.CreateCounter<long>("kycocr.jobs.submitted", description: "Jobs accepted, from HTTP or the inbox.");
    private static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>("kycocr.stage.duration", unit: "ms", description: "Time per stage and outcome.");

    /// <summary>A span for one stage of one job; dispose it when the stage ends, after <see cref="Stage.Ended"/>.</summary>
    public static Stage StartStage(string stage, string taskId)
    {
        var activity = Source.StartActivity(stage, ActivityKind.Internal);
        activity?.SetTag(TaskIdTag, taskId);
        activity?.SetTag(StageTag, stage);
        return new Stage(stage, activity);
    }

    /// <summary>Runs one stage inside its span; the outcome comes from the result, or "failed" when it throws.</summary>
    public static async Task<T> TraceAsync<T>(string stage, string taskId, Func<Task<T>> body, Func<T, string> outcomeOf)
    {
        using var span = StartStage(stage, taskId);
        try
        {
            var result = await body();
            span.Ended(outcomeOf(result));
            return result;
        }
        catch (Exception e)
        {
            span.Ended(e is Extraction.TransientExtractionException ? "transient_failure" : "failed");
            throw;
        }
    }

    /// <summary>The <c>kycocr.source</c> of a job submitted over HTTP.</summary>
    public const string HttpSource = "http";

    /// <summary>The <c>kycocr.source</c> of a job started by a document dropped into the inbox.</summary>
    public const string InboxSource = "inbox";

    public static void Submitted(string source) => JobsSubmitted.Add(1, new KeyValuePair<string, object?>("kycocr.source", source));

    public sealed class Stage(string name, Activity? activity) : IDisposable
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private string _outcome = "error";

        /// <summary>How the stage ended: "ok", "rejected", "failed", "retry"... (codes only, never content).</summary>
        public void Ended(string outcome) => _outcome = outcome;

        public void Dispose()
        {
            activity?.SetTag(OutcomeTag, _outcome);
            if (_outcome is not ("ok" or "rejected"))
                activity?.SetStatus(ActivityStatusCode.Error, _outcome);
            StageDuration.Record(_clock.Elapsed.TotalMilliseconds,
                new KeyValuePair<string, object?>(StageTag, name), new KeyValuePair<string, object?>(OutcomeTag, _outcome));
            activity?.Dispose();
        }
    }
}
