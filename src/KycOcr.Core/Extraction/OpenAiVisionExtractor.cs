using System.ClientModel;
using KycOcr.Core.Configuration;
using Microsoft.Extensions.Logging;
using OpenAI.Chat;

namespace KycOcr.Core.Extraction;

/// <summary>
/// Reads a document with a vision model through the chat-completions API (Azure OpenAI or any
/// OpenAI-compatible endpoint), constrained by <see cref="ExtractionSchema"/>. The client's own retries
/// are off: the orchestration's retry policy is the only one.
/// </summary>
public sealed class OpenAiVisionExtractor(
    ChatClient chat,
    ModelOptions model,
    JobOptions jobs,
    TimeProvider time,
    ILogger<OpenAiVisionExtractor> logger) : IDocumentExtractor
{
    public const string Source = "model";

    public async Task<ExtractedDocument> ExtractAsync(PreparedDocument document, CancellationToken cancellationToken)
    {
        List<ChatMessage> messages =
        [
            new SystemChatMessage(ExtractionPrompt.System),
            new UserChatMessage(
            [
                ChatMessageContentPart.CreateTextPart(document.OtherJpegs.Count == 0 ? ExtractionPrompt.User : ExtractionPrompt.User + ExtractionPrompt.SeveralPages),
                .. ((IEnumerable<ReadOnlyMemory<byte>>)[document.Jpeg, .. document.OtherJpegs]).Select(jpeg =>
                    ChatMessageContentPart.CreateImagePart(BinaryData.FromBytes(jpeg), "image/jpeg", new ChatImageDetailLevel(model.ImageDetail))),
            ]),
        ];
        var options = ModelRequestStyle.Options(model);
        options.ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
            ExtractionSchema.Name, BinaryData.FromString(ExtractionSchema.Json), jsonSchemaIsStrict: true);

        // One time limit for the whole attempt, the repair request included: the activity never outlasts
        // MODEL_TIMEOUT_SECONDS, which the job's deadline and the work items' visibility are computed from.
        using var attempt = new CancellationTokenSource(jobs.ModelTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attempt.Token);
        var usage = new TokenUsage(0, 0, 0);
        var completion = await CompleteAsync(messages, options, attempt, linked.Token);
        usage = Add(usage, completion.Usage);
        var parsed = ModelReplyParser.Parse(ReplyText(completion), Source);
        if (!parsed.IsValid)
        {
            // One repair attempt: show the model its reply and what was wrong with it.
            logger.LogWarning("Model reply failed the schema ({ProblemCount} problems); asking once more", parsed.Problems.Count);
            messages.Add(new AssistantChatMessage(ReplyText(completion) ?? string.Empty));
            messages.Add(new UserChatMessage(ExtractionPrompt.Repair(string.Join("; ", parsed.Problems))));
            completion = await CompleteAsync(messages, options, attempt, linked.Token);
            usage = Add(usage, completion.Usage);
            parsed = ModelReplyParser.Parse(ReplyText(completion), Source);
            if (!parsed.IsValid)
            {
                throw new FinalExtractionException(ExtractionErrorCodes.InvalidReply,
                    "The model's reply did not match the result schema, even after a second request.");
            }
        }
        return new ExtractedDocument(parsed.Document!, parsed.Fields!, usage, completion.Model ?? string.Empty);
    }

    /// <param name="attempt">The attempt's time limit; <paramref name="cancellationToken"/> includes it.</param>
    private async Task<ChatCompletion> CompleteAsync(List<ChatMessage> messages, ChatCompletionOptions options,
        CancellationTokenSource attempt, CancellationToken cancellationToken)
    {
        ChatCompletion completion;
        try
        {
            completion = (await chat.CompleteChatAsync(messages, options, cancellationToken)).Value;
        }
        catch (OperationCanceledException e) when (attempt.IsCancellationRequested)
        {
            throw new TransientExtractionException(ExtractionErrorCodes.Timeout,
                $"The model did not answer within {jobs.ModelTimeoutSeconds:0.###} s.", e);
        }
        catch (ClientResultException e)
        {
            throw ModelFailures.FromStatus(e);
        }
        catch (Exception e) when (ModelFailures.IsConnectionFailure(e))
        {
            throw new TransientExtractionException(ExtractionErrorCodes.ConnectionFailed,
                "The connection to the model service failed.", e);
        }

        if (completion.FinishReason == ChatFinishReason.Length)
        {
            throw new FinalExtractionException(ExtractionErrorCodes.Truncated,
                "The model's reply was cut off at the token limit (MODEL_MAX_TOKENS).");
        }
        if (completion.FinishReason == ChatFinishReason.ContentFilter)
            throw new FinalExtractionException(ExtractionErrorCodes.ContentFiltered, "The model service's content filter blocked the reply.");
        if (!string.IsNullOrEmpty(completion.Refusal))
            throw new FinalExtractionException(ExtractionErrorCodes.Refused, "The model refused to read this document.");
        return completion;
    }

    private static string? ReplyText(ChatCompletion completion) =>
        completion.Content.Count > 0 ? string.Concat(completion.Content.Select(p => p.Text)) : null;

    private static TokenUsage Add(TokenUsage total, ChatTokenUsage? usage) => usage is null
        ? total
        : new TokenUsage(total.PromptTokens + usage.InputTokenCount, total.CompletionTokens + usage.OutputTokenCount, total.TotalTokens + usage.TotalTokenCount);
}
