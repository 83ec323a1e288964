using KycOcr.Core.Configuration;
using KycOcr.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddKycOcrCore(builder.Configuration);
builder.Services.AddKycOcrWorkerTelemetry(builder.Configuration);
builder.Services.AddKycOcrJobSerialization();

builder.Build().Run();
