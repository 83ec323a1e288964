using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace KycOcr.Core.Configuration;

/// <summary>Retries, time limits and retention of a job.</summary>
public sealed class JobOptions : IValidatableObject
{
    /// <summary>Retries after the first extraction attempt (the original: 3, so 4 attempts in all).</summary>
    [ConfigurationKeyName("EXTRACTION_MAX_RETRIES"), Range(0, 10)]
    public int ExtractionMaxRetries { get; set; } = 3;

    /// <summary>Wait between extraction attempts; fractions allowed so tests run in milliseconds.</summary>
    [ConfigurationKeyName("EXTRACTION_RETRY_INTERVAL_SECONDS"), Range(0.001, 3600)]
    public double ExtractionRetryIntervalSeconds { get; set; } = 60;

    /// <summary>Time limit of one extraction attempt: the model call and, when its reply breaks the schema, the repair request.</summary>
    [ConfigurationKeyName("MODEL_TIMEOUT_SECONDS"), Range(0.001, 600)]
    public double ModelTimeoutSeconds { get; set; } = 60;

    /// <summary>Whole-job deadline, a durable timer; must exceed every attempt's time-out plus the waits.</summary>
    [ConfigurationKeyName("JOB_DEADLINE_SECONDS"), Range(0.01, 86_400)]
    public double JobDeadlineSeconds { get; set; } = 600;

    /// <summary>Seconds a finished job's result is kept (the original's result_expires: 30 minutes).</summary>
    [ConfigurationKeyName("RESULT_TTL"), Range(1, 30 * 86_400)]
    public int ResultTtlSeconds { get; set; } = 1800;

    public TimeSpan ExtractionRetryInterval => TimeSpan.FromSeconds(ExtractionRetryIntervalSeconds);
    public TimeSpan ModelTimeout => TimeSpan.FromSeconds(ModelTimeoutSeconds);
    public TimeSpan JobDeadline => TimeSpan.FromSeconds(JobDeadlineSeconds);
    public TimeSpan ResultTtl => TimeSpan.FromSeconds(ResultTtlSeconds);

    /// <summary>
    /// The longest one extraction activity runs: its time limit covers the repair request, and it never sleeps (a
    /// throttled attempt's wait is a durable timer). What the job's deadline and the work items' visibility rest on.
    /// </summary>
    public TimeSpan WorstCaseExtractionActivity => ModelTimeout;

    /// <summary>The longest the extraction stage can legitimately take: every attempt timing out, plus the waits.</summary>
    public TimeSpan WorstCaseExtraction =>
        WorstCaseExtractionActivity * (ExtractionMaxRetries + 1) + ExtractionRetryInterval * ExtractionMaxRetries;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (JobDeadline <= WorstCaseExtraction)
        {
            yield return new ValidationResult(
                $"JOB_DEADLINE_SECONDS ({JobDeadlineSeconds}) must exceed the extraction's worst case: " +
                $"{ExtractionMaxRetries + 1} attempts x MODEL_TIMEOUT_SECONDS ({ModelTimeoutSeconds}) + " +
                $"{ExtractionMaxRetries} waits x EXTRACTION_RETRY_INTERVAL_SECONDS ({ExtractionRetryIntervalSeconds}) = " +
                $"{WorstCaseExtraction.TotalSeconds} s.",
                [nameof(JobDeadlineSeconds)]);
        }
    }

    /// <summary>The policy a job carries in its input, so a running job keeps the rules it started with.</summary>
    public Jobs.JobPolicy ToPolicy() => new(
        MaxAttempts: ExtractionMaxRetries + 1,
        RetryIntervalMs: (long)ExtractionRetryInterval.TotalMilliseconds,
        DeadlineMs: (long)JobDeadline.TotalMilliseconds);
}
