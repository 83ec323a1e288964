namespace KycOcr.Core.Mrz.Correction;

/// <summary>The corrector's answer: the one corrected reading, or how many distinct ones validated (0 or several).</summary>
internal readonly record struct MrzCorrectionOutcome(MrzReading? Reading, int ValidReadings);
