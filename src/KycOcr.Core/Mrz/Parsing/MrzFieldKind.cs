namespace KycOcr.Core.Mrz.Parsing;

/// <summary>What a field may hold; drives both structural validation and which substitutions are allowed.</summary>
internal enum MrzFieldKind
{
    /// <summary>Letter, then letter or filler.</summary>
    DocumentCode,

    /// <summary>Three-letter state code, short codes padded with fillers.</summary>
    CountryCode,

    /// <summary>Letters and fillers: primary identifier, "&lt;&lt;", secondary identifier, trailing fillers.</summary>
    Name,

    /// <summary>Letters and digits, then trailing fillers.</summary>
    DocumentNumber,

    /// <summary>YYMMDD, digits only.</summary>
    Date,

    /// <summary>M, F or '&lt;'.</summary>
    Sex,

    /// <summary>One digit.</summary>
    CheckDigit,

    /// <summary>Issuer-defined letters, digits and fillers.</summary>
    OptionalData,
}
