using KycOcr.Cli.Commands;
using Microsoft.Extensions.Configuration;

namespace KycOcr.Cli;

/// <summary>The <c>kycocr</c> tool: one command per capability, each printing one JSON object.</summary>
public static class KycOcrCli
{
    public const string Usage =
        """
        usage: kycocr <command> [arguments]
          extract <image> [<image> ...]
                            preprocess and extract once (no orchestration); the images are one document's
                            pages (front and back, say); prints the GET /id body
          sample <passport|id_card> <out.jpg> [--seed N]  write a synthetic specimen photo (invented data)
          serve [--urls URL] run the whole service here on Azurite (default URL http://127.0.0.1:7071)
          mrz <image>       read the machine-readable zone offline; exit 0 valid, 1 invalid, 3 none found, 2 error
          check <image> [--strictness easy|medium|hard]
                            the quality gate only: checks and the document's corners, no model call
        Settings come from the environment, with the names of the README's configuration table.
        """;

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter stdout, TextWriter stderr)
    {
        switch (args)
        {
            case ["extract", .. var images] when images.Length > 0:
                return await ExtractCommand.RunAsync(images, configuration, stdout);
            case ["sample", .. var sampleArgs]:
                return await SampleCommand.RunAsync(sampleArgs, stdout, stderr);
            case ["serve"]:
                return await ServeCommand.RunAsync(ServeCommand.DefaultUrls, configuration, stdout, stderr);
            case ["serve", "--urls", var urls]:
                return await ServeCommand.RunAsync(urls, configuration, stdout, stderr);
            case ["mrz", var image]:
                return await MrzCommand.RunAsync(image, configuration, stdout);
            case ["check", var image]:
                return await CheckCommand.RunAsync(image, null, configuration, stdout);
            case ["check", var image, "--strictness", var strictness]:
                return await CheckCommand.RunAsync(image, strictness, configuration, stdout);
            case ["check", "--strictness", var strictness, var image]:
                return await CheckCommand.RunAsync(image, strictness, configuration, stdout);
            default:
                await stderr.WriteAsync(Usage);
                return ExitCodes.Usage;
        }
    }
}

/// <summary>Exit codes shared by the commands.</summary>
public static class ExitCodes
{
    public const int Accepted = 0;
    public const int Rejected = 1;
    public const int Error = 2;

    /// <summary><c>kycocr mrz</c>: the image shows no machine-readable zone.</summary>
    public const int NotFound = 3;
    public const int Usage = 64;
}
