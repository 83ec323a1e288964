using System.Globalization;
using KycOcr.Core.Mrz;
using KycOcr.Core.Mrz.Verification;

namespace KycOcr.Core.Extraction;

/// <summary>
/// The embedded default (<c>EXTRACTOR=offline</c>): the fields come from the machine-readable zone the preprocessing
/// read from the upload, and only from a valid one, so nothing is guessed. Fields the MRZ does not carry (place of
/// birth, issue date, authority, address) are null, and so are those it prints unreadably. A page without an MRZ
/// whose AAMVA barcode reads (a North American licence's back) gives the barcode's fields, as ZXing's error
/// correction vouches for them. No MRZ nor barcode, or an MRZ whose check digits fail, rejects the photo.
/// </summary>
public sealed class OfflineMrzExtractor(TimeProvider clock) : IDocumentExtractor
{
    public const string ModelName = "offline-mrz";
    public const string BarcodeModelName = "offline-barcode";
    public const string Source = "mrz";

    public Task<ExtractedDocument> ExtractAsync(PreparedDocument document, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var mrz = document.Mrz;
        if (!mrz.Found && document.Barcode is { } barcode)
        {
            return Task.FromResult(new ExtractedDocument(
                new DocumentInfo(barcode.DocumentType, barcode.IssuingCountry, barcode.IssuingRegion), barcode.Fields, Usage: null, BarcodeModelName,
                mrz, MrzVerifier.Verify(barcode.Fields, mrz, today)));
        }
        if (!mrz.Found)
        {
            throw new DocumentRejectedException(ExtractionErrorCodes.MrzNotFound,
                "No machine-readable zone (the 2 or 3 lines of letters, digits and <<< at the bottom of the page) could be found: "
                + "photograph the whole document, flat and sharp, with nothing covering its lower edge.");
        }
        if (!mrz.Valid)
        {
            throw new DocumentRejectedException(ExtractionErrorCodes.MrzInvalid,
                "The machine-readable zone could not be read with certainty (its check digits do not match): "
                + "take the photo again, closer and sharper, without glare on the lower lines.");
        }

        var fields = FieldsOf(mrz.Fields!);
        return Task.FromResult(new ExtractedDocument(
            new DocumentInfo(DocumentType(mrz.Fields!.DocumentCode), mrz.Fields.IssuingState),
            fields,
            Usage: null,
            ModelName,
            mrz,
            MrzVerifier.Verify(fields, mrz, today)));
    }
    private static DocumentFields FieldsOf(MrzFields mrz) => new()
    {
        Surname = Field(mrz.Surname),
        GivenNames = Field(mrz.GivenNames),
        DocumentNumber = Field(mrz.DocumentNumber),
        Nationality = Field(mrz.Nationality),
        DateOfBirth = Field(mrz.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        Sex = Field(mrz.Sex),
        DateOfExpiry = Field(mrz.ExpiryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        // TD3's optional data is the personal number; on cards the field's use varies by state.
        PersonalNumber = mrz.DocumentCode.StartsWith('P') ? Field(mrz.OptionalData) : null,
    };

    private static FieldValue? Field(string? value) => string.IsNullOrEmpty(value) ? null : new FieldValue(value, value, Source);

    private static string DocumentType(string documentCode) => documentCode[0] switch
    {
        'P' => "passport",
        'I' or 'A' or 'C' => "id_card",
        _ => "other",
    };
}
