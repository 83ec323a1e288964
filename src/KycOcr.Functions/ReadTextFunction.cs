using KycOcr.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace KycOcr.Functions;

/// <summary><c>POST /read_text</c>. Anonymous at the host: the handler checks <c>X-API-Key</c> itself.</summary>
public sealed class ReadTextFunction(ReadTextHandler handler)
{
    [Function("read_text")]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "read_text")] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(request, durable, cancellationToken);
}
