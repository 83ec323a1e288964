using KycOcr.Core.Mrz.Correction;
using KycOcr.Core.Mrz.Parsing;
namespace KycOcr.Core.Mrz;

/// <summary>Entry point: OCR text in, <see cref="MrzReading"/> out. Never throws on bad OCR.</summary>
public static class MrzParser
{
    /// <summary>Parses MRZ text with one line per MRZ line (\n or \r\n).</summary>
    /// <param name="correct">False to report the text exactly as read, with no correction attempt.</param>
    public static MrzReading Parse(string text, DateOnly today, bool correct = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.Split('\n'), today, correct);
    }

    /// <summary>
    /// Detects the format, judges the lines as read and, when that reading is invalid, tries
    /// <see cref="MrzCorrector"/>. A correction is adopted only if it makes the reading valid;
    /// otherwise the uncorrected reading is returned with its errors.
    /// </summary>
    /// <param name="today">Anchors the century of birth and expiry dates (see <see cref="MrzDates"/>).</param>
    /// <param name="correct">False to report the text exactly as read, with no correction attempt.</param>
    public static MrzReading Parse(IReadOnlyList<string> lines, DateOnly today, bool correct = true)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var normalised = MrzText.NormaliseLines(lines);
        if (MrzFormatDetector.Detect(normalised) is not { } format)
        {
            return MrzReading.NotFound(MrzFormatDetector.Describe(normalised));
        }

        var layout = MrzLayouts.For(format);
        var asRead = EvaluateAsRead(layout, normalised, today);
        if ((asRead.Valid && asRead.Warnings.Count == 0) || !correct)
        {
            return asRead;
        }

        // Text from another OCR engine: "UT0" is a misread state code more often than a printed one. A correction is
        // taken when it leaves no field unreadable; otherwise a reading valid as read keeps its unreadable fields.
        var outcome = MrzCorrector.Correct(layout, normalised, today);
        if (outcome.Reading is { Warnings.Count: 0 })
        {
            return outcome.Reading;
        }

        if (asRead.Valid)
        {
            return asRead;
        }

        return outcome.ValidReadings > 1
            ? asRead with
            {
                Errors = [.. asRead.Errors, $"ambiguous: {outcome.ValidReadings} different corrections would validate, so none is applied"],
            }
            : asRead;
    }

    // Lines of the wrong length are padded or cut at the end only so fields can be shown;
    // the length error keeps such a reading invalid.
    private static MrzReading EvaluateAsRead(MrzLayout layout, List<string> lines, DateOnly today)
    {
        var lengthErrors = new List<string>();
        var fitted = new string[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == layout.LineLength)
            {
                fitted[i] = line;
                continue;
            }

            lengthErrors.Add($"line {i + 1}: {line.Length} characters, expected {layout.LineLength}");
            fitted[i] = line.Length < layout.LineLength ? line.PadRight(layout.LineLength, '<') : line[..layout.LineLength];
        }

        var reading = MrzEvaluator.Evaluate(layout, fitted, today);
        return lengthErrors.Count == 0
            ? reading
            : reading with { Lines = [.. lines], Errors = [.. lengthErrors, .. reading.Errors] };
    }
}
