using KycOcr.Core.Extraction;

namespace KycOcr.Core.Barcodes;

/// <summary>
/// A PDF417 barcode read on a page and parsed as an AAMVA driving licence or ID card (<c>pages[i].barcode</c>).
/// Only a barcode that parses as AAMVA is reported: other PDF417 content is nothing this service can vouch for.
/// </summary>
/// <param name="Format">The symbology: <c>PDF417</c>.</param>
/// <param name="Standard">What its content follows: <c>AAMVA</c>.</param>
/// <param name="Version">The AAMVA version in its header (1 for DL/ID-2000, 10 for CDS 2020).</param>
/// <param name="DocumentType"><c>driving_licence</c> (subfile DL) or <c>id_card</c> (subfile ID).</param>
/// <param name="IssuingCountry"><c>USA</c> or <c>CAN</c>: the country element (DCG), else the issuer's IIN.</param>
/// <param name="IssuingRegion">The state, province or district (two letters), from the issuer's IIN, else the address's.</param>
/// <param name="Fields">The holder's fields as the barcode carries them, each with <c>source: "barcode"</c>.</param>
public sealed record BarcodeReading(
    string Format, string Standard, int Version, string DocumentType, string? IssuingCountry, string? IssuingRegion, DocumentFields Fields)
{
    public const string Source = "barcode";
}
