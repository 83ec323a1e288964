using System.Text.Json;
using KycOcr.Core;
using KycOcr.Core.Configuration;
using KycOcr.Core.Imaging;
using KycOcr.Core.Mrz;
using KycOcr.Core.Mrz.Reading;
using KycOcr.Core.Preprocessing;
using KycOcr.Core.Quality;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace KycOcr.Cli.Commands;

/// <summary>
/// <c>kycocr mrz &lt;image&gt;</c>: reads the machine-readable zone offline, as the service's preprocessing does: from
/// the upload's best pixels, wherever the zone lies and however the image is turned. Prints the MRZ reading and exits
/// 0 (found and valid), 1 (found, invalid), 3 (no MRZ) or 2 with an error object (unreadable input, configuration).
/// </summary>
public static class MrzCommand
{
    public static async Task<int> RunAsync(string imagePath, IConfiguration configuration, TextWriter stdout, TimeProvider? clock = null)
    {
        var collection = new ServiceCollection().AddLogging().AddKycOcrCore(configuration);
        if (clock is not null)
            collection.AddSingleton(clock);
        await using var services = collection.BuildServiceProvider();
        try
        {
            var api = services.GetRequiredService<IOptions<ApiOptions>>().Value;
            _ = services.GetRequiredService<IOptions<MrzReaderOptions>>().Value;
            if (!File.Exists(imagePath))
                return await WriteAsync(stdout, new ApiError($"No file at {imagePath}.", "file_not_found"), ExitCodes.Error);
            if (new FileInfo(imagePath).Length > api.MaxUploadBytes)
                return await WriteAsync(stdout, new ApiError($"The file is larger than MAX_UPLOAD_BYTES ({api.MaxUploadBytes} bytes).", ErrorCodes.UploadTooLarge), ExitCodes.Error);

            // The job's own preprocessing reads the MRZ: the same pixels, the same reader, the same answer as the service.
            using var outcome = services.GetRequiredService<DocumentPreprocessor>().Inspect(await File.ReadAllBytesAsync(imagePath));
            var reading = outcome.Mrz.Reading;
            await stdout.WriteLineAsync(reading.ToJson());
            return reading.Valid ? ExitCodes.Accepted : reading.Found ? ExitCodes.Rejected : ExitCodes.NotFound;
        }
        catch (ImageRejectedException e)
        {
            return await WriteAsync(stdout, e.ToApiError(), ExitCodes.Error);
        }
        catch (OptionsValidationException e)
        {
            return await WriteAsync(stdout, new ApiError(e.Message, "invalid_configuration"), ExitCodes.Error);
        }
        catch (MrzFontUnavailableException e)
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
