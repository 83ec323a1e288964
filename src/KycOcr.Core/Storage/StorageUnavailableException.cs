namespace KycOcr.Core.Storage;

/// <summary>Blob Storage could not be reached or answered with a server error; the caller may try again later.</summary>
public sealed class StorageUnavailableException(string message, Exception inner) : Exception(message, inner);
