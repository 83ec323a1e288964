using KycOcr.Core.Extraction;

namespace KycOcr.Core.Jobs;

/// <summary>
/// The one table from the code a job ends with to the HTTP status <c>GET /id</c> answers: 422 when the photo is at
/// fault (the message says what to change), 500 when the service is. The README's status table is held to it.
/// </summary>
public static class JobOutcomeStatus
{
    public const int Rejected = 422;
    public const int Failed = 500;

    public static IReadOnlyDictionary<string, int> ByCode { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [ErrorCodes.ImageUndecodable] = Rejected,
        [ErrorCodes.QualityRejected] = Rejected,
        [ExtractionErrorCodes.MrzNotFound] = Rejected,
        [ExtractionErrorCodes.MrzInvalid] = Rejected,
        // A document dropped into the inbox meets the upload's checks only when its job reads it.
        [ErrorCodes.EmptyUpload] = Rejected,
        [ErrorCodes.NotAnImage] = Rejected,
        [ErrorCodes.ImageTooLarge] = Rejected,
        [ErrorCodes.ImageTruncated] = Rejected,

        [ErrorCodes.ExtractionFailed] = Failed,
        [ErrorCodes.DeadlineExceeded] = Failed,
        [ExtractionErrorCodes.ContentFiltered] = Failed,
        [ExtractionErrorCodes.Refused] = Failed,
        [ExtractionErrorCodes.Truncated] = Failed,
        [ExtractionErrorCodes.InvalidReply] = Failed,
        [ExtractionErrorCodes.BadRequest] = Failed,
        [ExtractionErrorCodes.AuthenticationFailed] = Failed,
        // Whichever stage noticed it (the upload erased, the job terminated), the job did not finish: not the photo's fault.
        [ErrorCodes.JobCancelled] = Failed,
        [ErrorCodes.InternalError] = Failed,
    };

    /// <summary>The status for <paramref name="code"/>; a code missing from the table is the service's fault.</summary>
    public static int Of(string code) => ByCode.GetValueOrDefault(code, Failed);
}
