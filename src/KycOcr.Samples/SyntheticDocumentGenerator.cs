using OpenCvSharp;

namespace KycOcr.Samples;

/// <summary>
/// Entry point: synthetic identity-document photos with ground truth. All data is invented
/// from the seed; the same spec gives byte-identical output.
/// </summary>
public static class SyntheticDocumentGenerator
{
    /// <summary>Resolution of flat renders; photos of large frames render the document sharper.</summary>
    public const double FlatPixelsPerMm = 12;

    private const double MaxPixelsPerMm = 32;

    public static SyntheticDocumentPhoto Generate(DocumentPhotoSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var d = spec.Degradations;
        var frame = FrameSize(spec);
        var layout = DocumentLayout.For(spec.Kind);

        double rotation = (d.MildRotationDegrees ?? spec.RotationDegrees) + (d.UpsideDown ? 180 : 0);
        double keystone = d.MildRotationDegrees is null ? spec.Keystone : 0;
        var placement = DocumentPlacement.Compute(frame, layout, spec.Coverage, rotation, keystone, SeedStreams.Create(spec.Seed, "placement"));

        var applied = new List<string>();
        if (d.Tiny || Math.Max(frame.Width, frame.Height) <= 400)
        {
            applied.Add("tiny");
        }

        if (d.NoDocument)
        {
            applied.Add("no_document");
        }

        if (d.MildRotationDegrees is { } mild)
        {
            applied.Add(DegradationApplier.Tag("mild_rotation", mild));
        }

        if (d.UpsideDown)
        {
            applied.Add("upside_down");
        }

        var holder = HolderDataFactory.Create(spec.Seed, spec.Kind);
        var mrz = MrzComposer.Compose(spec.Kind, holder);

        using var scene = BackgroundPainter.Paint(frame, spec.Background, spec.Seed);
        using var scratch = new Mat(frame, MatType.CV_8UC3);
        Mat? mask = null;
        try
        {
            if (!d.NoDocument)
            {
                double ppm = Math.Clamp(Math.Ceiling(placement.PixelsPerMm(layout, frame)), FlatPixelsPerMm, MaxPixelsPerMm);
                using var document = DocumentRenderer.Render(layout, holder, mrz.Lines, ppm, spec.Seed, spec.MrzPrint ?? MrzPrint.AsFont, spec.Side);
                mask = new Mat(frame, MatType.CV_8UC1, Scalar.All(0));
                PhotoComposer.Place(scene, document.Bgra, placement.Corners, spec.Seed, mask, scratch);
            }

            Illumination.Apply(scene, scratch, spec.Seed);
            DegradationApplier.Apply(scene, d, mask, d.NoDocument ? null : placement.Corners, spec.Seed, scratch, applied);
        }
        finally
        {
            mask?.Dispose();
        }

        byte[] bytes = Encode(scene, spec.Format, d.JpegQuality, applied);
        var truth = new DocumentGroundTruth
        {
            Kind = spec.Kind,
            Seed = spec.Seed,
            DocumentPresent = !d.NoDocument,
            MrzLines = d.NoDocument || spec.Side == CardSide.Front ? [] : mrz.Lines,
            Holder = d.NoDocument ? null : mrz.Fields,
            NameTruncated = !d.NoDocument && mrz.NameTruncated,
            Corners = d.NoDocument ? null : placement.Corners.Select(p => new FramePoint(p.X, p.Y)).ToArray(),
            FrameWidth = frame.Width,
            FrameHeight = frame.Height,
            RotationDegrees = d.NoDocument ? 0 : rotation,
            Keystone = d.NoDocument ? 0 : keystone,
            Coverage = d.NoDocument ? 0 : placement.Coverage,
            Degradations = applied,
        };
        return new SyntheticDocumentPhoto(bytes, spec.Format, frame.Width, frame.Height, truth);
    }

    /// <summary>The spec behind <see cref="SpecimenPhoto"/>, for callers that want to tweak it.</summary>
    public static DocumentPhotoSpec SpecimenSpec(DocumentKind kind, int seed)
    {
        var rng = SeedStreams.Create(seed, "specimen");
        return new DocumentPhotoSpec
        {
            Seed = seed,
            Kind = kind,
            FrameWidth = 1600,
            FrameHeight = 1200,
            Background = rng.NextDouble() < 0.5 ? BackgroundKind.Plain : BackgroundKind.NoisyTexture,
            Coverage = 0.6,
            RotationDegrees = rng.Uniform(-4, 4),
            Keystone = 0.02,
            Format = PhotoFormat.Jpeg,
        };
    }

