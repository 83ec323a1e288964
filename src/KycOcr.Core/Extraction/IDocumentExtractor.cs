using KycOcr.Core.Mrz;

namespace KycOcr.Core.Extraction;

/// <summary>Reads a preprocessed document image into the result schema's fields.</summary>
public interface IDocumentExtractor
{
    /// <exception cref="TransientExtractionException">Worth retrying later.</exception>
    /// <exception cref="FinalExtractionException">Not worth retrying.</exception>
    /// <exception cref="DocumentRejectedException">The document cannot give the fields (422).</exception>
    Task<ExtractedDocument> ExtractAsync(PreparedDocument document, CancellationToken cancellationToken);
}

/// <summary>What preprocessing made of an upload: the upright, model-sized JPEG and the MRZ read from the upload's best pixels.</summary>
public sealed record PreparedDocument(ReadOnlyMemory<byte> Jpeg, MrzReading Mrz)
{
    /// <summary>The job's other accepted pages (the front of a card whose back has the MRZ, say), prepared alike.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> OtherJpegs { get; init; } = [];

    /// <summary>The page's PDF417 barcode read as AAMVA (a North American licence's back), when it has one.</summary>
    public Barcodes.BarcodeReading? Barcode { get; init; }
}
