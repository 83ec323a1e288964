using System.Text.Json.Nodes;
using KycOcr.Core;
using KycOcr.Core.Jobs;
using KycOcr.TestSupport;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KycOcr.Functions.Tests;

/// <summary>The function app hands the job's data to Durable Functions in the same JSON as the local host.</summary>
public sealed class JobJsonSerializerTests
{
    private static readonly JobJsonSerializer Serializer = new();

    private static object? RoundTrip(object value, Type type)
    {
        using var stream = Serializer.Serialize(value, type).ToStream();
        return Serializer.Deserialize(stream, type, CancellationToken.None);
    }

    [Fact]
    public void The_workers_serializer_is_the_jobs_own()
    {
        using var services = new ServiceCollection().AddKycOcrJobSerialization().BuildServiceProvider();

        Assert.IsType<JobJsonSerializer>(services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer);
    }

    [Fact]
    public void An_outcome_is_written_in_the_apis_json_with_its_kind_and_read_back()
    {
        JobOutcome outcome = new JobOutcome.Ended(new ApiError("The photo cannot be used.", ErrorCodes.QualityRejected));

        var json = JsonNode.Parse(Serializer.Serialize(outcome, typeof(JobOutcome)).ToString())!;

        Assert.Equal("ended", (string?)json["outcome"]);
        Assert.Equal(ErrorCodes.QualityRejected, (string?)json["error"]!["code"]);
        Assert.Equal(outcome, RoundTrip(outcome, typeof(JobOutcome)));
    }

    [Fact]
    public void An_outcome_stored_before_the_typed_records_still_reads()
    {
        var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(
            RepositoryPaths.Root, "tests", "KycOcr.Core.Tests", "Jobs", "RecordedHistory", "model_success.json")))!;
        using var stored = BinaryData.FromString((string)recorded["orchestration_output"]!).ToStream();

        var outcome = Serializer.Deserialize(stored, typeof(JobOutcome), CancellationToken.None);

        Assert.Equal((string?)recorded["task_id"], Assert.IsType<JobOutcome.Succeeded>(outcome).Result.Id);
    }

    [Fact]
    public void Other_types_keep_the_workers_default_json()
    {
        var json = Serializer.Serialize(new TimerProbe(IsPastDue: true), typeof(TimerProbe)).ToString();

        Assert.Equal("""{"IsPastDue":true}""", json);
        Assert.Equal(new TimerProbe(true), RoundTrip(new TimerProbe(true), typeof(TimerProbe)));
    }

    /// <summary>Shaped like the timer trigger's payload, which the host writes in PascalCase.</summary>
    public sealed record TimerProbe(bool IsPastDue);
}
