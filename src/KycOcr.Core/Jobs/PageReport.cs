using System.Text.Json.Serialization;
using KycOcr.Core.Barcodes;
using KycOcr.Core.Mrz;
using KycOcr.Core.Portraits;
using KycOcr.Core.Quality;

namespace KycOcr.Core.Jobs;

/// <summary>
/// What one page of a job gave (<c>pages</c> in a result): the side it shows, whether the gate accepted it, its
/// quality report, the MRZ read on it, where the holder's face is on it, or why it was refused.
/// </summary>
/// <param name="Page">Its number, from 1, in the order sent.</param>
/// <param name="Side"><c>data_page</c>, <c>back</c>, <c>front</c> or <c>unknown</c> (see <see cref="PageSide"/>).</param>
public sealed record PageReport(
    int Page,
    string Side,
    bool Accepted,
    QualitySummary? Quality,
    MrzReading? Mrz,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ApiError? Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] PortraitBox? Portrait = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] BarcodeReading? Barcode = null)
{
    /// <summary>The reports of a job's pages, each page's side decided from what was found on all of them.</summary>
    public static IReadOnlyList<PageReport> Of(IReadOnlyList<JobPage> pages, IReadOnlyList<PreprocessOutcome> outcomes)
    {
        var read = outcomes.Select(o => o switch
        {
            PreprocessOutcome.Prepared prepared =>
                (Quality: (QualitySummary?)prepared.Quality, Mrz: (MrzReading?)prepared.Mrz, Error: (ApiError?)null, prepared.Portrait, prepared.Barcode),
            PreprocessOutcome.Refused refused => (refused.Error.Quality, refused.Error.Mrz, refused.Error, Portrait: (PortraitBox?)null, Barcode: (BarcodeReading?)null),
            _ => throw new ArgumentOutOfRangeException(nameof(outcomes), o.GetType().Name, "Not a preprocess outcome."),
        }).ToArray();
        var sides = PageSide.Decide(read.Select((r, i) => (r.Mrz, r.Quality?.Document.Kind, pages[i].NamedSide, HasBarcode: r.Barcode is not null)).ToArray());
        // A refused page's error keeps its message, code and failed checks; its report and MRZ are the page's own.
        return read.Select((r, i) => new PageReport(
                i + 1, sides[i], r.Error is null, r.Quality, r.Mrz, r.Error is null ? null : r.Error with { Quality = null, Mrz = null }, r.Portrait, r.Barcode))
            .ToArray();
    }
}

/// <summary>
/// Which side of a document a page shows, from what was found on it: a passport's MRZ marks its data page, an ID
/// card's its back, as an AAMVA barcode marks a licence's back; a page without one is the front of a card whose back
/// is in the job. What the client named a
/// page (the field <c>front</c> or <c>back</c>) stands where nothing was found.
/// </summary>
public static class PageSide
{
    public const string DataPage = "data_page";
    public const string Back = "back";
    public const string Front = "front";
    public const string Unknown = "unknown";

    public static string[] Decide(IReadOnlyList<(MrzReading? Mrz, string? DocumentKind, string? NamedSide, bool HasBarcode)> pages)
    {
        var sides = pages.Select(p => p.Mrz is { Found: true, Format: { } format } ? OfZone(format, p.DocumentKind)
            : p.HasBarcode ? Back
            : p.NamedSide ?? Unknown).ToArray();
        if (sides.Contains(Back))
        {
            for (var i = 0; i < sides.Length; i++)
            {
                if (sides[i] == Unknown)
                    sides[i] = Front;
            }
        }
        return sides;
    }

    private static string OfZone(MrzFormat format, string? documentKind) => format switch
    {
        MrzFormat.TD1 => Back,
        MrzFormat.TD2 or MrzFormat.MRVB => documentKind == "id_card" ? Back : DataPage,
        _ => DataPage,
    };
}
