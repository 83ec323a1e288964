using System.Globalization;
using System.Text.Json;
using KycOcr.Core.Mrz;
using KycOcr.Core.Mrz.Reading;
using KycOcr.Core.Mrz.Verification;
using OpenCvSharp;

namespace KycOcr.Core.Extraction;

/// <summary>
/// The embedded default (<c>EXTRACTOR=offline</c>): the fields come from the machine-readable zone, read
/// offline, and only from a valid one, so nothing is guessed. Fields the MRZ does not carry (place of
/// birth, issue date, authority, address) are null. No MRZ, or one whose check digits fail, rejects the photo.
/// </summary>
public sealed class OfflineMrzExtractor(MrzImageReader reader, TimeProvider clock) : IDocumentExtractor
{
    public const string ModelName = "offline-mrz";
    public const string Source = "mrz";

    public Task<ExtractedDocument> ExtractAsync(ReadOnlyMemory<byte> jpeg, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var mrz = MrzReads.Read(reader, jpeg, today);
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
            MrzReads.ToJson(mrz),
            JsonSerializer.SerializeToElement(MrzVerifier.Verify(fields, mrz, today), KycJson.Options)));
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

/// <summary>Reading the MRZ of a preprocessed JPEG, shared by the offline extractor and the model's verification.</summary>
internal static class MrzReads
{
    public static MrzReading Read(MrzImageReader reader, ReadOnlyMemory<byte> jpeg, DateOnly today)
    {
        using var image = Cv2.ImDecode(jpeg.Span, ImreadModes.Color);
        return image.Empty() ? MrzReading.NotFound("the image could not be decoded") : reader.Read(image, today);
    }

    public static JsonElement ToJson(MrzReading mrz) => JsonDocument.Parse(mrz.ToJson()).RootElement.Clone();
}
