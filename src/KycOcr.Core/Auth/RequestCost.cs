namespace KycOcr.Core.Auth;

/// <summary>Which of a key's rate limits a request counts against.</summary>
public enum RequestCost
{
    /// <summary>Starts or ends work: <c>POST /read_text</c>, <c>DELETE /id</c> (<c>RATE_LIMIT_PER_MINUTE</c>).</summary>
    Submission,

    /// <summary>Reads a job's status or result: <c>GET /id</c>, polled while a job runs (<c>READ_RATE_LIMIT_PER_MINUTE</c>).</summary>
    Read,
}
