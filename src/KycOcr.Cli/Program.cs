using KycOcr.Cli;
using Microsoft.Extensions.Configuration;

var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
return await KycOcrCli.RunAsync(args, configuration, Console.Out, Console.Error);
