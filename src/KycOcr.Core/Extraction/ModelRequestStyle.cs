using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json.Nodes;
using KycOcr.Core.Configuration;
using OpenAI.Chat;

namespace KycOcr.Core.Extraction;

/// <summary>
/// The request as the model's family takes it. A classic model reads deterministically at temperature 0; a reasoning
/// model refuses sampling settings and <c>max_tokens</c> (400 <c>unsupported_parameter</c>) and takes
/// <c>max_completion_tokens</c> and a <c>reasoning_effort</c>.
/// </summary>
public static class ModelRequestStyle
{
    /// <summary>Chat options for <paramref name="model"/>'s family (the token limit's name is the policy's business).</summary>
    public static ChatCompletionOptions Options(ModelOptions model)
    {
        var options = new ChatCompletionOptions { MaxOutputTokenCount = model.MaxTokens };
        if (model.EffectiveModelFamily != ModelOptions.Reasoning)
            options.Temperature = 0;
        return options;
    }

    /// <summary>The pipeline policy that makes a request a reasoning model's, or null for a classic model.</summary>
    public static PipelinePolicy? Policy(ModelOptions model) =>
        model.EffectiveModelFamily == ModelOptions.Reasoning
            ? new ReasoningRequestPolicy(string.IsNullOrWhiteSpace(model.ReasoningEffort) ? null : model.ReasoningEffort.Trim().ToLowerInvariant())
            : null;

    /// <summary>
    /// Writes a reasoning model's request: Azure's api-version for it, the token limit as <c>max_completion_tokens</c>
    /// (Azure.AI.OpenAI 2.1.0 writes <c>max_tokens</c>, and its switch for the new name throws on the OpenAI library's
    /// options) and the <c>reasoning_effort</c>, for which the OpenAI library 2.1.0 (the one Azure.AI.OpenAI 2.1.0 is
    /// built on) has no property.
    /// </summary>
    private sealed class ReasoningRequestPolicy(string? effort) : PipelinePolicy
    {
        /// <summary>
        /// The api-version projects moving to the gpt-5 family report Azure OpenAI needs for it (not tried against Azure
        /// from here); Azure.AI.OpenAI 2.1.0 sends 2024-10-21.
        /// </summary>
        public const string AzureApiVersion = "2025-04-01-preview";

        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            Rewrite(message.Request, CancellationToken.None);
            ProcessNext(message, pipeline, currentIndex);
        }

        public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            Rewrite(message.Request, message.CancellationToken);
            await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
        }

        private void Rewrite(PipelineRequest request, CancellationToken cancellationToken)
        {
            if (request.Content is null || request.Uri?.AbsolutePath.EndsWith("/chat/completions", StringComparison.Ordinal) != true)
                return;
            if (System.Web.HttpUtility.ParseQueryString(request.Uri.Query) is { } query && query["api-version"] is not null)
            {
                query["api-version"] = AzureApiVersion;
                request.Uri = new UriBuilder(request.Uri) { Query = query.ToString() }.Uri;
            }
            using var buffer = new MemoryStream();
            request.Content.WriteTo(buffer, cancellationToken);
            var body = JsonNode.Parse(buffer.ToArray())!.AsObject();
            if (body.Remove("max_tokens", out var limit))
                body["max_completion_tokens"] = limit;
            if (effort is not null)
                body["reasoning_effort"] = effort;
            request.Content = BinaryContent.Create(BinaryData.FromString(body.ToJsonString()));
        }
    }
}
