namespace KycOcr.Core.Mrz.Reading;

/// <summary>Template-match scores (normalised correlation, −1…1) of one character cell against every glyph of <see cref="OcrBGlyphBank.Alphabet"/>.</summary>
internal sealed class MrzCellScores(float[] scores)
{
    public float Score(char c) => scores[OcrBGlyphBank.Alphabet.IndexOf(c)];

    /// <summary>The allowed characters, best first.</summary>
    public IEnumerable<(char Char, float Score)> Ranked(string allowed) =>
        allowed.Select(c => (c, Score(c))).OrderByDescending(p => p.Item2);

    public float Best => scores.Max();

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
