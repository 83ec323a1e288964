using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using System.Text.Json;
using KycOcr.Core.Configuration;
using KycOcr.Core.Extraction;
using Microsoft.Extensions.Options;

namespace KycOcr.Core.Storage;

/// <summary>
/// The two containers of the storage-drop path: <c>inbox</c>, where a client's backend drops documents
/// (watched through Event Grid), and <c>results</c>, where each inbox job's outcome is written as JSON
/// under a name derived from the dropped blob's. Both private.
/// </summary>
public sealed class InboxStore(BlobServiceClient service, IOptions<StorageOptions> options)
{
    private readonly BlobContainerClient _inbox = service.GetBlobContainerClient(options.Value.InboxContainer);
    private readonly BlobContainerClient _results = service.GetBlobContainerClient(options.Value.ResultsContainer);

    public string InboxContainerName => _inbox.Name;

    public string ResultsContainerName => _results.Name;

    /// <summary>
    /// A drop of several pages: the pages go into a folder <c>name.pages/</c>, where they start nothing, then the manifest
    /// <c>name.pages.json</c>, which lists them and starts their one job.
    /// </summary>
    public const string ManifestSuffix = ".pages.json";

    public static bool IsManifest(string blobName) => blobName.EndsWith(ManifestSuffix, StringComparison.Ordinal);

    /// <summary>A page of a drop of several pages, which waits for its manifest.</summary>
    public static bool IsManifestPage(string blobName) => blobName.Contains(".pages/", StringComparison.Ordinal);

    /// <summary><c>a/scan.pages.json</c> → <c>a/scan.pages/</c>, where its pages are.</summary>
    public static string PagesFolder(string manifestName) => manifestName[..^".json".Length] + "/";

    /// <summary><c>a/b/passport.jpg</c> → <c>a/b/passport.jpg.result.json</c>.</summary>
    public static string ResultBlobName(string inboxBlobName) => inboxBlobName + ".result.json";

    /// <summary>Names of the blobs in the inbox now (for hosts without Event Grid, which poll).</summary>
    public Task<IReadOnlyList<string>> ListInboxAsync(CancellationToken cancellationToken = default) =>
        StorageCalls.ListNamesAsync(_inbox, prefix: null, cancellationToken);

    /// <summary>The dropped blob's ETag and size, or null when it is gone.</summary>
    public Task<(string ETag, long Size)?> InboxPropertiesAsync(string blobName, CancellationToken cancellationToken = default) =>
        StorageCalls.Guard<(string, long)?>(async () =>
        {
            try
            {
                var properties = (await _inbox.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
                return (properties.ETag.ToString(), properties.ContentLength);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
        });

    /// <summary>The dropped blob's bytes as of <paramref name="etag"/>, or null when it is gone or has changed since.</summary>
    public Task<BinaryData?> ReadInboxAsync(string blobName, string etag, CancellationToken cancellationToken = default) =>
        StorageCalls.Guard<BinaryData?>(async () =>
        {
            try
            {
                var download = await _inbox.GetBlobClient(blobName).DownloadContentAsync(new BlobDownloadOptions
                {
                    Conditions = new BlobRequestConditions { IfMatch = new ETag(etag) },
                }, cancellationToken);
                return download.Value.Content;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                return null;
            }
        });

    /// <summary>Deletes a drop: the blob, and for a manifest the folder of pages it names.</summary>
    public async Task DeleteInboxAsync(string blobName, CancellationToken cancellationToken = default)
    {
        if (IsManifest(blobName))
            await StorageCalls.DeleteWhereAsync(_inbox, PagesFolder(blobName), _ => true, cancellationToken);
        await StorageCalls.Guard(() => _inbox.DeleteBlobIfExistsAsync(blobName, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken));
    }

    /// <summary>Ends a drop: its outcome goes to the results container, then the dropped blob is deleted. Idempotent.</summary>
    public async Task<string> PublishAsync(string inboxBlobName, InboxResult result, CancellationToken cancellationToken = default)
    {
        var resultBlob = ResultBlobName(inboxBlobName);
        await WriteResultAsync(resultBlob, BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(result, KycJson.Options)), cancellationToken);
        await DeleteInboxAsync(inboxBlobName, cancellationToken);
        return resultBlob;
    }

    private Task WriteResultAsync(string blobName, BinaryData json, CancellationToken cancellationToken) =>
        StorageCalls.Guard(async () =>
        {
            await _results.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
            await _results.GetBlobClient(blobName).UploadAsync(json, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            }, cancellationToken);
        });

    public Task<BinaryData?> ReadResultAsync(string blobName, CancellationToken cancellationToken = default) =>
        StorageCalls.Guard<BinaryData?>(async () =>
        {
            try
            {
                return (await _results.GetBlobClient(blobName).DownloadContentAsync(cancellationToken)).Value.Content;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
        });

    public Task DeleteResultAsync(string blobName, CancellationToken cancellationToken = default) =>
        StorageCalls.Guard(() => _results.DeleteBlobIfExistsAsync(blobName, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken));

    /// <summary>Deletes pages whose manifest never came, written before <paramref name="cutoff"/>; returns how many.</summary>
    public Task<int> DeletePagesOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        StorageCalls.DeleteWhereAsync(_inbox, prefix: null, blob => IsManifestPage(blob.Name) && blob.Properties.LastModified < cutoff, cancellationToken);

    /// <summary>Deletes result blobs written before <paramref name="cutoff"/>; returns how many.</summary>
    public Task<int> DeleteResultsOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        StorageCalls.DeleteWhereAsync(_results, prefix: null, blob => blob.Properties.LastModified < cutoff, cancellationToken);
}

/// <summary>A result blob: the job id, how it ended (succeeded, rejected, failed), and the GET /id 200 body or the error.</summary>
public sealed record InboxResult(string Id, string Status, DocumentResult? Result, ApiError? Error);
