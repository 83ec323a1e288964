using KycOcr.Core.Jobs;
using KycOcr.Core.Mrz;
using KycOcr.Core.Mrz.Reading;
using KycOcr.Samples;
using KycOcr.TestSupport.MrzBenchmark;
using OpenCvSharp;

namespace KycOcr.Core.Tests.Mrz.Reading;

/// <summary>
/// What real uploads do that the generator's photos did not: the zone anywhere in the frame and turned any way,
/// web-sized scans, print that is not what ICAO prescribes. Generated documents, each made to show one of these.
/// </summary>
public sealed class MrzImageReaderRealPrintTests(MrzReaderFixture fixture) : IClassFixture<MrzReaderFixture>
{
    private readonly MrzImageReader _reader = fixture.Reader;

    [Theory]
    [InlineData(RotateFlags.Rotate90Clockwise, 270)]
    [InlineData(RotateFlags.Rotate180, 180)]
    [InlineData(RotateFlags.Rotate90Counterclockwise, 90)]
    public void A_document_turned_by_quarters_reads_and_says_how_to_turn_it_upright(RotateFlags turn, int rotation)
    {
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.PassportTd3, 81);
        using var turned = new Mat();
        Cv2.Rotate(flat.Image, turned, turn);

        var attempt = _reader.ReadDetailed(turned, MrzAccuracyRun.Today);

        Assert.True(attempt.Reading.Valid, string.Join("; ", attempt.Reading.Errors));
        Assert.Equal(flat.Truth.MrzLines, attempt.Reading.Lines);
        Assert.Equal(rotation, attempt.RotationDegrees);
    }

    [Theory]
    [InlineData(DocumentKind.IdCardTd1, 300)]
    [InlineData(DocumentKind.PassportTd3, 420)]
    public void A_web_sized_scan_reads(DocumentKind kind, int width)
    {
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(kind, 82);
        using var small = new Mat();
        Cv2.Resize(flat.Image, small, new Size(width, (int)Math.Round((double)width * flat.Image.Rows / flat.Image.Cols)), interpolation: InterpolationFlags.Area);

        var reading = _reader.Read(small, MrzAccuracyRun.Today);

        Assert.True(reading.Valid, string.Join("; ", reading.Errors));
        Assert.Equal(flat.Truth.MrzLines, reading.Lines);
    }

    [Fact]
    public void A_small_document_anywhere_in_a_large_frame_reads_and_its_band_is_located()
    {
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.IdCardTd1, 83);
        using var frame = new Mat(1500, 2000, MatType.CV_8UC3, new Scalar(90, 110, 120));
        using var document = new Mat();
        Cv2.Resize(flat.Image, document, new Size(600, (int)Math.Round(600.0 * flat.Image.Rows / flat.Image.Cols)), interpolation: InterpolationFlags.Area);
        var at = new Rect(1250, 180, document.Cols, document.Rows);
        using (var region = new Mat(frame, at))
        {
            document.CopyTo(region);
        }

        var attempt = _reader.ReadDetailed(frame, MrzAccuracyRun.Today);

        Assert.Equal(flat.Truth.MrzLines, attempt.Reading.Lines);
        Assert.True(attempt.Reading.Valid);
        Assert.All(attempt.Band, p => Assert.True(at.Contains(new Point((int)p.X, (int)p.Y)), $"{p} is outside the document at {at}"));
        // Glyph height from the cells' pitch, in the frame's pixels: OCR-B's 2.54 mm pitch on a 600 px card of 85.6 mm.
        Assert.InRange(attempt.GlyphHeight, 0.85 * 600 * 2.54 / 85.6, 1.15 * 600 * 2.54 / 85.6);
    }

    [Fact]
    public void A_misprinted_check_digit_is_read_exactly_as_printed_and_not_valid()
    {
        using var genuine = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.PassportTd3, 84);
        var printed = genuine.Truth.MrzLines.ToArray();
        // The composite check digit, printed one off, as some specimens do.
        printed[1] = printed[1][..43] + (char)('0' + (printed[1][43] - '0' + 1) % 10);
        using var misprinted = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.PassportTd3, 84, printedMrz: printed);

        var reading = _reader.Read(misprinted.Image, MrzAccuracyRun.Today);

        Assert.True(reading.Found);
        Assert.False(reading.Valid);
        Assert.Equal(printed, reading.Lines);
        Assert.False(reading.Checks["composite"]);
        Assert.True(reading.Checks["document_number"]);
    }

    [Fact]
    public void Lines_longer_than_any_icao_format_are_read_as_printed_and_refused()
    {
        // A mock-up's zone: both lines one character too long (45).
        string[] printed = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<<10"];
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.PassportTd3, 85, printedMrz: printed);

        var reading = _reader.Read(flat.Image, MrzAccuracyRun.Today);

        Assert.Equal(printed, reading.Lines);
        Assert.True(reading.Found);
        Assert.False(reading.Valid);
        Assert.Contains(reading.Errors, e => e.Contains("45 characters", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lone_machine_readable_line_is_found_read_as_printed_and_not_icao()
    {
        // A European driving licence's single line of 30.
        string[] printed = ["D1UTO362361864332VD9S5D36V7R25"];
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.IdCardTd1, 86, printedMrz: printed);

        var reading = _reader.Read(flat.Image, MrzAccuracyRun.Today);

        Assert.True(reading.Found);
        Assert.False(reading.Valid);
        Assert.Null(reading.Format);
        Assert.Equal(printed, reading.Lines);
        Assert.Contains(reading.Errors, e => e.StartsWith("not an ICAO machine-readable zone", StringComparison.Ordinal));
    }

    [Fact]
    public void A_digit_printed_where_the_sex_belongs_is_read_and_only_that_field_is_unreadable()
    {
        // Specimens print all zeros: the sex cell holds '0', which no check digit covers.
        using var genuine = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.IdCardTd1, 87);
        var printed = genuine.Truth.MrzLines.ToArray();
        printed[1] = printed[1][..7] + "0" + printed[1][8..];
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.IdCardTd1, 87, printedMrz: printed);

        var reading = _reader.Read(flat.Image, MrzAccuracyRun.Today);

        Assert.Equal(printed, reading.Lines);
        Assert.True(reading.Valid, string.Join("; ", reading.Errors));
        Assert.Null(reading.Fields!.Sex);
        Assert.Equal(genuine.Truth.Holder!.DocumentNumber, reading.Fields.DocumentNumber);
        Assert.Contains(reading.Warnings, w => w.StartsWith("sex:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reading_survives_the_trip_through_a_jobs_json()
    {
        var reading = MrzParser.Parse(MrzSamples.Td3With("L898902C36UTO7413128F1204159ZE184226B<<<<<10"), MrzAccuracyRun.Today);

        var back = (MrzReading)JobDataConverter.Instance.Deserialize(JobDataConverter.Instance.Serialize(reading), typeof(MrzReading))!;

        Assert.Equal(reading.ToJson(), back.ToJson());
        Assert.Equal(reading.Valid, back.Valid);
        Assert.NotEmpty(back.Warnings);
    }
}
