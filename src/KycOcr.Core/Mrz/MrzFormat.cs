using System.Text.Json.Serialization;

namespace KycOcr.Core.Mrz;

/// <summary>The ICAO 9303 machine-readable-zone layouts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MrzFormat>))]
public enum MrzFormat
{
    /// <summary>ID card size: 3 lines of 30.</summary>
    TD1,

    /// <summary>2 lines of 36.</summary>
    TD2,

    /// <summary>Passport: 2 lines of 44.</summary>
    TD3,

    /// <summary>Visa, 2 lines of 44, document code starting with 'V'.</summary>
    MRVA,

    /// <summary>Visa, 2 lines of 36, document code starting with 'V'.</summary>
    MRVB,
}
