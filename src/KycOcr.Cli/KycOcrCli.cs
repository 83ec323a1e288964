using KycOcr.Cli.Commands;
using Microsoft.Extensions.Configuration;

namespace KycOcr.Cli;

/// <summary>The <c>kycocr</c> tool: one command per capability, each printing one JSON object.</summary>
public static class KycOcrCli
{
    public const string Usage =
        """
        usage: kycocr <command> [arguments]
          extract <image>   preprocess and extract once (no orchestration); prints the GET /id body
          check <image> [--strictness easy|medium|hard]
                            the quality gate only: checks and the document's corners, no model call
        Settings come from the environment, with the names of the README's configuration table.
        """;

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter stdout, TextWriter stderr)
    {
        switch (args)
        {
            case ["extract", var image]:
                return await ExtractCommand.RunAsync(image, configuration, stdout);
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
    public const int Usage = 64;
}
