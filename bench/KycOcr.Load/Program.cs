using KycOcr.Load;

// dotnet run -c Release --project bench/KycOcr.Load -- --jobs 200 --concurrency 16 --model-latency-ms 500
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or IndexOutOfRangeException)
{
    Console.Error.WriteLine($"{e.Message}\nusage: KycOcr.Load [--jobs N] [--concurrency C] [--warmup N] [--poll-ms MS] [--model-latency-ms MS] [--photos K] [--size WxH] [--noise SIGMA] [--mrz-verification true|false] [--set NAME=VALUE ...]");
    return 64;
}

var report = await LoadRun.RunAsync(options, Console.Error);
Console.WriteLine(report.ToTable());
// Every job must end well and leave nothing behind; anything else fails the run.
return report.NotSucceeded == 0 && report.BlobsLeft == 0 ? 0 : 1;
