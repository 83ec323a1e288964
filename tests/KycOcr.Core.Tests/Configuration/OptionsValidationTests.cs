using KycOcr.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KycOcr.Core.Tests.Configuration;

public sealed class OptionsValidationTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddKycOcrCore(configuration).BuildServiceProvider();
    }

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var services = Services(new());

        var api = services.GetRequiredService<IOptions<ApiOptions>>().Value;
        var jobs = services.GetRequiredService<IOptions<JobOptions>>().Value;
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var model = services.GetRequiredService<IOptions<ModelOptions>>().Value;

        Assert.Equal(20L * 1024 * 1024, api.MaxUploadBytes);
        Assert.Equal(50_000_000, api.MaxImagePixels);
        Assert.Equal(3, jobs.ExtractionMaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(60), jobs.ExtractionRetryInterval);
        Assert.Equal(TimeSpan.FromSeconds(60), jobs.ModelTimeout);
        Assert.Equal(TimeSpan.FromMinutes(10), jobs.JobDeadline);
        Assert.Equal(TimeSpan.FromMinutes(30), jobs.ResultTtl);
        Assert.Equal("uploads", storage.UploadsContainer);
        Assert.Equal(StorageOptions.DevelopmentStorage, storage.EffectiveConnectionString);
        Assert.Equal(ModelOptions.Offline, model.EffectiveExtractor);
    }

    [Fact]
    public void Settings_bind_from_their_flat_names()
    {
        var services = Services(new()
        {
            ["MAX_UPLOAD_BYTES"] = "1048576",
            ["EXTRACTION_MAX_RETRIES"] = "1",
            ["EXTRACTION_RETRY_INTERVAL_SECONDS"] = "0.5",
            ["UPLOADS_CONTAINER"] = "my-uploads",
            ["OPENAI_BASE_URL"] = "http://127.0.0.1:9/v1",
        });

        Assert.Equal(1048576, services.GetRequiredService<IOptions<ApiOptions>>().Value.MaxUploadBytes);
        var jobs = services.GetRequiredService<IOptions<JobOptions>>().Value;
        Assert.Equal(new KycOcr.Core.Jobs.JobPolicy(2, 500, 600_000), jobs.ToPolicy());
        Assert.Equal("my-uploads", services.GetRequiredService<IOptions<StorageOptions>>().Value.UploadsContainer);
        Assert.Equal(ModelOptions.OpenAi, services.GetRequiredService<IOptions<ModelOptions>>().Value.EffectiveExtractor);
    }

    [Fact]
    public void The_identity_based_storage_account_binds_from_its_environment_variable()
    {
        // Environment variables are how the Functions host hands app settings to the worker.
        Environment.SetEnvironmentVariable("KYCOCRTEST_AzureWebJobsStorage__accountName", "kycocrprod");
        try
        {
            var fromEnvironment = new ConfigurationBuilder().AddEnvironmentVariables("KYCOCRTEST_").Build();
            var services = new ServiceCollection().AddLogging().AddKycOcrCore(fromEnvironment).BuildServiceProvider();

            var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;

            Assert.Equal("kycocrprod", storage.AccountName);
            Assert.Null(storage.ConnectionString);
            Assert.Equal(string.Empty, storage.EffectiveConnectionString); // the account name wins over the emulator default
        }
        finally
        {
            Environment.SetEnvironmentVariable("KYCOCRTEST_AzureWebJobsStorage__accountName", null);
        }
    }

    [Theory]
    [InlineData("JOB_DEADLINE_SECONDS", "300", "must exceed the extraction's worst case")] // 4 x 60 + 3 x 60 = 420 s
    [InlineData("UPLOADS_CONTAINER", "Bad_Name", "UploadsContainer")]
    [InlineData("MAX_UPLOAD_BYTES", "0", "MaxUploadBytes")]
    [InlineData("EXTRACTOR", "tesseract", "EXTRACTOR must be one of")]
    [InlineData("EXTRACTOR", "azure-openai", "AZURE_OPENAI_ENDPOINT")]
    [InlineData("MODEL_IMAGE_DETAIL", "ultra", "ImageDetail")]
    public void Invalid_settings_are_refused_with_a_message_naming_them(string name, string value, string expected)
    {
        var services = Services(new() { [name] = value });

        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            _ = services.GetRequiredService<IOptions<ApiOptions>>().Value;
            _ = services.GetRequiredService<IOptions<JobOptions>>().Value;
            _ = services.GetRequiredService<IOptions<ModelOptions>>().Value;
        });
        Assert.Contains(expected, error.Message);
    }

    public const string GoodKey = "good-key-0123456789abcdef";

    /// <summary>Each form of key that would let a caller in without a real key stops the start.</summary>
    [Theory]
    [InlineData("API_KEYS", "@Microsoft.KeyVault(VaultName=kv-kycocr;SecretName=api-keys)", "API_KEYS is an unresolved Key Vault reference")]
    [InlineData("API_KEYS", "@microsoft.keyvault(SecretUri=https://kv-kycocr.vault.azure.net/secrets/api-keys/)", "unresolved Key Vault reference")]
    [InlineData("API_KEYS", GoodKey + ",,other-key-0123456789abcdef", "API_KEYS (key 2 of 3) is empty")]
    [InlineData("API_KEYS", GoodKey + ",", "API_KEYS (key 2 of 2) is empty")]
    [InlineData("API_KEYS", GoodKey + ", short-key1", "API_KEYS (key 2 of 2) is 10 characters long; keys must have at least 16")]
    [InlineData("API_KEY", "tiny-key", "API_KEY is 8 characters long")]
    public void Api_keys_that_would_fail_open_are_refused_without_showing_the_key(string name, string value, string expected)
    {
        var services = Services(new() { [name] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ApiOptions>>().Value);

        Assert.Contains(expected, error.Message);
        foreach (var key in value.Split(',').Select(k => k.Trim()).Where(k => k.Length > 0))
            Assert.DoesNotContain(key, error.Message);
        Assert.DoesNotContain("SecretName", error.Message);
    }

    [Fact]
    public void Long_keys_and_no_keys_at_all_start()
    {
        Assert.Equal(2, Services(new() { ["API_KEYS"] = $" {GoodKey} , other-key-0123456789abcdef " }).GetRequiredService<IOptions<ApiOptions>>().Value.AllKeys().Count);
        // No key: the service starts and lets nobody in (ApiKeyAuthenticatorTests).
        Assert.Empty(Services(new()).GetRequiredService<IOptions<ApiOptions>>().Value.AllKeys());
    }
}
