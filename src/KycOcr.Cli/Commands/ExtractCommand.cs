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
/// <c>kycocr extract &lt;image&gt; [&lt;image&gt; ...]</c>: the job's two stages run once, in this process, on one
/// document's pages: the preprocessor, the page choice and the
/// <see cref="ExtractionStage"/> the activities run. Prints the 200 body of <c>GET /id</c> (exit 0), the 422 body
/// (exit 1) or an error object (exit 2).
/// </summary>
public static class ExtractCommand
{
    /// <param name="imagePaths">The pages of one document (its front and back, say), as a job's pages.</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> imagePaths, IConfiguration configuration, TextWriter stdout)
    {
        await using var services = new ServiceCollection().AddLogging().AddKycOcrCore(configuration).BuildServiceProvider();
        try
        {
            ValidateOptions(services);
            if (imagePaths.FirstOrDefault(path => !File.Exists(path)) is { } missing)
                return await WriteAsync(stdout, new ApiError($"No file at {missing}.", "file_not_found"), ExitCodes.Error);
            var maxPages = services.GetRequiredService<IOptions<ApiOptions>>().Value.MaxPages;
            if (imagePaths.Count > maxPages)
            {
                return await WriteAsync(stdout, new ApiError(
                    $"A job takes at most {maxPages} pages (MAX_PAGES); {imagePaths.Count} images were given.", ErrorCodes.TooManyPages), ExitCodes.Error);
            }

            // The pages one after another, as the job's activities would prepare them (side by side there).
            var preprocessor = services.GetRequiredService<IImagePreprocessor>();
            var outcomes = new List<PreprocessOutcome>();
            var jpegs = new Dictionary<int, byte[]>();
            foreach (var path in imagePaths)
            {
                var stopwatch = Stopwatch.StartNew();
                var prepared = preprocessor.Prepare(await File.ReadAllBytesAsync(path));
                if (prepared is PreparedImage.Accepted accepted)
                {
                    jpegs[outcomes.Count] = accepted.Jpeg;
                    outcomes.Add(new PreprocessOutcome.Prepared(path, accepted.Quality, accepted.Mrz, stopwatch.ElapsedMilliseconds, accepted.Portrait?.Box, accepted.Barcode));
                }
                else
                {
                    outcomes.Add(new PreprocessOutcome.Refused(((PreparedImage.Refused)prepared).Error, stopwatch.ElapsedMilliseconds));
                }
            }

            var pages = PageReport.Of(imagePaths.Select(path => new JobPage(path)).ToList(), outcomes);
            if (PageChoice.Best(outcomes) is not { } best)
            {
                var refused = JobResult.Refused(outcomes, pages).Error;
                return await WriteAsync(stdout, refused, refused.Code == ErrorCodes.QualityRejected ? ExitCodes.Rejected : ExitCodes.Error);
            }

            var chosen = (PreprocessOutcome.Prepared)outcomes[best];
            var others = jpegs.Where(j => j.Key != best).OrderBy(j => j.Key).Select(j => (ReadOnlyMemory<byte>)j.Value).ToArray();
            var extracted = await services.GetRequiredService<ExtractionStage>().RunAsync(jpegs[best], chosen.Mrz, others, chosen.Barcode);
            return JobResult.Of(TaskIds.New(), chosen.Quality, outcomes.Max(o => o.ElapsedMs), extracted, pages,
                [best + 1, .. jpegs.Keys.Where(k => k != best).Order().Select(k => k + 1)]) switch
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
