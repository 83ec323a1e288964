using Azure.Core.Serialization;
using KycOcr.Core.Jobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace KycOcr.Functions;

public static class JobSerialization
{
    /// <summary>Durable Functions serializes orchestration and activity data with the worker's serializer: make it the job's own.</summary>
    public static IServiceCollection AddKycOcrJobSerialization(this IServiceCollection services) =>
        services.Configure<WorkerOptions>(worker => worker.Serializer = new JobJsonSerializer());
}

/// <summary>
/// The worker's serializer, which Durable Functions uses for orchestration and activity data: the service's own
/// types go through <see cref="JobDataConverter"/>, as on the local host; anything else (a timer's schedule, say)
/// keeps the worker's default JSON.
/// </summary>
public sealed class JobJsonSerializer : ObjectSerializer
{
    private readonly JsonObjectSerializer _default = new();

    public override object? Deserialize(Stream stream, Type returnType, CancellationToken cancellationToken)
    {
        if (!JobDataConverter.Owns(returnType))
            return _default.Deserialize(stream, returnType, cancellationToken);
        using var reader = new StreamReader(stream, leaveOpen: true);
        return JobDataConverter.Instance.Deserialize(reader.ReadToEnd(), returnType);
    }

    public override async ValueTask<object?> DeserializeAsync(Stream stream, Type returnType, CancellationToken cancellationToken)
    {
        if (!JobDataConverter.Owns(returnType))
            return await _default.DeserializeAsync(stream, returnType, cancellationToken);
        using var reader = new StreamReader(stream, leaveOpen: true);
        return JobDataConverter.Instance.Deserialize(await reader.ReadToEndAsync(cancellationToken), returnType);
    }

    public override void Serialize(Stream stream, object? value, Type inputType, CancellationToken cancellationToken)
    {
        if (!JobDataConverter.Owns(value?.GetType() ?? inputType))
        {
            _default.Serialize(stream, value, inputType, cancellationToken);
            return;
        }
        using var writer = new StreamWriter(stream, leaveOpen: true);
        writer.Write(JobDataConverter.Instance.Serialize(value) ?? "null");
    }

    public override async ValueTask SerializeAsync(Stream stream, object? value, Type inputType, CancellationToken cancellationToken)
    {
        if (!JobDataConverter.Owns(value?.GetType() ?? inputType))
        {
            await _default.SerializeAsync(stream, value, inputType, cancellationToken);
            return;
        }
        await using var writer = new StreamWriter(stream, leaveOpen: true);
        await writer.WriteAsync(JobDataConverter.Instance.Serialize(value) ?? "null");
    }
}
