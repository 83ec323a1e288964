using KycOcr.Core.Mrz.Reading;

namespace KycOcr.Core.Tests.Mrz.Reading;

/// <summary>How per-cell scores become a reading: check digits arbitrate, and what they cannot settle is refused.</summary>
public sealed class MrzCellDecoderTests
{
    private static readonly string[] _specimen = MrzSamples.Td3;

    /// <summary>Cells that score the printed character 0.95 and everything else 0.2, with the given overrides.</summary>
    private static MrzCellScores[][] Cells(string[] lines, params (int Line, int Column, char Char, float Score)[] overrides) =>
        lines.Select((line, l) => line.Select((printed, c) =>
        {
            var scores = OcrBGlyphBank.Alphabet.Select(a => a == printed ? 0.95f : 0.2f).ToArray();
            foreach (var o in overrides.Where(o => o.Line == l && o.Column == c))
            {
                scores[OcrBGlyphBank.Alphabet.IndexOf(o.Char)] = o.Score;
            }

            return new MrzCellScores(scores);
        }).ToArray()).ToArray();

    private static MrzImageAttempt DecodeWithoutRefinement(MrzCellScores[][] cells) =>
        // Refinement hands back the coarse scores unchanged, so the test controls every margin.
        MrzCellDecoder.Decode(cells, cells[0].Length, MrzSamples.Today,
            (line, column, candidates) => candidates.Select(c => cells[line][column].Score(c)).ToArray(),
            (line, column) => cells[line][column]);

    [Fact]
    public void Clear_cells_read_as_printed()
    {
        var attempt = DecodeWithoutRefinement(Cells(_specimen));

        Assert.True(attempt.Reading.Valid);
        Assert.Equal(_specimen, attempt.Reading.Lines);
        Assert.Equal('L', attempt.Cells[1][0].Best);
    }

    [Fact]
    public void A_name_cell_with_a_close_runner_up_is_refused_because_no_check_digit_covers_names()
    {
        // Line 1, column 7 is the 'R' of ERIKSSON; 'B' scores almost as well.
        var attempt = DecodeWithoutRefinement(Cells(_specimen, (0, 6, 'B', 0.94f)));

        Assert.False(attempt.Reading.Valid);
        Assert.Equal(_specimen, attempt.Reading.Lines);
        Assert.Contains(attempt.Reading.Errors, e => e.StartsWith("line 1, column 7:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_date_cell_with_a_close_runner_up_stays_valid_when_the_check_digit_rules_the_runner_up_out()
    {
        // Line 2, column 14 is the first birth-date digit '7'; a '1' there would break the birth-date check.
        var attempt = DecodeWithoutRefinement(Cells(_specimen, (1, 13, '1', 0.94f)));

        Assert.True(attempt.Reading.Valid);
        Assert.Equal(_specimen, attempt.Reading.Lines);
    }

    [Fact]
    public void A_runner_up_that_alone_makes_the_checks_hold_is_adopted()
    {
        // The birth date's last digit '2' reads best as '3'; its runner-up is the printed '2'.
        var attempt = DecodeWithoutRefinement(Cells(_specimen, (1, 18, '3', 0.97f)));

        Assert.True(attempt.Reading.Valid);
        Assert.Equal(_specimen, attempt.Reading.Lines);
    }

    [Fact]
    public void Letters_never_win_digit_only_positions()
    {
        // An 'O' scoring above the printed '0' in the expiry date is not allowed there.
        var attempt = DecodeWithoutRefinement(Cells(_specimen, (1, 23, 'O', 0.99f)));

        Assert.True(attempt.Reading.Valid);
        Assert.Equal('0', attempt.Cells[1][23].Best);
        Assert.Equal(_specimen, attempt.Reading.Lines);
    }

    [Fact]
    public void A_character_the_field_does_not_allow_is_read_when_it_is_clearly_what_is_printed()
    {
        // Line 2, column 21 is the sex 'F'. Printed as '0' (a specimen's all-zero zone), 'F' and 'M' match poorly.
        var printed = (string[])_specimen.Clone();
        printed[1] = printed[1][..20] + "0" + printed[1][21..];
        var attempt = DecodeWithoutRefinement(Cells(printed, (1, 20, 'M', 0.5f)));

        Assert.Equal(printed, attempt.Reading.Lines);
        // No check digit covers the sex: the reading stands, and the sex is not read.
        Assert.True(attempt.Reading.Valid);
        Assert.Null(attempt.Reading.Fields!.Sex);
        Assert.Contains(attempt.Reading.Warnings, w => w.StartsWith("sex:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_character_the_field_does_not_allow_is_not_read_when_an_allowed_one_matches_nearly_as_well()
    {
        // The sex 'F' matches 0.75; a '0' at 0.8 is not better by enough to overrule the field.
        var attempt = DecodeWithoutRefinement(Cells(_specimen, (1, 20, 'F', 0.75f), (1, 20, '0', 0.8f)));

        Assert.Equal('F', attempt.Cells[1][20].Best);
        Assert.True(attempt.Reading.Valid);
    }

    /// <summary>The specimen issued by and to Great Britain (no check digit covers either code).</summary>
    private static readonly string[] _british = [_specimen[0].Replace("UTO", "GBR"), _specimen[1].Replace("UTO", "GBR")];

    [Fact]
    public void A_state_code_cell_whose_runner_up_names_no_state_is_not_ambiguous()
    {
        // The 'O' of UTO: a 'D' scores almost as well, but there is no state UTD.
        var attempt = DecodeWithoutRefinement(Cells(_specimen, (0, 4, 'D', 0.94f)));

        Assert.True(attempt.Reading.Valid);
        Assert.Equal(_specimen, attempt.Reading.Lines);
    }

    [Fact]
    public void A_state_code_cell_whose_runner_up_names_another_state_is_refused()
    {
        // GBR's 'R' with an 'S' almost as good: GBS (British subject) is a code too.
        var attempt = DecodeWithoutRefinement(Cells(_british, (0, 4, 'S', 0.94f)));

        Assert.False(attempt.Reading.Valid);
        Assert.Contains(attempt.Reading.Errors, e => e.StartsWith("line 1, column 5:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_state_code_no_state_has_is_read_as_the_one_a_near_equal_runner_up_makes()
    {
        // GBR's 'G' read as 'Q' by a hair: QBR is no state's code, GBR is.
        var attempt = DecodeWithoutRefinement(Cells(_british, (0, 2, 'G', 0.93f), (0, 2, 'Q', 0.95f)));

        Assert.True(attempt.Reading.Valid);
        Assert.Equal(_british, attempt.Reading.Lines);
    }

    [Fact]
    public void A_state_code_no_state_has_stays_as_read_when_its_runner_up_is_not_close()
    {
        // A clear Q is what is printed (a mock-up's state): it is not turned into a state that exists.
        var attempt = DecodeWithoutRefinement(Cells(_british, (0, 2, 'G', 0.7f), (0, 2, 'Q', 0.95f)));

        Assert.StartsWith("P<QBR", attempt.Reading.Lines[0], StringComparison.Ordinal);
    }
}
