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
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // The MRZ is read on another thread while the model call waits on the network.
        var reading = Task.Run(() => MrzReads.Read(reader, jpeg, today), CancellationToken.None);
        ExtractedDocument read;
        try
        {
            read = await model.ExtractAsync(jpeg, cancellationToken);
        }
        catch
        {
            // The read uses the reader's native buffers: it must end before the failure can tear the job
            // (and, in a short-lived host, the reader itself) down.
            await ((Task)reading).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
        var mrz = await reading;
        return read with
        {
            Mrz = MrzReads.ToJson(mrz),
            Verification = JsonSerializer.SerializeToElement(MrzVerifier.Verify(read.Fields, mrz, today), KycJson.Options),
        };
    }
}
