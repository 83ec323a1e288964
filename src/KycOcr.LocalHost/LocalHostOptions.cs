using System.ComponentModel.DataAnnotations;
using KycOcr.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace KycOcr.LocalHost;

/// <summary>Settings of <c>kycocr serve</c>'s durable engine (the Azure Storage provider, on the same storage account).</summary>
public sealed class LocalHostOptions : IValidatableObject
{
    /// <summary>Task hub: the prefix of the engine's queues and tables. Letters and digits, 3–45, starting with a letter.</summary>
    [ConfigurationKeyName("TASK_HUB_NAME"), Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    public string TaskHubName { get; set; } = "kycocr";

    /// <summary>
    /// How long a dequeued work item stays invisible to other workers. After a crash, unfinished work
    /// reappears after this long, so it is short; it must still exceed the longest activity (one extraction attempt).
    /// </summary>
    [ConfigurationKeyName("WORK_ITEM_VISIBILITY_SECONDS"), Range(1, 3600)]
    public double WorkItemVisibilitySeconds { get; set; } = 90;

    /// <summary>Activities run at once by this host; each holds one decoded photo at most.</summary>
    [ConfigurationKeyName("MAX_CONCURRENT_ACTIVITIES"), Range(1, 1000)]
    public int MaxConcurrentActivities { get; set; } = 32;

    /// <summary>Copied from <see cref="JobOptions.WorstCaseExtractionActivity"/> for validation: an activity may run this long.</summary>
    internal TimeSpan WorstCaseActivity { get; set; } = new JobOptions().WorstCaseExtractionActivity;

    public TimeSpan WorkItemVisibility => TimeSpan.FromSeconds(WorkItemVisibilitySeconds);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // An activity still running when its message reappears would run twice.
        if (WorkItemVisibilitySeconds <= WorstCaseActivity.TotalSeconds + 5)
        {
            yield return new ValidationResult(
                $"WORK_ITEM_VISIBILITY_SECONDS ({WorkItemVisibilitySeconds}) must exceed the longest activity, one extraction attempt (MODEL_TIMEOUT_SECONDS, {WorstCaseActivity.TotalSeconds} s), by more than 5 s.",
                [nameof(WorkItemVisibilitySeconds)]);
        }
    }
}
