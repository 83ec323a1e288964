using System.Diagnostics;
using System.Text.Json;
using KycOcr.Core;
using KycOcr.Core.Configuration;
using KycOcr.Core.Extraction;
using KycOcr.Core.Jobs;
using KycOcr.Core.Preprocessing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KycOcr.Cli.Commands;

/// <summary>
/// <c>kycocr extract &lt;image&gt;</c>: the job's two stages run once, in this process: the preprocessor and the
/// <see cref="ExtractionStage"/> the activities run. Prints the 200 body of <c>GET /id</c> (exit 0), the 422 body
/// (exit 1) or an error object (exit 2).
/// </summary>
public static class ExtractCommand
{
    public static async Task<int> RunAsync(string imagePath, IConfiguration configuration, TextWriter stdout)
    {
        await using var services = new ServiceCollection().AddLogging().AddKycOcrCore(configuration).BuildServiceProvider();
        try
        {
            ValidateOptions(services);
            if (!File.Exists(imagePath))
                return await WriteAsync(stdout, new ApiError($"No file at {imagePath}.", "file_not_found"), ExitCodes.Error);

            var stopwatch = Stopwatch.StartNew();
            var prepared = services.GetRequiredService<IImagePreprocessor>().Prepare(await File.ReadAllBytesAsync(imagePath));
            if (prepared is PreparedImage.Refused refused)
            {
                var exit = refused.Error.Code == ErrorCodes.QualityRejected ? ExitCodes.Rejected : ExitCodes.Error;
                return await WriteAsync(stdout, refused.Error, exit);
            }

            var accepted = (PreparedImage.Accepted)prepared;
            var preprocessingMs = stopwatch.ElapsedMilliseconds;
            var extracted = await services.GetRequiredService<ExtractionStage>().RunAsync(accepted.Jpeg, accepted.Mrz);
            var pages = PageReport.Of([new JobPage(imagePath)], [new PreprocessOutcome.Prepared(imagePath, accepted.Quality, accepted.Mrz, preprocessingMs)]);
            return JobResult.Of(TaskIds.New(), accepted.Quality, preprocessingMs, extracted, pages) switch
            {
                JobOutcome.Succeeded succeeded => await WriteAsync(stdout, succeeded.Result, ExitCodes.Accepted),
                JobOutcome.Ended ended => await WriteAsync(stdout, ended.Error,
                    JobOutcomeStatus.Of(ended.Error.Code) == JobOutcomeStatus.Rejected ? ExitCodes.Rejected : ExitCodes.Error),
                _ => throw new InvalidOperationException("Not a job outcome."),
            };
        }
        catch (OptionsValidationException e)
        {
            return await WriteAsync(stdout, new ApiError(e.Message, "invalid_configuration"), ExitCodes.Error);
        }
        catch (TransientExtractionException e)
        {
            return await WriteAsync(stdout, new ApiError(e.Message + " Try again later.", e.Code), ExitCodes.Error);
        }
    }

    private static void ValidateOptions(IServiceProvider services)
    {
        _ = services.GetRequiredService<IOptions<ApiOptions>>().Value;
        _ = services.GetRequiredService<IOptions<JobOptions>>().Value;
        _ = services.GetRequiredService<IOptions<ModelOptions>>().Value;
    }

    private static async Task<int> WriteAsync(TextWriter stdout, object body, int exitCode)
    {
        await stdout.WriteLineAsync(JsonSerializer.Serialize(body, KycJson.Options));
        return exitCode;
    }
}
