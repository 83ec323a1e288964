using System.Text.Json.Serialization;

namespace KycOcr.Core.Mrz;

/// <summary>The ICAO 9303 machine-readable-zone layouts, written by their ICAO names (TD3) whatever the serializer's enum policy.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MrzFormat>))]
public enum MrzFormat
{
    /// <summary>ID card size: 3 lines of 30.</summary>
    [JsonStringEnumMemberName("TD1")]
    TD1,

    /// <summary>2 lines of 36.</summary>
    [JsonStringEnumMemberName("TD2")]
    TD2,

    /// <summary>Passport: 2 lines of 44.</summary>
    [JsonStringEnumMemberName("TD3")]
    TD3,

    /// <summary>Visa, 2 lines of 44, document code starting with 'V'.</summary>
    [JsonStringEnumMemberName("MRVA")]
    MRVA,

    /// <summary>Visa, 2 lines of 36, document code starting with 'V'.</summary>
    [JsonStringEnumMemberName("MRVB")]
    MRVB,
}
