namespace KycOcr.Core.Extraction;

/// <summary>
/// Stands in while no extractor is available: the offline MRZ reader is not built yet, and no model
/// endpoint is configured. Every job fails with a final error that says what to configure.
/// </summary>
public sealed class UnavailableExtractor : IDocumentExtractor
{
    public Task<ExtractedDocument> ExtractAsync(ReadOnlyMemory<byte> jpeg, CancellationToken cancellationToken) =>
        throw new FinalExtractionException(ExtractionErrorCodes.NotConfigured,
            "No document extractor is configured: set OPENAI_BASE_URL or AZURE_OPENAI_ENDPOINT.");
}
