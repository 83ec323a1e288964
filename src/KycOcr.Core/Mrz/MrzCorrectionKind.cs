using System.Text.Json.Serialization;

namespace KycOcr.Core.Mrz;

/// <summary>Why a character was changed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MrzCorrectionKind>))]
public enum MrzCorrectionKind
{
    /// <summary>Letter in a digits-only field or digit in a letters-only field, mapped across.</summary>
    [JsonStringEnumMemberName("alphabet")]
    Alphabet,

    /// <summary>A misread filler ('K', 'X') restored to '&lt;'.</summary>
    [JsonStringEnumMemberName("filler")]
    Filler,

    /// <summary>A confusable character in an alphanumeric field, swapped because only that swap satisfies the check digits.</summary>
    [JsonStringEnumMemberName("check_digit_candidate")]
    CheckDigitCandidate,

    /// <summary>A dropped filler put back to restore the line length.</summary>
    [JsonStringEnumMemberName("inserted_filler")]
    InsertedFiller,

    /// <summary>A spurious filler or look-alike removed to restore the line length.</summary>
    [JsonStringEnumMemberName("removed_character")]
    RemovedCharacter,
}
