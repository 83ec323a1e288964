using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using KycOcr.Core.Configuration;
using Microsoft.Extensions.Options;

namespace KycOcr.Core.Storage;

/// <summary>
/// A job's blobs. Every blob of a job lives under the prefix <c>{taskId}/</c> of the private uploads
/// container, so one prefix listing finds and deletes all of them, whatever stage wrote them.
/// Names are chosen here: a client's file name never becomes a path.
/// </summary>
public sealed class BlobJobStore : IDisposable
{
    private readonly BlobContainerClient _uploads;
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private volatile bool _created;

    public BlobJobStore(BlobServiceClient service, IOptions<StorageOptions> options)
    {
        _uploads = service.GetBlobContainerClient(options.Value.UploadsContainer);
    }

    public string ContainerName => _uploads.Name;

    public void Dispose() => _createGate.Dispose();

    /// <summary>A page's upload; the first page keeps the single-page name, so jobs stored before pages read as ever.</summary>
    public static string UploadBlobName(string taskId, string extension, int page = 0) =>
        page == 0 ? $"{taskId}/upload{extension}" : $"{taskId}/upload-{page + 1}{extension}";

    public static string PreprocessedBlobName(string taskId, int page = 0) =>
        page == 0 ? $"{taskId}/preprocessed.jpg" : $"{taskId}/preprocessed-{page + 1}.jpg";

    /// <summary>
    /// A page's portrait crop: kept past the job's end, for <c>GET /portrait</c>, until the result goes (<c>RESULT_TTL</c>
    /// or <c>DELETE /id</c>), which deletes every blob of the job.
    /// </summary>
    public static string PortraitBlobName(string taskId, int page) => $"{taskId}/{PortraitPrefix}{page + 1}.jpg";

    public static bool IsPortraitBlob(string blobName) => blobName.AsSpan(blobName.IndexOf('/') + 1).StartsWith(PortraitPrefix, StringComparison.Ordinal);

    private const string PortraitPrefix = "portrait-";

    public Task SaveAsync(string blobName, BinaryData content, string contentType, CancellationToken cancellationToken = default) =>
        StorageCalls.Guard(async () =>
        {
            await EnsureContainerAsync(cancellationToken);
            await _uploads.GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            }, cancellationToken);
        });

    /// <summary>Writes the blob only if it does not exist yet; false when another request wrote it first.</summary>
    public Task<bool> TryCreateAsync(string blobName, BinaryData content, string contentType, CancellationToken cancellationToken = default) =>
        StorageCalls.Guard(async () =>
        {
            await EnsureContainerAsync(cancellationToken);
            try
            {
                await _uploads.GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                }, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                return false;
            }
        });

    public static string IdempotencyMarkerBlobName(string taskId) => $"{taskId}/idempotency";

    /// <summary>The blob's bytes, or null when it no longer exists (the job was cleaned or erased).</summary>
    public Task<BinaryData?> ReadAsync(string blobName, CancellationToken cancellationToken = default) =>
        StorageCalls.Guard<BinaryData?>(async () =>
        {
            try
            {
                var result = await _uploads.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
                return result.Value.Content;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
        });

    /// <summary>Deletes what a job worked on (its uploads and prepared images) when it ends; its portraits stay with its result.</summary>
    public Task<int> DeleteJobWorkBlobsAsync(string taskId, CancellationToken cancellationToken = default) =>
        StorageCalls.DeleteWhereAsync(_uploads, taskId + "/", blob => !IsPortraitBlob(blob.Name), cancellationToken);

    /// <summary>Deletes every blob of the job; returns how many were deleted.</summary>
    public Task<int> DeleteJobBlobsAsync(string taskId, CancellationToken cancellationToken = default) =>
        StorageCalls.DeleteWhereAsync(_uploads, taskId + "/", _ => true, cancellationToken);

    /// <summary>Deletes every blob last written before <paramref name="cutoff"/>, whatever job it belonged to.</summary>
    public Task<int> DeleteBlobsOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        StorageCalls.DeleteWhereAsync(_uploads, prefix: null, blob => blob.Properties.LastModified < cutoff, cancellationToken);

    /// <summary>Names of the job's blobs still stored (for tests and diagnostics).</summary>
    public Task<IReadOnlyList<string>> ListJobBlobsAsync(string taskId, CancellationToken cancellationToken = default) =>
        StorageCalls.ListNamesAsync(_uploads, taskId + "/", cancellationToken);

    /// <summary>True when storage answers now (for <c>GET /health</c>): a real request every time, creating nothing.</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await StorageCalls.Guard(() => _uploads.ExistsAsync(cancellationToken));
            return true;
        }
        catch (StorageUnavailableException)
        {
            return false;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The probe's time ran out while the SDK was still retrying a refused connection: no answer is an answer.
            return false;
        }
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_created)
            return;
        await _createGate.WaitAsync(cancellationToken);
        try
        {
            if (!_created)
            {
                // Private: no public access level, ever.
                await _uploads.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
                _created = true;
            }
        }
        finally
        {
            _createGate.Release();
        }
    }
}
