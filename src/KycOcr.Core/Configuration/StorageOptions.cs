using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace KycOcr.Core.Configuration;

/// <summary>Where uploads, inbox documents and results live. Bound from the flat setting names of the README.</summary>
public sealed class StorageOptions
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>Connection string; the Functions host reads the same setting for the durable engine.</summary>
    [ConfigurationKeyName("AzureWebJobsStorage")]
    public string? ConnectionString { get; set; }

    /// <summary>Identity-based connection (Azure): the account name, used when no connection string is set.</summary>
    [ConfigurationKeyName("AzureWebJobsStorage__accountName")]
    public string? AccountName { get; set; }

    [ConfigurationKeyName("UPLOADS_CONTAINER"), Required, RegularExpression(ContainerNamePattern)]
    public string UploadsContainer { get; set; } = "uploads";

    [ConfigurationKeyName("INBOX_CONTAINER"), Required, RegularExpression(ContainerNamePattern)]
    public string InboxContainer { get; set; } = "inbox";

    [ConfigurationKeyName("RESULTS_CONTAINER"), Required, RegularExpression(ContainerNamePattern)]
    public string ResultsContainer { get; set; } = "results";

    // Blob Storage's own rule for container names.
    private const string ContainerNamePattern = "^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$";

    /// <summary>The connection string to use when neither setting is given: the local emulator.</summary>
    public string EffectiveConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString) && string.IsNullOrWhiteSpace(AccountName)
            ? DevelopmentStorage
            : ConnectionString ?? string.Empty;
}
