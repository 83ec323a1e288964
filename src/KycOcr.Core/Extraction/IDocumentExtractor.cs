namespace KycOcr.Core.Extraction;

/// <summary>Reads a preprocessed document image into the result schema's fields.</summary>
public interface IDocumentExtractor
{
    /// <exception cref="TransientExtractionException">Worth retrying later.</exception>
    /// <exception cref="FinalExtractionException">Not worth retrying.</exception>
    Task<ExtractedDocument> ExtractAsync(ReadOnlyMemory<byte> jpeg, CancellationToken cancellationToken);
}
