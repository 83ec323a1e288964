using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace KycOcr.Core.Storage;

/// <summary>Turns the storage SDK's transport and server failures into <see cref="StorageUnavailableException"/>.</summary>
internal static class StorageCalls
{
    public static async Task Guard(Func<Task> action) => await Guard(async () => { await action(); return true; });

    public static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (RequestFailedException e) when (e.Status == 0 || e.Status >= 500)
        {
            throw new StorageUnavailableException("Blob Storage answered with an error.", e);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(IsTransport))
        {
            throw new StorageUnavailableException("Blob Storage could not be reached.", e);
        }
        catch (Exception e) when (IsTransport(e))
        {
            throw new StorageUnavailableException("Blob Storage could not be reached.", e);
        }
    }

    /// <summary>Deletes the blobs under <paramref name="prefix"/> that <paramref name="match"/>; a missing container has none.</summary>
    public static Task<int> DeleteWhereAsync(BlobContainerClient container, string? prefix, Func<BlobItem, bool> match, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var deleted = 0;
            try
            {
                await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
                {
                    if (match(blob) && (await container.DeleteBlobIfExistsAsync(blob.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken)).Value)
                        deleted++;
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // The container itself is gone: nothing left to delete.
            }
            return deleted;
        });

    /// <summary>Names of the blobs under <paramref name="prefix"/>; a missing container has none.</summary>
    public static Task<IReadOnlyList<string>> ListNamesAsync(BlobContainerClient container, string? prefix, CancellationToken cancellationToken) =>
        Guard<IReadOnlyList<string>>(async () =>
        {
            var names = new List<string>();
            try
            {
                await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
                    names.Add(blob.Name);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
            }
            return names;
        });

    public static bool IsTransport(Exception e) =>
        e is HttpRequestException or IOException or TimeoutException
        || (e is TaskCanceledException && e.InnerException is TimeoutException)
        || (e is RequestFailedException r && (r.Status == 0 || r.Status >= 500));
}
