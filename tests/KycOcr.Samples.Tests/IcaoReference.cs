namespace KycOcr.Samples.Tests;

/// <summary>
/// A second, test-local reading of the ICAO 9303 rules, written apart from the generator's
/// code so that a shared mistake cannot pass unnoticed.
/// </summary>
internal static class IcaoReference
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static char CheckDigit(string field)
    {
        int[] weights = [7, 3, 1];
        int total = field
            .Select((c, i) => (c == '<' ? 0 : Alphabet.IndexOf(c)) * weights[i % 3])
            .Sum();
        return (char)('0' + total % 10);
    }

    /// <summary>Names of the failing checks for a set of MRZ lines (empty when all pass).</summary>
    public static List<string> FailedChecks(IReadOnlyList<string> lines)
    {
        var failed = new List<string>();
        void Check(string name, string field, char digit)
        {
            bool ok = digit == '<' ? field.All(c => c == '<') : CheckDigit(field) == digit;
            if (!ok)
            {
                failed.Add(name);
            }
        }

        if (lines.Count == 3)
        {
            string l1 = lines[0], l2 = lines[1];
            if (l1[14] == '<')
            {
                // Long number: the rest of the number and its check digit open the optional field.
                int end = l1.IndexOf('<', 15);
                string full = l1[5..14] + l1[15..(end - 1)];
                Check("long_document_number", full, l1[end - 1]);
            }
            else
            {
                Check("document_number", l1[5..14], l1[14]);
            }

            Check("birth_date", l2[0..6], l2[6]);
            Check("expiry_date", l2[8..14], l2[14]);
            Check("composite", l1[5..30] + l2[0..7] + l2[8..15] + l2[18..29], l2[29]);
        }
        else if (lines[0].Length == 36)
        {
            string l2 = lines[1];
            Check("document_number", l2[0..9], l2[9]);
            Check("birth_date", l2[13..19], l2[19]);
            Check("expiry_date", l2[21..27], l2[27]);
            Check("composite", l2[0..10] + l2[13..20] + l2[21..35], l2[35]);
        }
        else
        {
            string l2 = lines[1];
            Check("document_number", l2[0..9], l2[9]);
            Check("birth_date", l2[13..19], l2[19]);
            Check("expiry_date", l2[21..27], l2[27]);
            Check("personal_number", l2[28..42], l2[42]);
            Check("composite", l2[0..10] + l2[13..20] + l2[21..43], l2[43]);
        }

        return failed;
    }
}
