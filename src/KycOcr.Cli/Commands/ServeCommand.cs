using KycOcr.LocalHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KycOcr.Cli.Commands;

/// <summary>
/// <c>kycocr serve [--urls URL]</c>: the whole service on this machine (see <see cref="LocalService"/>),
/// until Ctrl-C or SIGTERM. Logs are JSON lines on stderr, without personal data.
/// </summary>
public static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:7071";

    public static async Task<int> RunAsync(string urls, IConfiguration configuration, TextWriter stdout, TextWriter stderr)
    {
        LocalService service;
        try
        {
            service = await LocalService.StartAsync(configuration, urls, ConfigureLogging);
        }
        catch (OptionsValidationException e)
        {
            await stderr.WriteLineAsync($"kycocr serve: invalid settings: {e.Message}");
            return ExitCodes.Error;
        }

        await using (service)
        {
            foreach (var address in service.Addresses)
                await stdout.WriteLineAsync($"KycOcr is listening on {address}");
            await stdout.FlushAsync();
            await service.WaitForShutdownAsync();
        }
        return ExitCodes.Accepted;
    }

    private static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.AddJsonConsole(json => json.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false });
        // stdout carries only the "listening" lines; every log line goes to stderr.
        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.AddFilter((category, level) => level >= LogLevel.Information
            && (category is null || !category.StartsWith("DurableTask", StringComparison.Ordinal) || level >= LogLevel.Warning)
            && (category is null || !category.StartsWith("Microsoft", StringComparison.Ordinal) || level >= LogLevel.Warning));
    }
}
