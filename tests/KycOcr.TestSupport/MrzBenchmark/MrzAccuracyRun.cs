using System.Diagnostics;
using KycOcr.Core.Mrz;
using KycOcr.Core.Mrz.Reading;
using KycOcr.Samples;
using KycOcr.TestSupport.Documents;

namespace KycOcr.TestSupport.MrzBenchmark;

/// <summary>
/// Generates documents with ground truth, reads each as the quality gate would hand it over (1024 px long side,
/// every other one mildly degraded) and compares every field. Shared by the accuracy program and its CI sample.
/// </summary>
public static class MrzAccuracyRun
{
    public const int DefaultSeed = 240;

    /// <summary>Fixed so the century of dates resolves the same on every run.</summary>
    public static readonly DateOnly Today = new(2026, 1, 1);

    private static readonly DocumentKind[] _kinds = [DocumentKind.IdCardTd1, DocumentKind.CardTd2, DocumentKind.PassportTd3];

    /// <param name="harsh">Degrade beyond the mild range (<see cref="UprightDegradation.Harsh"/>) to see how the reader fails.</param>
    public static MrzAccuracyReport Run(MrzImageReader reader, int count, int seed = DefaultSeed, Action<MrzAccuracyCase>? progress = null, bool harsh = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var cases = new List<MrzAccuracyCase>(count);
        for (int i = 0; i < count; i++)
        {
            var kind = _kinds[i % 3];
            bool degraded = i / 3 % 2 == 1;
            int documentSeed = seed + i;
            var result = ReadOne(reader, kind, documentSeed, degraded, harsh);
            cases.Add(result);
            progress?.Invoke(result);
        }

        return new MrzAccuracyReport(cases);
    }

    public static MrzAccuracyCase ReadOne(MrzImageReader reader, DocumentKind kind, int seed, bool degraded, bool harsh = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(kind, seed);
        var degradation = !degraded ? UprightDegradation.None : harsh ? UprightDegradation.Harsh(seed) : UprightDegradation.Mild(seed);
        using var image = UprightDocuments.Render(flat, degradation, seed);
        var stopwatch = Stopwatch.StartNew();
        var reading = reader.Read(image, Today);
        double ms = stopwatch.Elapsed.TotalMilliseconds;
        string? mismatch = Compare(reading, flat.Truth);
        // Exact means valid and right: a right reading the reader refused to vouch for is a miss, not a hit.
        bool exact = reading.Valid && mismatch is null;
        return new MrzAccuracyCase(kind, seed, degraded, reading.Found, reading.Valid, exact, mismatch ?? (reading.Valid ? null : "refused: " + string.Join("; ", reading.Errors)), ms);
    }

    /// <summary>Null when the reading carries exactly the truth; else the first differing element's name.</summary>
    public static string? Compare(MrzReading reading, DocumentGroundTruth truth)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(truth);
        if (!reading.Found)
        {
            return "not found";
        }

        if (!reading.Lines.SequenceEqual(truth.MrzLines))
        {
            var wrong = reading.Lines.Count != truth.MrzLines.Count
                ? -1
                : Enumerable.Range(0, truth.MrzLines.Count).First(i => reading.Lines[i] != truth.MrzLines[i]);
            return wrong < 0 ? "line count" : $"line {wrong + 1} ({Differences(reading.Lines[wrong], truth.MrzLines[wrong])} cells differ)";
        }

        if (reading.Fields is not { } f || truth.Holder is not { } h)
        {
            return "fields";
        }

        (string Name, bool Equal)[] fields =
        [
            ("document_code", f.DocumentCode == h.DocumentCode),
            ("issuing_state", f.IssuingState == h.IssuingState),
            ("surname", f.Surname == h.Surname),
            ("given_names", f.GivenNames == h.GivenNames),
            ("document_number", f.DocumentNumber == h.DocumentNumber),
            ("nationality", f.Nationality == h.Nationality),
            ("birth_date", f.BirthDate is { } b && MrzComposer.IsoDate(b) == h.BirthDate),
            ("sex", f.Sex == h.Sex),
            ("expiry_date", f.ExpiryDate is { } e && MrzComposer.IsoDate(e) == h.ExpiryDate),
            ("optional_data", f.OptionalData == h.OptionalData),
        ];
        return fields.FirstOrDefault(x => !x.Equal).Name is { } name ? $"field {name}" : null;
    }

    private static int Differences(string a, string b) =>
        Enumerable.Range(0, Math.Max(a.Length, b.Length)).Count(i => i >= a.Length || i >= b.Length || a[i] != b[i]);
}
