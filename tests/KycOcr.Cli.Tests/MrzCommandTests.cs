using System.Text.Json;
using KycOcr.Samples;
using KycOcr.TestSupport.Documents;
using Microsoft.Extensions.Configuration;
using OpenCvSharp;

namespace KycOcr.Cli.Tests;

/// <summary><c>kycocr mrz</c> on generated document images written to temporary files.</summary>
public sealed class MrzCommandTests : IDisposable
{
    private readonly CliTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Task<(int Exit, JsonElement Output)> RunAsync(string image, params (string Name, string Value)[] settings) =>
        CliTestFolder.RunAsync(settings.Select(s => KeyValuePair.Create(s.Name, (string?)s.Value)), "mrz", image);

    private string Write(string name, byte[] bytes) => _folder.Write(name, bytes);

    private string WriteDocument(string name, DocumentKind kind, int seed, Action<Mat, FlatDocument>? edit = null)
    {
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(kind, seed);
        using var image = UprightDocuments.Render(flat, UprightDegradation.None, seed);
        edit?.Invoke(image, flat);
        Cv2.ImEncode(".jpg", image, out var bytes, new ImageEncodingParam(ImwriteFlags.JpegQuality, 90));
        return Write(name, bytes);
    }

    [Fact]
    public async Task A_valid_mrz_prints_the_reading_and_exits_0()
    {
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.PassportTd3, 5);
        var (exit, output) = await RunAsync(WriteDocument("passport.jpg", DocumentKind.PassportTd3, 5));

        Assert.Equal(0, exit);
        Assert.True(output.GetProperty("found").GetBoolean());
        Assert.True(output.GetProperty("valid").GetBoolean());
        Assert.Equal("TD3", output.GetProperty("format").GetString());
        Assert.Equal(flat.Truth.MrzLines, output.GetProperty("lines").EnumerateArray().Select(l => l.GetString()));
        Assert.All(output.GetProperty("checks").EnumerateObject(), c => Assert.True(c.Value.GetBoolean()));
        var fields = output.GetProperty("fields");
        Assert.Equal(
            ["document_code", "issuing_state", "surname", "given_names", "document_number", "nationality", "birth_date", "sex", "expiry_date", "optional_data"],
            fields.EnumerateObject().Select(p => p.Name));
        Assert.Equal(flat.Truth.Holder!.BirthDate, fields.GetProperty("birth_date").GetString());
        Assert.Equal(flat.Truth.Holder.ExpiryDate, fields.GetProperty("expiry_date").GetString());
        Assert.Equal(flat.Truth.Holder.Surname, fields.GetProperty("surname").GetString());
    }

    [Fact]
    public async Task A_photo_of_a_flat_upright_document_is_read()
    {
        var spec = SyntheticDocumentGenerator.SpecimenSpec(DocumentKind.IdCardTd1, 8) with { RotationDegrees = 1.5, Keystone = 0, Coverage = 0.75 };
        var photo = SyntheticDocumentGenerator.Generate(spec);

        var (exit, output) = await RunAsync(Write("photo.jpg", photo.Bytes));

        Assert.Equal(0, exit);
        Assert.Equal(photo.Truth.MrzLines, output.GetProperty("lines").EnumerateArray().Select(l => l.GetString()));
    }

    [Theory]
    [InlineData(DocumentKind.PassportTd3, 31)]
    [InlineData(DocumentKind.IdCardTd1, 40)]
    public async Task A_photo_taken_at_an_angle_is_straightened_by_the_quality_gate_and_read(DocumentKind kind, int seed)
    {
        var photo = SyntheticDocumentGenerator.SpecimenPhoto(kind, seed);

        var (exit, output) = await RunAsync(Write("photo.jpg", photo.Bytes));

        Assert.Equal(0, exit);
        Assert.Equal(photo.Truth.MrzLines, output.GetProperty("lines").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task A_damaged_mrz_is_found_but_invalid_and_exits_1()
    {
        // Line 2's check-digit cells wiped out: the band is there, its checks cannot hold.
        var path = WriteDocument("damaged.jpg", DocumentKind.CardTd2, 6, (image, flat) =>
        {
            double scale = (double)image.Cols / flat.Image.Cols;
            var line = flat.Mrz.LineBoxes[1];
            foreach (var column in (ReadOnlySpan<int>)[9, 19, 27, 35])
            {
                var x = (int)Math.Round((flat.Mrz.LeftPx + column * flat.Mrz.CharPitchPx) * scale);
                var cell = new Rect(x, (int)(line.Y * scale), (int)Math.Round(flat.Mrz.CharPitchPx * scale), (int)Math.Ceiling(line.Height * scale));
                Cv2.Rectangle(image, cell, Scalar.All(250), -1);
                Cv2.Line(image, new Point(cell.X + 2, cell.Y + cell.Height / 2), new Point(cell.Right - 2, cell.Y + cell.Height / 2), Scalar.All(30), 2);
            }
        });

        var (exit, output) = await RunAsync(path);

        Assert.Equal(1, exit);
        Assert.True(output.GetProperty("found").GetBoolean());
        Assert.False(output.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task An_image_without_an_mrz_exits_3()
    {
        var path = WriteDocument("back.jpg", DocumentKind.IdCardTd1, 7, (image, flat) =>
        {
            double scale = (double)image.Cols / flat.Image.Cols;
            Cv2.Rectangle(image, new Rect(0, (int)(flat.Mrz.Band.Y * scale), image.Cols, image.Rows), Scalar.All(240), -1);
        });

        var (exit, output) = await RunAsync(path);

        Assert.Equal(3, exit);
        Assert.False(output.GetProperty("found").GetBoolean());
    }

    [Fact]
    public async Task Unreadable_input_exits_2_with_an_error()
    {
        var (exit, output) = await RunAsync(Write("notes.jpg", "not an image"u8.ToArray()));
        Assert.Equal(2, exit);
        Assert.Equal("not_an_image", output.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(output.GetProperty("error").GetString()));

        (exit, output) = await RunAsync(_folder.File("missing.jpg"));
        Assert.Equal(2, exit);
        Assert.Equal("file_not_found", output.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_missing_font_exits_2_naming_the_setting()
    {
        var (exit, output) = await RunAsync(WriteDocument("passport.jpg", DocumentKind.PassportTd3, 5), ("OCRB_FONT_PATH", "/nonexistent/OCRB.otf"));

        Assert.Equal(2, exit);
        Assert.Equal("invalid_configuration", output.GetProperty("code").GetString());
        Assert.Contains("OCRB_FONT_PATH", output.GetProperty("error").GetString());
    }
}
