using System.Globalization;
using System.Text;
using OpenCvSharp;
using ZXing;
using ZXing.PDF417;
using ZXing.PDF417.Internal;

namespace KycOcr.Samples;

/// <summary>
/// Photos of the back of an invented North American driving licence or ID card: a card carrying an AAMVA PDF417
/// barcode (CDS 2020, version 10), photographed with perspective, uneven light, blur and JPEG, so a reader is tested
/// on a photo, not on the bitmap its own library drew. The expected fields come beside it.
/// </summary>
public static class AamvaLicence
{
    // Issuers and an invented address in each; the IINs are AAMVA's.
    private static readonly (string Country, string Region, string Iin, string City, string Postal)[] Issuers =
    [
        ("USA", "CA", "636014", "SACRAMENTO", "958140000"), ("USA", "TX", "636015", "AUSTIN", "787010123"),
        ("USA", "NY", "636001", "ALBANY", "122070000"), ("USA", "FL", "636010", "TALLAHASSEE", "323010000"),
        ("USA", "WA", "636045", "OLYMPIA", "985010000"), ("CAN", "ON", "636012", "TORONTO", "M5V2T6"),
        ("CAN", "BC", "636028", "VICTORIA", "V8W1P6"),
    ];

    private static readonly string[] Streets = ["MAPLE AVE", "OAK ST", "CEDAR LN", "PINE RD", "ELM CT", "BIRCH WAY"];

    public static AamvaLicencePhoto Generate(int seed, int frameWidth = 1600, int frameHeight = 1200, int jpegQuality = 80, double blurSigma = 1.0)
    {
        var rng = SeedStreams.Create(seed, "aamva");
        var holder = HolderDataFactory.Create(seed, DocumentKind.IdCardTd1);
        var issuer = Issuers[rng.Next(Issuers.Length)];
        var drivingLicence = rng.NextDouble() < 0.7;
        var street = $"{rng.Next(10, 9999)} {Streets[rng.Next(Streets.Length)]}";
        var number = issuer.Region + rng.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        var issued = holder.ExpiryDate.AddYears(-8);
        var given = holder.GivenNames;
        var canadian = issuer.Country == "CAN";
        string Date(DateOnly d) => d.ToString(canadian ? "yyyyMMdd" : "MMddyyyy", CultureInfo.InvariantCulture);

        var subfile = drivingLicence ? "DL" : "ID";
        var elements = new List<(string Id, string Value)>
        {
            ("DCA", drivingLicence ? "C" : "NONE"), ("DCB", "NONE"), ("DCD", "NONE"), ("DBA", Date(holder.ExpiryDate)),
            ("DCS", holder.Surname), ("DAC", given[0]), ("DAD", given.Count > 1 ? string.Join(",", given.Skip(1)) : "NONE"),
            ("DBD", Date(issued)), ("DBB", Date(holder.BirthDate)), ("DBC", holder.Sex switch { 'M' => "1", 'F' => "2", _ => "9" }),
            ("DAY", "BRO"), ("DAU", "068 IN"), ("DAG", street), ("DAI", issuer.City), ("DAJ", issuer.Region),
            ("DAK", issuer.Postal.PadRight(11)), ("DAQ", number), ("DCF", "83D9BN217QO983B1"), ("DCG", issuer.Country),
            ("DDE", "N"), ("DDF", "N"), ("DDG", "N"),
        };
        var text = Compose(issuer.Iin, subfile, elements);

        var postal = issuer.Postal.Length == 9 ? (issuer.Postal[5..] == "0000" ? issuer.Postal[..5] : $"{issuer.Postal[..5]}-{issuer.Postal[5..]}") : issuer.Postal;
        var truth = new AamvaLicenceTruth(
            DocumentType: drivingLicence ? "driving_licence" : "id_card",
            IssuingCountry: issuer.Country,
            IssuingRegion: issuer.Region,
            Surname: holder.Surname,
            GivenNames: string.Join(' ', given),
            DocumentNumber: number,
            DateOfBirth: holder.BirthDate,
            Sex: holder.Sex == 'X' ? "X" : holder.Sex.ToString(),
            DateOfIssue: issued,
            DateOfExpiry: holder.ExpiryDate,
            Address: $"{street}, {issuer.City}, {issuer.Region} {postal}",
            BarcodeText: text);
        return new AamvaLicencePhoto(Photograph(text, drivingLicence, seed, frameWidth, frameHeight, jpegQuality, blurSigma), truth);
    }

    // The header (CDS 2020: ANSI, IIN, version 10, jurisdiction version 00, one entry), the subfile designator with its
    // offset and length, then the subfile: its type, one element per line, a CR at its end.
    private static string Compose(string iin, string subfile, IReadOnlyList<(string Id, string Value)> elements)
    {
        var body = new StringBuilder(subfile);
        foreach (var (id, value) in elements)
            body.Append(id).Append(value).Append('\n');
        body.Length--;
        body.Append('\r');
        var header = $"@\n\u001e\rANSI {iin}100001";
        var offset = header.Length + 10;
        return header + string.Create(CultureInfo.InvariantCulture, $"{subfile}{offset:D4}{body.Length:D4}") + body;
    }

