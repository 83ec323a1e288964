using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace KycOcr.Functions;

/// <summary>The activity context the Core activities expect, built from the Functions invocation.</summary>
internal sealed class FunctionActivityContext(string name, FunctionContext function) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } =
        function.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? string.Empty : string.Empty;
}
