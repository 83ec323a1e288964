using System.Text.Json;
using KycOcr.Core;
using KycOcr.Core.Configuration;
using KycOcr.Core.Imaging;
using KycOcr.Core.Mrz;
using KycOcr.Core.Mrz.Reading;
using KycOcr.Core.Quality;
using OpenCvSharp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KycOcr.Cli.Commands;

/// <summary>
/// <c>kycocr mrz &lt;image&gt;</c>: reads the machine-readable zone offline, from a photo (through the quality
/// gate's document detection and deskew) or a scan. Prints the MRZ reading and exits
/// 0 (found and valid), 1 (found, invalid), 3 (no MRZ) or 2 with an error object (unreadable input, configuration).
/// </summary>
public static class MrzCommand
{
    public static async Task<int> RunAsync(string imagePath, IConfiguration configuration, TextWriter stdout, TimeProvider? clock = null)
    {
        await using var services = new ServiceCollection().AddLogging().AddKycOcrCore(configuration).BuildServiceProvider();
        try
        {
            var api = services.GetRequiredService<IOptions<ApiOptions>>().Value;
            _ = services.GetRequiredService<IOptions<MrzReaderOptions>>().Value;
            if (!File.Exists(imagePath))
                return await WriteAsync(stdout, new ApiError($"No file at {imagePath}.", "file_not_found"), ExitCodes.Error);
            if (new FileInfo(imagePath).Length > api.MaxUploadBytes)
                return await WriteAsync(stdout, new ApiError($"The file is larger than MAX_UPLOAD_BYTES ({api.MaxUploadBytes} bytes).", ErrorCodes.UploadTooLarge), ExitCodes.Error);

            using var image = ImageDecoder.Decode(await File.ReadAllBytesAsync(imagePath), api.MaxImagePixels);
            var reader = services.GetRequiredService<MrzImageReader>();
            var today = DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);
            // A photo: the quality gate finds the document and straightens it. A scan may show no outline
            // (or a misleading one): then the whole image is read too, and a valid reading wins.
            var reading = ReadingOf(reader, image, today);
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

    private static MrzReading ReadingOf(MrzImageReader reader, Mat image, DateOnly today)
    {
        using var upright = QualityGate.UprightDocument(image, 1024);
        var fromPhoto = upright is null ? null : reader.Read(upright, today);
        if (fromPhoto is { Valid: true })
            return fromPhoto;
        var whole = reader.Read(image, today);
        return whole.Valid || fromPhoto is null || (whole.Found && !fromPhoto.Found) ? whole : fromPhoto;
    }

    private static async Task<int> WriteAsync(TextWriter stdout, object body, int exitCode)
    {
        await stdout.WriteLineAsync(JsonSerializer.Serialize(body, KycJson.Options));
        return exitCode;
    }
}
