using System.Net;
using System.Net.Sockets;
using Azure.Identity;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using KycOcr.Core.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KycOcr.LocalHost;

/// <summary>
/// The Durable Task engine the Functions host would otherwise provide: the Azure Storage provider
/// (queues and tables beside the uploads, so state survives restarts) behind the gRPC sidecar that
/// Microsoft.DurableTask's worker and client speak to, on a private loopback port.
/// </summary>
public sealed class DurableSidecar : IAsyncDisposable
{
    private readonly IHost _host;

    private DurableSidecar(IHost host, GrpcChannel channel, AzureStorageOrchestrationService service)
    {
        _host = host;
        Channel = channel;
        Service = service;
    }

    /// <summary>The channel the worker and the client use.</summary>
    public GrpcChannel Channel { get; }

    internal AzureStorageOrchestrationService Service { get; }

    public static async Task<DurableSidecar> StartAsync(StorageOptions storage, LocalHostOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var service = new AzureStorageOrchestrationService(Settings(storage, options, loggerFactory));
        await service.CreateIfNotExistsAsync();

        var port = FreeLoopbackPort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(new StopSafeOrchestrationService(service, loggerFactory.CreateLogger<DurableSidecar>()));
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync(cancellationToken);

        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        return new DurableSidecar(app, channel, service);
    }

    private static AzureStorageOrchestrationServiceSettings Settings(StorageOptions storage, LocalHostOptions options, ILoggerFactory loggerFactory)
    {
        var accounts = string.IsNullOrWhiteSpace(storage.ConnectionString) && !string.IsNullOrWhiteSpace(storage.AccountName)
            ? new StorageAccountClientProvider(storage.AccountName, new DefaultAzureCredential())
            : new StorageAccountClientProvider(storage.EffectiveConnectionString);
        return new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHubName,
            StorageAccountClientProvider = accounts,
            LoggerFactory = loggerFactory,
            // One process owns the hub. A fixed worker id lets a restarted host take its partitions back at once
            // instead of waiting for the dead process's leases to expire.
            WorkerId = "kycocr-local-" + options.TaskHubName,
            PartitionCount = 4,
            WorkItemQueueVisibilityTimeout = options.WorkItemVisibility,
            ControlQueueVisibilityTimeout = options.WorkItemVisibility,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = 100,
            // Idle polling backs off to this; the default (30 s) would make a lone job wait that long.
            MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
        };
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        Channel.Dispose();
        _host.Dispose();
    }
}
