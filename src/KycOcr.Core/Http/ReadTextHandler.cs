using KycOcr.Core.Auth;
using KycOcr.Core.Configuration;
using KycOcr.Core.Imaging;
using KycOcr.Core.Jobs;
using KycOcr.Core.Storage;
using KycOcr.Core.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KycOcr.Core.Http;

/// <summary>
/// <c>POST /read_text</c>: authenticate, read and sniff the upload, store it in the private uploads
/// container and start the job with the blob's name. Host-agnostic: any host maps it.
/// </summary>
public sealed class ReadTextHandler(
    CallerGate gate,
    UploadReader reader,
    BlobJobStore store,
    JobSubmitter submitter,
    IOptions<ApiOptions> api,
    ILogger<ReadTextHandler> logger)
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public async Task<IResult> HandleAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (owner, refusal) = gate.Admit(request, RequestCost.Submission);
        if (refusal is not null)
            return refusal;

        // A repeated request with the same Idempotency-Key gets the first request's job, not a second one.
        var idempotencyKey = request.Headers[IdempotencyHeader].ToString();
        if (idempotencyKey.Length > 0 && !IsValidIdempotencyKey(idempotencyKey))
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, ErrorCodes.InvalidIdempotencyKey,
                $"The {IdempotencyHeader} header must be 1 to 255 visible ASCII characters, e.g. a UUID.");
        }
        var taskId = idempotencyKey.Length > 0 ? TaskIds.Derived("idempotency", owner!, idempotencyKey) : TaskIds.New();
        if (idempotencyKey.Length > 0 && await durable.GetInstanceAsync(taskId, cancellationToken) is not null)
            return Accepted(taskId, replayed: true);

        var upload = await reader.ReadAsync(request, cancellationToken);
        if (upload.Error is { } readError)
            return ApiResults.Error(upload.Status, readError);

        // Every page meets the checks a single upload meets; a refusal names the page when there are several.
        var uploaded = upload.Pages!;
        var pages = new List<SubmittedPage>();
        foreach (var (page, index) in uploaded.Select((p, i) => (p, i)))
        {
            try
            {
                var header = ImageDecoder.Inspect(page.Bytes, api.Value.MaxImagePixels);
                pages.Add(new SubmittedPage(BinaryData.FromBytes(page.Bytes), header.Format.Extension(), header.Format.ContentType(), page.NamedSide));
            }
            catch (ImageRejectedException e)
            {
                return ApiResults.Error(StatusFor(e.Code), uploaded.Count == 1 ? e.ToApiError() : UploadReader.OfPage(e.ToApiError(), index));
            }
        }

        try
        {
            if (idempotencyKey.Length > 0
                && !await store.TryCreateAsync(BlobJobStore.IdempotencyMarkerBlobName(taskId), BinaryData.Empty, "text/plain", cancellationToken))
            {
                return Accepted(taskId, replayed: true); // a concurrent request with the same key is starting it
            }
            var started = await submitter.StartAsync(new JobSubmission(taskId, pages, owner!, KycOcrTelemetry.HttpSource), durable, cancellationToken);
            return Accepted(taskId, replayed: idempotencyKey.Length > 0 && !started);
        }
        catch (StorageUnavailableException e)
        {
            logger.LogError(e.InnerException, "Accepting an upload failed: storage unavailable");
            return StorageUnavailable();
        }
    }

    private static IResult Accepted(string taskId, bool replayed)
    {
        var headers = new Dictionary<string, string>
        {
            ["Location"] = $"/id?task_id={taskId}",
            ["Retry-After"] = PollingAdvice.RetryAfter,
        };
        if (replayed)
            headers["Idempotent-Replayed"] = "true";
        return ApiResults.Json(StatusCodes.Status202Accepted, new { id = taskId }, headers);
    }

    private static bool IsValidIdempotencyKey(string key) => key.Length <= 255 && key.All(c => c is >= '!' and <= '~');

    private static int StatusFor(string code) => code switch
    {
        ErrorCodes.ImageTooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorCodes.EmptyUpload => StatusCodes.Status400BadRequest,
        ErrorCodes.ImageTruncated => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status415UnsupportedMediaType,
    };

    private static IResult StorageUnavailable() =>
        ApiResults.StorageUnavailable("The service cannot store uploads right now. Try again in a minute.");
}
