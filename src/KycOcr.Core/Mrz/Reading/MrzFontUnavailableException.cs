namespace KycOcr.Core.Mrz.Reading;

/// <summary>The OCR-B font the reader's templates come from is missing or unreadable.</summary>
public sealed class MrzFontUnavailableException(string message) : Exception(message);
