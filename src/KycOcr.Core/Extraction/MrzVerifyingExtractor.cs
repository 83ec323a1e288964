using KycOcr.Core.Mrz.Verification;

namespace KycOcr.Core.Extraction;

/// <summary>
/// A vision model's reading, checked against the machine-readable zone the preprocessing read from the upload:
/// the result gains the <c>mrz</c> section and, field by field, whether the model agrees with it.
/// </summary>
public sealed class MrzVerifyingExtractor(IDocumentExtractor model, TimeProvider clock) : IDocumentExtractor
{
    public async Task<ExtractedDocument> ExtractAsync(PreparedDocument document, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var read = await model.ExtractAsync(document, cancellationToken);
        return read with
        {
            Mrz = document.Mrz,
            Verification = MrzVerifier.Verify(read.Fields, document.Mrz, today),
        };
    }
}
