using KycOcr.Core.Mrz.Verification;

namespace KycOcr.Core.Extraction;

/// <summary>
/// A vision model's reading, checked against the machine-readable zone the preprocessing read from the upload:
/// the result gains the <c>mrz</c> section and, field by field, whether the model agrees with it; and against the
/// page's AAMVA barcode when it has one, whose header also says the document's type and issuing state.
/// </summary>
public sealed class MrzVerifyingExtractor(IDocumentExtractor model, TimeProvider clock) : IDocumentExtractor
{
    public async Task<ExtractedDocument> ExtractAsync(PreparedDocument document, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var read = await model.ExtractAsync(document, cancellationToken);
        return read with
        {
            Document = document.Barcode is { } barcode
                ? new DocumentInfo(barcode.DocumentType, barcode.IssuingCountry ?? read.Document.IssuingCountry, barcode.IssuingRegion)
                : read.Document,
            Mrz = document.Mrz,
            Verification = MrzVerifier.Verify(read.Fields, document.Mrz, today, document.Barcode),
        };
    }
}
