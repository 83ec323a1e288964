using KycOcr.Core.TryIt;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace KycOcr.Functions;

/// <summary>
/// <c>GET /</c> and <c>GET /try-it/{file}</c>: the try-it page. The root needs a route that matches the empty path only
/// (the host takes an empty route for none), and the app setting <c>AzureWebJobsDisableHomepage</c> so that the
/// Functions host's own homepage does not answer first.
/// </summary>
public sealed class TryItPageFunctions(TryItPage page)
{
    [Function("try_it_page")]
    public IResult Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{root:maxlength(0)?}")] HttpRequest request) =>
        page.Page();

    [Function("try_it_file")]
    public IResult File([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "try-it/{file}")] HttpRequest request, string file) =>
        page.Serve(file);
}
