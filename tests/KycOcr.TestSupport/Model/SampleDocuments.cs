namespace KycOcr.TestSupport.Model;

/// <summary>Schema-shaped model answers with invented data (the ICAO specimen's, not a real person's).</summary>
public static class SampleDocuments
{
    /// <param name="pages">The image a field was read on, as the model says it, for the fields that say it.</param>
    public static object Passport(IReadOnlyDictionary<string, int>? pages = null) => new
    {
        document = new { type = "passport", issuing_country = "UTO" },
        fields = new Dictionary<string, object?>
        {
            ["surname"] = Field("ERIKSSON", "ERIKSSON", PageOf(pages, "surname")),
            ["given_names"] = Field("ANNA MARIA", "ANNA MARIA", PageOf(pages, "given_names")),
            ["document_number"] = Field("L898902C3", "L898902C3", PageOf(pages, "document_number")),
            ["nationality"] = Field("UTO", "Utopian", PageOf(pages, "nationality")),
            ["date_of_birth"] = Field("1974-08-12", "12 AUG 1974", PageOf(pages, "date_of_birth")),
            ["sex"] = Field("F", "F", PageOf(pages, "sex")),
            ["place_of_birth"] = Field("ZENITH", "Zenith", PageOf(pages, "place_of_birth")),
            ["date_of_issue"] = Field("2007-04-16", "16 APR 2007", PageOf(pages, "date_of_issue")),
            ["date_of_expiry"] = Field("2012-04-15", "15 APR 2012", PageOf(pages, "date_of_expiry")),
            ["issuing_authority"] = Field("PASSPORT OFFICE", "Passport Office", PageOf(pages, "issuing_authority")),
            ["personal_number"] = Field("ZE184226B", "ZE184226B", PageOf(pages, "personal_number")),
            ["address"] = null,
        },
    };

    private static int? PageOf(IReadOnlyDictionary<string, int>? pages, string name) => pages is not null && pages.TryGetValue(name, out var page) ? page : null;

    private static object Field(string value, string raw, int? page) => page is null ? new { value, raw } : new { value, raw, page };
}
