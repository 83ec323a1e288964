using KycOcr.Core.Mrz.Reading;
using KycOcr.Core.Mrz.Verification;
using System.Text.Json;

namespace KycOcr.Core.Extraction;

/// <summary>
/// A vision model's reading, checked against the machine-readable zone read offline from the same image:
/// the result gains the <c>mrz</c> section and, field by field, whether the model agrees with it.
/// </summary>
public sealed class MrzVerifyingExtractor(IDocumentExtractor model, MrzImageReader reader, TimeProvider clock) : IDocumentExtractor
{
    public async Task<ExtractedDocument> ExtractAsync(ReadOnlyMemory<byte> jpeg, CancellationToken cancellationToken)
    {
        var read = await model.ExtractAsync(jpeg, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var mrz = MrzReads.Read(reader, jpeg, today);
        return read with
        {
            Mrz = MrzReads.ToJson(mrz),
            Verification = JsonSerializer.SerializeToElement(MrzVerifier.Verify(read.Fields, mrz, today), KycJson.Options),
        };
    }
}
