namespace KycOcr.Core.Mrz.Reading;

/// <summary>One orientation's reading with the mean template-match score of the characters chosen.</summary>
internal sealed record MrzImageAttempt(MrzReading Reading, double Score);
