using KycOcr.Samples;

namespace KycOcr.Samples.Tests;

public class MrzCheckDigitTests
{
    private const string IcaoSpecimenLine2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    [Fact]
    public void Icao_specimen_td3_line_validates_under_the_generator_check_digits()
    {
        string l = IcaoSpecimenLine2;
        Assert.True(MrzCheckDigit.IsValid(l.AsSpan(0, 9), l[9]));
        Assert.True(MrzCheckDigit.IsValid(l.AsSpan(13, 6), l[19]));
        Assert.True(MrzCheckDigit.IsValid(l.AsSpan(21, 6), l[27]));
        Assert.True(MrzCheckDigit.IsValid(l.AsSpan(28, 14), l[42]));
        Assert.True(MrzCheckDigit.IsValid(l[0..10] + l[13..20] + l[21..43], l[43]));
        Assert.Equal('6', MrzCheckDigit.Compute("L898902C3"));
        Assert.Equal('0', MrzCheckDigit.Compute(l[0..10] + l[13..20] + l[21..43]));
    }

    [Fact]
    public void Check_digit_rejects_a_changed_character_and_non_mrz_characters()
    {
        Assert.False(MrzCheckDigit.IsValid("L898902C4", '6'));
        Assert.True(MrzCheckDigit.IsValid("<<<<<<<<<<<<<<", '<'));
        Assert.False(MrzCheckDigit.IsValid("ZE184226B<<<<<", '<'));
        Assert.Throws<ArgumentException>(() => MrzCheckDigit.Compute("ab"));
    }

    [Theory]
    [InlineData(DocumentKind.IdCardTd1, 3, 30)]
    [InlineData(DocumentKind.CardTd2, 2, 36)]
    [InlineData(DocumentKind.PassportTd3, 2, 44)]
    public void Generated_mrz_check_digits_hold_under_an_independent_implementation(DocumentKind kind, int lineCount, int lineLength)
    {
        for (int seed = 0; seed < 300; seed++)
        {
            var holder = HolderDataFactory.Create(seed, kind);
            var mrz = MrzComposer.Compose(kind, holder);
            Assert.Equal(lineCount, mrz.Lines.Count);
            Assert.All(mrz.Lines, line =>
            {
                Assert.Equal(lineLength, line.Length);
                Assert.Matches("^[A-Z0-9<]+$", line);
            });
            var failed = IcaoReference.FailedChecks(mrz.Lines);
            Assert.True(failed.Count == 0, $"seed {seed}: {string.Join(", ", failed)} in\n{string.Join('\n', mrz.Lines)}");
        }
    }

    [Fact]
    public void Td1_long_document_numbers_occur_and_follow_the_long_number_rule()
    {
        int longOnes = 0;
        for (int seed = 0; seed < 300; seed++)
        {
            var holder = HolderDataFactory.Create(seed, DocumentKind.IdCardTd1);
            if (holder.DocumentNumber.Length <= 9)
            {
                continue;
            }

            longOnes++;
            string line1 = MrzComposer.Compose(DocumentKind.IdCardTd1, holder).Lines[0];
            Assert.Equal(holder.DocumentNumber[..9], line1[5..14]);
            Assert.Equal('<', line1[14]);
            string rest = holder.DocumentNumber[9..];
            Assert.Equal(rest, line1.Substring(15, rest.Length));
            Assert.Equal(IcaoReference.CheckDigit(holder.DocumentNumber), line1[15 + rest.Length]);
            Assert.Equal('<', line1[16 + rest.Length]);
        }

        Assert.InRange(longOnes, 10, 100);
    }

    [Fact]
    public void Names_are_truncated_to_the_field_and_ground_truth_reads_what_the_mrz_carries()
    {
        int truncated = 0;
        for (int seed = 0; seed < 200; seed++)
        {
            var holder = HolderDataFactory.Create(seed, DocumentKind.IdCardTd1);
            var mrz = MrzComposer.Compose(DocumentKind.IdCardTd1, holder);
            string nameLine = mrz.Lines[2];
            Assert.StartsWith(holder.Surname.Replace(' ', '<')[..Math.Min(30, holder.Surname.Length)], nameLine);
            Assert.StartsWith(mrz.Fields.Surname, holder.Surname);
            Assert.StartsWith(mrz.Fields.GivenNames, string.Join(' ', holder.GivenNames));
            string fullName = holder.Surname.Replace(' ', '<') + "<<" + string.Join('<', holder.GivenNames);
            Assert.Equal(fullName.Length > 30, mrz.NameTruncated);
            if (mrz.NameTruncated)
            {
                truncated++;
                Assert.Equal(fullName[..30], nameLine);
            }
        }

        Assert.InRange(truncated, 5, 120);
    }

    [Fact]
    public void Holder_data_uses_the_allowed_alphabet_and_codes()
    {
        string[] states = ["UTO", "D", "FRA", "NLD", "ITA", "ESP", "CAN", "AUS", "SWE", "NZL"];
        var sexes = new HashSet<char>();
        bool severalGiven = false;
        for (int seed = 0; seed < 200; seed++)
        {
            var h = HolderDataFactory.Create(seed, DocumentKind.PassportTd3);
            Assert.Matches("^[A-Z]+( [A-Z]+)*$", h.Surname);
            Assert.All(h.GivenNames, g => Assert.Matches("^[A-Z]+$", g));
            Assert.Matches("^[A-Z0-9]{9}$", h.DocumentNumber);
            Assert.Contains(h.Nationality, states);
            Assert.Contains(h.IssuingState, states);
            Assert.True(h.ExpiryDate > h.BirthDate);
            sexes.Add(h.Sex);
            severalGiven |= h.GivenNames.Count > 1;
        }

        Assert.Equal(new HashSet<char> { 'M', 'F', 'X' }, sexes);
        Assert.True(severalGiven);
    }
}