    private static byte[] Photograph(string text, bool drivingLicence, int seed, int frameWidth, int frameHeight, int jpegQuality, double blurSigma)
    {
        const double pixelsPerMm = 14;
        var layout = DocumentLayout.For(DocumentKind.IdCardTd1);
        using var card = new Mat((int)Math.Round(layout.HeightMm * pixelsPerMm), (int)Math.Round(layout.WidthMm * pixelsPerMm), MatType.CV_8UC4, new Scalar(236, 240, 243, 255));
        var rng = SeedStreams.Create(seed, "aamva-card");
        for (var i = 0; i < 14; i++)
        {
            // Faint guilloche-like arcs, as a security print would have.
            Cv2.Ellipse(card, new Point(rng.Next(card.Width), rng.Next(card.Height)), new Size(rng.Next(60, 300), rng.Next(30, 160)), rng.Next(180), 0, 360,
                new Scalar(215, 222, 226, 255), 2, LineTypes.AntiAlias);
        }
        Cv2.PutText(card, drivingLicence ? "DRIVER LICENSE - SYNTHETIC SPECIMEN" : "IDENTIFICATION CARD - SYNTHETIC SPECIMEN", new Point(40, 60),
            HersheyFonts.HersheySimplex, 1.1, new Scalar(70, 60, 50, 255), 2, LineTypes.AntiAlias);
        Cv2.PutText(card, "If found, return to the issuing department.", new Point(40, 105), HersheyFonts.HersheySimplex, 0.8,
            new Scalar(90, 80, 70, 255), 1, LineTypes.AntiAlias);

        var hints = new Dictionary<EncodeHintType, object> { [EncodeHintType.ERROR_CORRECTION] = PDF417ErrorCorrectionLevel.L5, [EncodeHintType.MARGIN] = 0 };
        var symbol = new PDF417Writer().encode(text, BarcodeFormat.PDF_417, 0, 0, hints);
        // As on issued cards: the barcode over most of the width, a third or so of the height.
        var area = new Rect(40, 150, (int)(card.Width * 0.8), (int)(card.Height * 0.42));
        using (var barcode = new Mat(symbol.Height, symbol.Width, MatType.CV_8UC1))
        {
            for (var y = 0; y < symbol.Height; y++)
            {
                for (var x = 0; x < symbol.Width; x++)
                    barcode.Set(y, x, symbol[x, y] ? (byte)0 : (byte)255);
            }
            // Across the area's width (modules a pixel or so apart, as a card printer's dots give), rows three modules tall.
            var module = (double)area.Width / symbol.Width;
            var rowHeight = Math.Min((double)area.Height / symbol.Height, module * 3);
            using var scaled = barcode.Resize(new Size(area.Width, (int)(symbol.Height * rowHeight)), interpolation: InterpolationFlags.Nearest);
            using var bgra = scaled.CvtColor(ColorConversionCodes.GRAY2BGRA);
            var at = new Rect(area.X, area.Y, scaled.Width, scaled.Height);
            using var target = new Mat(card, at);
            bgra.CopyTo(target);
        }

        var frame = new Size(frameWidth, frameHeight);
        var placement = DocumentPlacement.Compute(frame, layout, 0.5, rng.Uniform(-12, 12), rng.Uniform(0, 0.12), SeedStreams.Create(seed, "aamva-placement"));
        using var scene = BackgroundPainter.Paint(frame, BackgroundKind.NoisyTexture, seed);
        using var scratch = new Mat(frame, MatType.CV_8UC3);
        using var mask = new Mat(frame, MatType.CV_8UC1, Scalar.All(0));
        PhotoComposer.Place(scene, card, placement.Corners, seed, mask, scratch);
        Illumination.Apply(scene, scratch, seed);
        DegradationApplier.Apply(scene, new Degradations { GaussianBlurSigma = blurSigma, NoiseSigma = 2 }, mask, placement.Corners, seed, scratch, []);
        return ImageEncoder.Encode(scene, PhotoFormat.Jpeg, jpegQuality);
    }
}

/// <summary>A photographed licence back and what its barcode says.</summary>
public sealed record AamvaLicencePhoto(byte[] Bytes, AamvaLicenceTruth Truth);

/// <summary>The fields a reader should give for the licence, as the service formats them.</summary>
public sealed record AamvaLicenceTruth(
    string DocumentType, string IssuingCountry, string IssuingRegion, string Surname, string GivenNames, string DocumentNumber,
    DateOnly DateOfBirth, string Sex, DateOnly DateOfIssue, DateOnly DateOfExpiry, string Address, string BarcodeText);
