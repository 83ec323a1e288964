using KycOcr.Core.Mrz.Parsing;
namespace KycOcr.Core.Mrz.Correction;

/// <summary>
/// Proposes ways to bring a line that is one or two characters short or long to its format's length,
/// only by inserting '&lt;' into filler runs or removing a filler / filler look-alike next to one.
/// Every proposal is a candidate: the caller keeps it only if structure and check digits then hold.
/// </summary>
internal static class MrzLineAligner
{
    public const int MaxShift = MrzFormatDetector.LengthTolerance;

    public static List<MrzAlignedLine> Candidates(MrzLayout layout, int lineIndex, string line)
    {
        var shift = layout.LineLength - line.Length;
        if (Math.Abs(shift) > MaxShift)
        {
            return [];
        }

        var current = new List<MrzAlignedLine> { new(line, []) };
        for (var step = 0; step < Math.Abs(shift); step++)
        {
            // Several edits give the same text (any cell of one run); keep one of each.
            var next = new Dictionary<string, MrzAlignedLine>();
            foreach (var candidate in current)
            {
                var variants = shift > 0
                    ? Insertions(layout, lineIndex, candidate)
                    : Removals(layout, lineIndex, candidate);
                foreach (var variant in variants)
                {
                    next.TryAdd(variant.Text, variant);
                }
            }

            current = [.. next.Values];
        }

        return current;
    }

    private static IEnumerable<MrzAlignedLine> Insertions(MrzLayout layout, int lineIndex, MrzAlignedLine candidate)
    {
        var text = candidate.Text;
        var editable = EditableFrom(layout, lineIndex, text);
        foreach (var start in RunStarts(text).Where(editable))
        {
            yield return Insert(layout, lineIndex, candidate, start);
        }

        // A name runs to the end of its line, so its trailing fillers may have vanished entirely.
        if (layout.NameStartOn(lineIndex) is not null)
        {
            yield return Insert(layout, lineIndex, candidate, text.Length);
        }
    }

    private static IEnumerable<MrzAlignedLine> Removals(MrzLayout layout, int lineIndex, MrzAlignedLine candidate)
    {
        var text = candidate.Text;
        var editable = EditableFrom(layout, lineIndex, text);
        foreach (var start in RunStarts(text).Where(editable))
        {
            yield return Remove(layout, lineIndex, candidate, start);
        }

        for (var i = 0; i < text.Length; i++)
        {
            var besideFiller = (i > 0 && text[i - 1] == '<') || (i + 1 < text.Length && text[i + 1] == '<');
            if (MrzFillerRules.IsLookalike(text[i]) && besideFiller && editable(i))
            {
                yield return Remove(layout, lineIndex, candidate, i);
            }
        }
    }

    // Inside a name every single '<' is a plausible separator, so only its trailing region
    // (from where the name ends) is touched; elsewhere the check digits arbitrate.
    private static Func<int, bool> EditableFrom(MrzLayout layout, int lineIndex, string text)
    {
        if (layout.NameStartOn(lineIndex) is not { } nameStart || nameStart > text.Length)
        {
            return _ => true;
        }

        var trailingStart = nameStart + MrzNameParser.Parse(text.AsSpan(nameStart)).End;
        return i => i < nameStart || i >= trailingStart;
    }

    private static IEnumerable<int> RunStarts(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '<' && (i == 0 || text[i - 1] != '<'))
            {
                yield return i;
            }
        }
    }

    private static MrzAlignedLine Insert(MrzLayout layout, int lineIndex, MrzAlignedLine candidate, int at)
    {
        var correction = new MrzCorrection(
            lineIndex + 1, at + 1, "", "<", FieldName(layout, lineIndex, at), MrzCorrectionKind.InsertedFiller);
        return new MrzAlignedLine(candidate.Text.Insert(at, "<"), [.. candidate.Corrections, correction]);
    }

    private static MrzAlignedLine Remove(MrzLayout layout, int lineIndex, MrzAlignedLine candidate, int at)
    {
        var correction = new MrzCorrection(
            lineIndex + 1, at + 1, candidate.Text[at].ToString(), "", FieldName(layout, lineIndex, at),
            MrzCorrectionKind.RemovedCharacter);
        return new MrzAlignedLine(candidate.Text.Remove(at, 1), [.. candidate.Corrections, correction]);
    }

    private static string FieldName(MrzLayout layout, int lineIndex, int column) =>
        layout.FieldAt(lineIndex, Math.Min(column, layout.LineLength - 1))?.Name ?? "";
}

/// <summary>A line brought to its format's length, with the insertions/removals that did it.</summary>
internal sealed record MrzAlignedLine(string Text, IReadOnlyList<MrzCorrection> Corrections);
