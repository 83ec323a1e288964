using System.Text.Json;
using KycOcr.Core;
using KycOcr.Core.Configuration;
using KycOcr.Core.Imaging;
using KycOcr.Core.Mrz.Reading;
using KycOcr.Core.Preprocessing;
using KycOcr.Core.Quality;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KycOcr.Cli.Commands;

/// <summary>
/// <c>kycocr check &lt;image&gt; [--strictness easy|medium|hard]</c>: the job's preprocessing alone (the MRZ read and
/// the quality gate), no model call.
/// Prints <c>{"accepted", "checks", "document"}</c>; exit 0 accepted, 1 rejected for quality, 2 unreadable
/// or refused input (an object with <c>error</c> and <c>code</c>).
/// </summary>
public static class CheckCommand
{
    public static async Task<int> RunAsync(string imagePath, string? strictness, IConfiguration configuration, TextWriter stdout)
    {
        if (strictness is not null && QualityPresets.For(strictness) is null)
            return await WriteAsync(stdout, new ApiError($"--strictness must be one of {string.Join(", ", QualityPresets.Names)}.", "invalid_arguments"), ExitCodes.Error);

        await using var services = new ServiceCollection().AddLogging().AddKycOcrCore(configuration).BuildServiceProvider();
        try
        {
            _ = services.GetRequiredService<IOptions<ApiOptions>>().Value;
            _ = services.GetRequiredService<IOptions<ModelOptions>>().Value;
            var options = services.GetRequiredService<IOptions<QualityOptions>>().Value;
            if (strictness is not null)
                options.Strictness = strictness;
            if (!File.Exists(imagePath))
                return await WriteAsync(stdout, new ApiError($"No file at {imagePath}.", "file_not_found"), ExitCodes.Error);

            // The job's own preprocessing (built after the strictness is set): the same reading, the same verdict.
            using var outcome = services.GetRequiredService<DocumentPreprocessor>().Inspect(await File.ReadAllBytesAsync(imagePath));
            return await WriteAsync(stdout, outcome.Report.ToSummary(), outcome.Report.Accepted ? ExitCodes.Accepted : ExitCodes.Rejected);
        }
        catch (ImageRejectedException e)
        {
            return await WriteAsync(stdout, e.ToApiError(), ExitCodes.Error);
        }
        catch (MrzFontUnavailableException e)
        {
            return await WriteAsync(stdout, new ApiError(e.Message, "invalid_configuration"), ExitCodes.Error);
        }
        catch (OptionsValidationException e)
        {
            return await WriteAsync(stdout, new ApiError(e.Message, "invalid_configuration"), ExitCodes.Error);
        }
    }

    private static async Task<int> WriteAsync(TextWriter stdout, object body, int exitCode)
    {
        await stdout.WriteLineAsync(JsonSerializer.Serialize(body, KycJson.Options));
        return exitCode;
    }
}
