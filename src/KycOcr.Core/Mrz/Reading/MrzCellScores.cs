namespace KycOcr.Core.Mrz.Reading;

/// <summary>Template-match scores (normalised correlation, −1…1) of one character cell against every glyph of <see cref="OcrBGlyphBank.Alphabet"/>.</summary>
internal sealed class MrzCellScores(float[] scores)
{
    public float Score(char c) => scores[OcrBGlyphBank.Alphabet.IndexOf(c)];

    /// <summary>The allowed characters, best first.</summary>
    public IEnumerable<(char Char, float Score)> Ranked(string allowed) =>
        allowed.Select(c => (c, Score(c))).OrderByDescending(p => p.Item2);

    public float Best => scores.Max();

    /// <summary>A character the cell's field does not allow but which is clearly what is printed there; null for none.</summary>
    public char? Outside { get; set; }

    /// <summary>The cell's close call was settled by the document's own print: the font's finer look does not reopen it.</summary>
    public bool Settled { get; private set; }

    /// <summary>Sets the scores of <paramref name="chars"/> from the document's own print; every other character ranks below them.</summary>
    public void Settle(string chars, float[] settled)
    {
        Refine(chars, settled);
        Settled = true;
    }

    /// <summary>
    /// Replaces the scores of <paramref name="refined"/> by finer ones, keeping them ahead of every character
    /// that was not refined (those ranked below them before).
    /// </summary>
    public void Refine(string refined, float[] fine)
    {
        float floor = fine.Min();
        for (int i = 0; i < scores.Length; i++)
        {
            if (!refined.Contains(OcrBGlyphBank.Alphabet[i]))
            {
                scores[i] = Math.Min(scores[i], floor - 0.001f);
            }
        }

        for (int i = 0; i < refined.Length; i++)
        {
            scores[OcrBGlyphBank.Alphabet.IndexOf(refined[i])] = fine[i];
        }
    }
}
