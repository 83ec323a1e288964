using Azure;

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

    public static bool IsTransport(Exception e) =>
        e is HttpRequestException or IOException or TimeoutException
        || (e is TaskCanceledException && e.InnerException is TimeoutException)
        || (e is RequestFailedException r && (r.Status == 0 || r.Status >= 500));
}
