using KycOcr.Core.Configuration;
using KycOcr.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace KycOcr.Core.Http;

/// <summary>
/// <c>GET /health</c>: whether storage and the model endpoint answer. No key needed and nothing secret in
/// the answer (no endpoint, key or account name). 200 when jobs can be accepted (storage up), else 503.
/// </summary>
public sealed class HealthHandler(BlobJobStore store, IOptions<ModelOptions> model, IHttpClientFactory httpClients)
{
    public const string HttpClientName = "health";
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<IResult> HandleAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        var storageProbe = store.IsReachableAsync(timeout.Token);
        var modelProbe = ModelReachableAsync(timeout.Token);
        var storage = await storageProbe;
        var modelReachable = await modelProbe;

        var body = new
        {
            status = storage ? "ok" : "unavailable",
            storage = new { reachable = storage },
            model = new { extractor = model.Value.EffectiveExtractor, reachable = modelReachable },
        };
        return ApiResults.Json(storage ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, body);
    }

    /// <summary>Any HTTP answer from the endpoint counts as reachable; the offline reader is always there.</summary>
    private async Task<bool> ModelReachableAsync(CancellationToken cancellationToken)
    {
        var endpoint = model.Value.EffectiveExtractor switch
        {
            ModelOptions.AzureOpenAi => model.Value.AzureOpenAiEndpoint,
            ModelOptions.OpenAi => model.Value.OpenAiBaseUrl,
            _ => null,
        };
        if (endpoint is null)
            return true;
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).GetAsync(endpoint, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }
}
