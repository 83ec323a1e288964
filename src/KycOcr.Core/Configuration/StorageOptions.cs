using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace KycOcr.Core.Configuration;

/// <summary>Where uploads, inbox documents and results live. Bound from the flat setting names of the README.</summary>
public sealed class StorageOptions
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public const string ConnectionSetting = "AzureWebJobsStorage";

    // Environment variables name it AzureWebJobsStorage__accountName; configuration turns "__" into ":".
    public const string AccountNameSetting = "AzureWebJobsStorage:accountName";

    /// <summary>Connection string; the Functions host reads the same setting for the durable engine.</summary>
    /// <remarks>
    /// Read by <see cref="FromConfiguration"/>, not by the binder: the setting is both a value and the parent
    /// of <see cref="AccountNameSetting"/>, which the binder cannot map onto a string.
    /// </remarks>
    public string? ConnectionString { get; internal set; }

    /// <summary>Identity-based connection (Azure): the account name, used when no connection string is set.</summary>
    public string? AccountName { get; internal set; }

    [ConfigurationKeyName("UPLOADS_CONTAINER"), Required, RegularExpression(ContainerNamePattern)]
    public string UploadsContainer { get; set; } = "uploads";

    [ConfigurationKeyName("INBOX_CONTAINER"), Required, RegularExpression(ContainerNamePattern)]
    public string InboxContainer { get; set; } = "inbox";

    [ConfigurationKeyName("RESULTS_CONTAINER"), Required, RegularExpression(ContainerNamePattern)]
    public string ResultsContainer { get; set; } = "results";

    // Blob Storage's own rule for container names.
    private const string ContainerNamePattern = "^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$";

    /// <summary>Reads the two connection settings that the binder cannot.</summary>
    public void FromConfiguration(IConfiguration configuration)
    {
        ConnectionString = NullIfEmpty(configuration[ConnectionSetting]);
        AccountName = NullIfEmpty(configuration[AccountNameSetting]);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The connection string to use when neither setting is given: the local emulator.</summary>
    public string EffectiveConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString) && string.IsNullOrWhiteSpace(AccountName)
            ? DevelopmentStorage
            : ConnectionString ?? string.Empty;
}
