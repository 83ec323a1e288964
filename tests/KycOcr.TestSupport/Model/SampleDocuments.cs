namespace KycOcr.TestSupport.Model;

/// <summary>Schema-shaped model answers with invented data (the ICAO specimen's, not a real person's).</summary>
public static class SampleDocuments
{
    public static object Passport() => new
    {
        document = new { type = "passport", issuing_country = "UTO" },
        fields = new Dictionary<string, object?>
        {
            ["surname"] = Field("ERIKSSON", "ERIKSSON"),
            ["given_names"] = Field("ANNA MARIA", "ANNA MARIA"),
            ["document_number"] = Field("L898902C3", "L898902C3"),
            ["nationality"] = Field("UTO", "Utopian"),
            ["date_of_birth"] = Field("1974-08-12", "12 AUG 1974"),
            ["sex"] = Field("F", "F"),
            ["place_of_birth"] = Field("ZENITH", "Zenith"),
            ["date_of_issue"] = Field("2007-04-16", "16 APR 2007"),
            ["date_of_expiry"] = Field("2012-04-15", "15 APR 2012"),
            ["issuing_authority"] = Field("PASSPORT OFFICE", "Passport Office"),
            ["personal_number"] = Field("ZE184226B", "ZE184226B"),
            ["address"] = null,
        },
    };

    private static object Field(string value, string raw) => new { value, raw };
}
