namespace KycOcr.Core.Mrz.Reading;

/// <summary>Template-match scores (normalised correlation, −1…1) of one character cell against every glyph of <see cref="OcrBGlyphBank.Alphabet"/>.</summary>
internal sealed class MrzCellScores(float[] scores)
{
    public float Score(char c) => scores[OcrBGlyphBank.Alphabet.IndexOf(c)];

    /// <summary>The allowed characters, best first.</summary>
    public IEnumerable<(char Char, float Score)> Ranked(string allowed) =>
        allowed.Select(c => (c, Score(c))).OrderByDescending(p => p.Item2);

    public float Best => scores.Max();
}