    /// <summary>A good demo photo: sharp, well lit, 1600×1200 JPEG, document ~60 % of the frame, small rotation.</summary>
    public static SyntheticDocumentPhoto SpecimenPhoto(DocumentKind kind, int seed) => Generate(SpecimenSpec(kind, seed));

    /// <summary>Just the upright document (BGR, white outside rounded corners), for MRZ-reader tests.</summary>
    /// <param name="printedMrz">
    /// Lines printed in the MRZ instead of the holder's (a specimen's misprinted check digit, a mock-up's lines of 45,
    /// a licence's single line); the ground truth is then what is printed.
    /// </param>
    /// <param name="print">How the MRZ is printed (<see cref="MrzPrint.AsFont"/> when null).</param>
    public static FlatDocument RenderFlatDocument(DocumentKind kind, int seed, double pixelsPerMm = FlatPixelsPerMm, IReadOnlyList<string>? printedMrz = null,
        MrzPrint? print = null)
    {
        if (pixelsPerMm is < 4 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(pixelsPerMm), "pixelsPerMm must be in 4–64.");
        }

        var layout = DocumentLayout.For(kind);
        var holder = HolderDataFactory.Create(seed, kind);
        var mrz = MrzComposer.Compose(kind, holder);
        if (printedMrz is not null)
        {
            mrz = mrz with { Lines = [.. printedMrz] };
        }

        using var document = DocumentRenderer.Render(layout, holder, mrz.Lines, pixelsPerMm, seed, print ?? MrzPrint.AsFont);

        var image = OverWhite(document.Bgra);
        int w = image.Cols;
        int h = image.Rows;
        var truth = new DocumentGroundTruth
        {
            Kind = kind,
            Seed = seed,
            DocumentPresent = true,
            MrzLines = mrz.Lines,
            Holder = mrz.Fields,
            NameTruncated = mrz.NameTruncated,
            Corners = [new(-0.5, -0.5), new(w - 0.5, -0.5), new(w - 0.5, h - 0.5), new(-0.5, h - 0.5)],
            FrameWidth = w,
            FrameHeight = h,
            Coverage = 1,
        };
        return new FlatDocument(image, document.PixelsPerMm, document.Mrz, truth, holder);
    }

    /// <summary>
    /// The scene of <paramref name="spec"/> without the document and before degradations
    /// (background and room light): what a no-document photo shows. BGR; the caller disposes it.
    /// </summary>
    public static Mat RenderBackground(DocumentPhotoSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var scene = BackgroundPainter.Paint(FrameSize(spec), spec.Background, spec.Seed);
        using var scratch = new Mat(scene.Size(), MatType.CV_8UC3);
        Illumination.Apply(scene, scratch, spec.Seed);
        return scene;
    }

    private static Size FrameSize(DocumentPhotoSpec spec)
    {
        if (!spec.Degradations.Tiny)
        {
            return new Size(spec.FrameWidth, spec.FrameHeight);
        }

        return spec.FrameHeight > spec.FrameWidth ? new Size(240, 320) : new Size(320, 240);
    }

    private static byte[] Encode(Mat scene, PhotoFormat format, int? jpegQuality, List<string> applied)
    {
        if (jpegQuality is not { } quality)
        {
            return ImageEncoder.Encode(scene, format, ImageEncoder.DefaultJpegQuality);
        }

        applied.Add(DegradationApplier.Tag("jpeg_quality", quality));
        if (format == PhotoFormat.Jpeg)
        {
            return ImageEncoder.Encode(scene, format, quality);
        }

        // PNG output keeps the JPEG artefacts of the requested quality.
        using var roundTrip = Cv2.ImDecode(ImageEncoder.Encode(scene, PhotoFormat.Jpeg, quality), ImreadModes.Color);
        return ImageEncoder.Encode(roundTrip, PhotoFormat.Png, quality);
    }

    private static Mat OverWhite(Mat premulBgra)
    {
        var planes = premulBgra.Split();
        try
        {
            using var colour = new Mat();
            Cv2.Merge([planes[0], planes[1], planes[2]], colour);
            using var inverse = new Mat();
            Cv2.BitwiseNot(planes[3], inverse);
            using var inverse3 = new Mat();
            Cv2.Merge([inverse, inverse, inverse], inverse3);
            var result = new Mat();
            Cv2.Add(colour, inverse3, result);
            return result;
        }
        finally
        {
            foreach (var plane in planes)
            {
                plane.Dispose();
            }
        }
    }
}
