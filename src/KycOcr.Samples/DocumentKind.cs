using System.Text.Json.Serialization;

namespace KycOcr.Samples;

/// <summary>ICAO 9303 machine-readable layout of a synthetic document.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DocumentKind>))]
public enum DocumentKind
{
    /// <summary>TD1 ID card: 3 MRZ lines of 30 characters, ID-1 card 85.60 × 53.98 mm.</summary>
    [JsonStringEnumMemberName("id_card_td1")]
    IdCardTd1,

    /// <summary>TD2 card: 2 MRZ lines of 36 characters, 105 × 74 mm.</summary>
    [JsonStringEnumMemberName("card_td2")]
    CardTd2,

    /// <summary>TD3 passport data page: 2 MRZ lines of 44 characters, 125 × 88 mm.</summary>
    [JsonStringEnumMemberName("passport_td3")]
    PassportTd3,
}

/// <summary>Wire names of <see cref="DocumentKind"/>, e.g. for file names.</summary>
public static class DocumentKindNames
{
    public static string WireName(this DocumentKind kind) => kind switch
    {
        DocumentKind.IdCardTd1 => "id_card_td1",
        DocumentKind.CardTd2 => "card_td2",
        DocumentKind.PassportTd3 => "passport_td3",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown document kind."),
    };
}
