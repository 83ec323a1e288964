using System.Diagnostics;
using System.Text.Json;
using KycOcr.Core;
using KycOcr.Core.Configuration;
using KycOcr.Core.Mrz;
using KycOcr.Core.Mrz.Reading;
using KycOcr.Core.Preprocessing;
using KycOcr.Core.Quality;
using KycOcr.Samples;
using KycOcr.TestSupport.Documents;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace KycOcr.TestSupport.MrzBenchmark;

/// <summary>
/// Generates documents with ground truth and reads each as the service would, comparing every field. By default
/// each document is photographed (<see cref="MrzAccuracyPhotos"/>), put through the service's own preprocessing
/// (<see cref="DocumentPreprocessor"/> with default settings: the medium quality gate, deskew to 1024 px, JPEG 90)
/// and the stored JPEG is read; the upright mode skips the photo and the gate and reads an emulation of the gate's
/// output (<see cref="UprightDocuments"/>); the true-corners mode photographs but crops with the true corners
/// (the reader alone on real photos). TD1, TD2, TD3 in turn, every other triple degraded. Shared by the
/// accuracy program and its CI sample.
/// </summary>
public static class MrzAccuracyRun
{
    public const int DefaultSeed = 240;

    /// <summary>Fixed so the century of dates resolves the same on every run.</summary>
    public static readonly DateOnly Today = new(2026, 1, 1);

    private static readonly DocumentKind[] _kinds = [DocumentKind.IdCardTd1, DocumentKind.CardTd2, DocumentKind.PassportTd3];

    /// <summary>The service's preprocessing with every setting at its default, as an upload meets it, on <see cref="Today"/>.</summary>
    public static DocumentPreprocessor Preprocessor(MrzImageReader reader) =>
        new(Options.Create(new ApiOptions()), Options.Create(new ModelOptions()), Options.Create(new QualityOptions()), reader, new FixedClock(Today));

