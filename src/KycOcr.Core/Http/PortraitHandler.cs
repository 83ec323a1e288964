using System.Globalization;
using KycOcr.Core.Auth;
using KycOcr.Core.Jobs;
using KycOcr.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace KycOcr.Core.Http;

/// <summary>
/// <c>GET /portrait?task_id=[&amp;page=]</c>: the holder's portrait as found on the job's pages, as <c>image/jpeg</c>
/// (the first page that shows one, or the page asked for). Biometric data: only the key that submitted the job reads
/// it, inbox jobs keep none, and it goes with the result (<c>RESULT_TTL</c>, <c>DELETE /id</c>).
/// </summary>
public sealed class PortraitHandler(CallerGate gate, BlobJobStore store)
{
    public const string PageParameter = "page";

    public async Task<IResult> HandleAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (job, refusal) = await OwnedTask.FindAsync(request, gate, RequestCost.Read, durable, cancellationToken);
        if (refusal is not null)
            return refusal;

        var input = job!.ReadInputAs<JobRequest>()!;
        var pageCount = input.AllPages().Count;
        var asked = request.Query[PageParameter].ToString();
        int[] pages;
        if (asked.Length == 0)
        {
            pages = Enumerable.Range(0, pageCount).ToArray();
        }
        else if (int.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 && page <= pageCount)
        {
            pages = [page - 1];
        }
        else
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, ErrorCodes.InvalidPage, $"The page must be a number from 1 to {pageCount}, the job's pages.");
        }

        try
        {
            foreach (var index in pages)
            {
                if (await store.ReadAsync(BlobJobStore.PortraitBlobName(job.InstanceId, index), cancellationToken) is { } crop)
                    return ApiResults.Jpeg(crop);
            }
        }
        catch (StorageUnavailableException)
        {
            return ApiResults.StorageUnavailable("The portrait could not be read right now. Try again in a minute.");
        }

        return ApiResults.Error(StatusCodes.Status404NotFound, ErrorCodes.PortraitNotFound, job.IsCompleted
            ? "No portrait was found on the document: the result's pages[].portrait is null."
            : "No portrait yet: the job is still running. Poll GET /id until it ends.");
    }
}
