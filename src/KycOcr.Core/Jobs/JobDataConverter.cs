using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.DurableTask;

namespace KycOcr.Core.Jobs;

/// <summary>
/// How a job's data crosses the durable engine, in every host: the service's own JSON (<see cref="KycJson"/>), so a
/// stored outcome is the API's body as it stands. Shapes stored before the typed records are upgraded on the way in
/// (<see cref="LegacyJobJson"/>), so jobs in flight and results stored across a deploy still replay and read.
/// </summary>
public sealed class JobDataConverter : DataConverter
{
    public static JobDataConverter Instance { get; } = new();

    /// <summary>True for the service's own types, which this converter owns in a host that also carries others.</summary>
    public static bool Owns(Type type) => type.Assembly == typeof(KycJson).Assembly;

    public override string? Serialize(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, ContractOf(value.GetType()), KycJson.Options);

    public override object? Deserialize(string? data, Type targetType)
    {
        if (data is null)
            return null;
        return LegacyJobJson.Upgrade(data, targetType) is { } upgraded
            ? upgraded.Deserialize(targetType, KycJson.Options)
            : JsonSerializer.Deserialize(data, targetType, KycJson.Options);
    }

    // A success or a failure is written through its base type, which adds the "outcome" key that tells them apart.
    private static Type ContractOf(Type type) =>
        type.BaseType is { } baseType && baseType.GetCustomAttribute<JsonPolymorphicAttribute>() is not null ? baseType : type;
}