    private sealed class FixedClock(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    /// <param name="harsh">Degrade beyond the mild range to see how the reader fails.</param>
    /// <param name="frame">The photos' size (1600x1200 when null).</param>
    public static MrzAccuracyReport Run(
        MrzImageReader reader, int count, int seed = DefaultSeed, Action<MrzAccuracyCase>? progress = null, bool harsh = false,
        MrzAccuracyPath path = MrzAccuracyPath.Photographed, Size? frame = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var cases = new List<MrzAccuracyCase>(count);
        for (int i = 0; i < count; i++)
        {
            var kind = _kinds[i % 3];
            bool degraded = i / 3 % 2 == 1;
            int documentSeed = seed + i;
            var result = path switch
            {
                MrzAccuracyPath.Upright => ReadUpright(reader, kind, documentSeed, degraded, harsh),
                MrzAccuracyPath.TrueCorners => ReadTrueCorners(reader, kind, documentSeed, degraded, harsh, frame),
                _ => ReadPhotographed(reader, kind, documentSeed, degraded, harsh, frame),
            };
            cases.Add(result);
            progress?.Invoke(result);
        }

        return new MrzAccuracyReport(cases, path);
    }

    /// <summary>
    /// Photographs the document and runs the service's preprocessing on the photo's bytes: the MRZ it reads from the
    /// upload is what the job's extractor gets. Timed: the whole preprocessing (not the photo's generation).
    /// </summary>
    public static MrzAccuracyCase ReadPhotographed(MrzImageReader reader, DocumentKind kind, int seed, bool degraded, bool harsh = false, Size? frame = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var photo = SyntheticDocumentGenerator.Generate(MrzAccuracyPhotos.Spec(kind, seed, degraded, harsh, frame));
        var total = Stopwatch.StartNew();
        var prepared = Preprocessor(reader).Prepare(photo.Bytes);
        double totalMs = total.Elapsed.TotalMilliseconds;
        if (prepared is PreparedImage.Refused refused)
        {
            return new MrzAccuracyCase(kind, seed, degraded, Rejected: true, Found: false, Valid: false, Exact: false,
                "gate rejected: " + RejectionReason(refused.Error), totalMs, ReadMilliseconds: 0, MrzAccuracyCrop.Error(refused.Error.Quality, photo.Truth));
        }

        var accepted = (PreparedImage.Accepted)prepared;
        return Judge(kind, seed, degraded, accepted.Mrz, photo.Truth, totalMs, totalMs) with { CropError = MrzAccuracyCrop.Error(accepted.Quality, photo.Truth) };
    }

    /// <summary>
    /// Photographs the document and warps it upright with its true corners, as the gate does with the ones it finds
    /// (1024 px, JPEG 90), then reads it: the reader on real photos with a perfect crop. No checks, so nothing is rejected.
    /// </summary>
    public static MrzAccuracyCase ReadTrueCorners(MrzImageReader reader, DocumentKind kind, int seed, bool degraded, bool harsh = false, Size? frame = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var photo = SyntheticDocumentGenerator.Generate(MrzAccuracyPhotos.Spec(kind, seed, degraded, harsh, frame));
        var model = new ModelOptions();
        var total = Stopwatch.StartNew();
        using var decoded = photo.Decode();
        var corners = photo.Truth.Corners!.Select(p => new Point2d(p.X, p.Y)).ToArray();
        using var upright = DocumentWarp.Warp(decoded, new DocumentDetection(true, DocumentShape.Unknown, corners, photo.Truth.Coverage), model.ImageMaxSide);
        var jpeg = upright.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, model.JpegQuality));
        var read = Stopwatch.StartNew();
        using var stored = Cv2.ImDecode(jpeg, ImreadModes.Color);
        var reading = reader.Read(stored, Today);
        double readMs = read.Elapsed.TotalMilliseconds;
        return Judge(kind, seed, degraded, reading, photo.Truth, total.Elapsed.TotalMilliseconds, readMs) with { CropError = 0 };
    }

    /// <summary>Reads the emulated gate output (<see cref="UprightDocuments"/>); no photo, no gate.</summary>
    public static MrzAccuracyCase ReadUpright(MrzImageReader reader, DocumentKind kind, int seed, bool degraded, bool harsh = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(kind, seed);
        var degradation = !degraded ? UprightDegradation.None : harsh ? UprightDegradation.Harsh(seed) : UprightDegradation.Mild(seed);
        using var image = UprightDocuments.Render(flat, degradation, seed);
        var stopwatch = Stopwatch.StartNew();
        var reading = reader.Read(image, Today);
        double ms = stopwatch.Elapsed.TotalMilliseconds;
        return Judge(kind, seed, degraded, reading, flat.Truth, ms, ms);
    }

    private static MrzAccuracyCase Judge(DocumentKind kind, int seed, bool degraded, MrzReading reading, DocumentGroundTruth truth, double totalMs, double readMs)
    {
        string? mismatch = Compare(reading, truth);
        // Exact means valid and right: a right reading the reader refused to vouch for is a miss, not a hit.
        bool exact = reading.Valid && mismatch is null;
        return new MrzAccuracyCase(kind, seed, degraded, Rejected: false, reading.Found, reading.Valid, exact,
            mismatch ?? (reading.Valid ? null : "refused: " + string.Join("; ", reading.Errors)), totalMs, readMs);
    }

    /// <summary>The names of the failed checks, or the error code when the bytes themselves were refused.</summary>
    private static string RejectionReason(ApiError rejection) =>
        rejection.Checks is { } checks ? string.Join(", ", checks.Select(c => c.Name)) : rejection.Code;

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
            return wrong < 0 ? "line count" : $"line {wrong + 1} ({Differences(reading.Lines[wrong], truth.MrzLines[wrong])})";
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

    // "2 cells differ: 21 'M' for 'F', …" (read for printed; 1-based columns; generated holders only, never a real one).
    private static string Differences(string read, string printed)
    {
        var cells = Enumerable.Range(0, Math.Max(read.Length, printed.Length))
            .Where(i => i >= read.Length || i >= printed.Length || read[i] != printed[i]).ToList();
        string Cell(int i) => i < read.Length && i < printed.Length ? $"{i + 1} '{read[i]}' for '{printed[i]}'" : $"{i + 1}";
        return $"{cells.Count} cells differ: {string.Join(", ", cells.Take(4).Select(Cell))}";
    }
}
