namespace KycOcr.Core.Mrz.Parsing;

/// <summary>
/// TD1/TD2 document numbers longer than 9 characters: the check-digit cell holds '&lt;', and the rest of the
/// number opens the optional-data field, followed by the check digit over the whole number and a filler.
/// </summary>
/// <param name="ExtensionLength">Characters before the first filler of the continuation field, check digit included.</param>
internal sealed record MrzLongDocumentNumber(MrzFieldSpec Principal, MrzFieldSpec Continuation, int ExtensionLength)
{
    /// <summary>At least one overflow character plus the check digit.</summary>
    public bool WellFormed => ExtensionLength >= 2;

    /// <summary>Column, inside the continuation field, where the remaining optional data starts.</summary>
    public int RemainderOffset => Math.Min(ExtensionLength + 1, Continuation.Length);

    public static MrzLongDocumentNumber? Find(MrzLayout layout, IReadOnlyList<string> lines)
    {
        if (layout.LongNumberContinuation is null)
        {
            return null;
        }

        var check = layout.Field(MrzFieldNames.DocumentNumberCheck);
        if (lines[check.Line][check.Start] != '<')
        {
            return null;
        }

        var continuation = layout.Field(layout.LongNumberContinuation);
        var text = continuation.Slice(lines);
        var firstFiller = text.IndexOf('<');
        var extension = firstFiller < 0 ? text.Length : firstFiller;
        return new MrzLongDocumentNumber(layout.Field(MrzFieldNames.DocumentNumber), continuation, extension);
    }

    public string Number(IReadOnlyList<string> lines) =>
        Principal.Slice(lines) + (WellFormed ? Continuation.Slice(lines)[..(ExtensionLength - 1)] : "");

    public string Remainder(IReadOnlyList<string> lines) => Continuation.Slice(lines)[RemainderOffset..];

    public MrzPosition? DigitPosition =>
        WellFormed ? new MrzPosition(Continuation.Line, Continuation.Start + ExtensionLength - 1) : null;

    /// <summary>The document-number check re-pointed at the full number and its relocated check digit.</summary>
    public MrzCheckSpec Retarget(MrzCheckSpec check)
    {
        if (DigitPosition is not { } digit)
        {
            // No relocated digit: leave the check on the '<' cell, where it fails as it should.
            return check;
        }

        var data = MrzCheckSpec.Cells(
            (Principal.Line, Principal.Start, Principal.Length),
            (Continuation.Line, Continuation.Start, ExtensionLength - 1));
        return check with { Data = data, Digit = digit };
    }
}
