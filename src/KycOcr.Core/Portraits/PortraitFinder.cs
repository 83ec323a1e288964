using System.Collections.Concurrent;
using OpenCvSharp;

namespace KycOcr.Core.Portraits;

/// <summary>
/// Finds the holder's portrait on a straightened document page with OpenCV's frontal face cascade (Lienhart's
/// <c>haarcascade_frontalface_alt2</c>, embedded with its licence beside it). Of the faces found, the largest is the
/// portrait: the ghost image and small secondary photos are smaller. A face under 0.18 of the page's
/// short side is no holder's portrait, so none is looked for: a page without one gets no portrait, never a guess.
/// </summary>
/// <remarks>
/// The page is searched at a fixed size (short side <see cref="SearchShortSide"/> px), which keeps the work per
/// page the same whatever the upload's resolution. Safe for concurrent use: each call borrows a classifier of its
/// own, since OpenCV's cascade keeps per-call buffers.
/// </remarks>
public sealed class PortraitFinder : IDisposable
{
    public const int SearchShortSide = 200;

    // Measured on the real specimens: the main portrait's face is a quarter to half of a card's short side and a
    // fifth or more of a passport page's; ghost images and the small photos beside the main one fall under 0.18. The
    // search size and scale step are the coarsest that found as many there, for the least CPU.
    private const double MinFaceFraction = 0.18;
    private const double MaxFaceFraction = 0.7;
    private const double ScaleStep = 1.15;
    private const int MinNeighbours = 3;

    private static readonly Lazy<string> Cascade = new(() =>
    {
        using var stream = typeof(PortraitFinder).Assembly.GetManifestResourceStream("KycOcr.Core.Portraits.haarcascade_frontalface_alt2.xml")
            ?? throw new InvalidOperationException("The face cascade is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private readonly ConcurrentBag<CascadeClassifier> _idle = [];

    /// <summary>The face's box in <paramref name="page"/>'s pixels, or null when the page shows no portrait.</summary>
    /// <param name="page">The straightened document, BGR.</param>
    public PortraitBox? Find(Mat page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var scale = (double)SearchShortSide / Math.Min(page.Width, page.Height);
        using var small = new Mat();
        Cv2.Resize(page, small, new Size(Math.Max(1, (int)Math.Round(page.Width * scale)), Math.Max(1, (int)Math.Round(page.Height * scale))),
            interpolation: scale < 1 ? InterpolationFlags.Area : InterpolationFlags.Linear);
        Cv2.CvtColor(small, small, ColorConversionCodes.BGR2GRAY);
        // Evens out a pale scan or a dark photo: the cascade was trained on equalised faces.
        Cv2.EqualizeHist(small, small);

        var shortSide = Math.Min(small.Width, small.Height);
        var minFace = (int)(MinFaceFraction * shortSide);
        var maxFace = (int)(MaxFaceFraction * shortSide);
        var classifier = Borrow();
        Rect[] faces;
        try
        {
            faces = classifier.DetectMultiScale(small, ScaleStep, MinNeighbours, HaarDetectionTypes.ScaleImage,
                new Size(minFace, minFace), new Size(maxFace, maxFace));
        }
        finally
        {
            _idle.Add(classifier);
        }
        if (faces.Length == 0)
            return null;

        var face = faces.MaxBy(f => f.Width * f.Height);
        var x = (int)Math.Round(face.X / scale);
        var y = (int)Math.Round(face.Y / scale);
        return new PortraitBox(x, y,
            Math.Min(page.Width - x, (int)Math.Round(face.Width / scale)),
            Math.Min(page.Height - y, (int)Math.Round(face.Height / scale)));
    }

    /// <summary>
    /// The head and shoulders around <paramref name="face"/>, as a face matcher wants them: the face box widened to
    /// hair and chin, within the page.
    /// </summary>
    public static byte[] Crop(Mat page, PortraitBox face, int jpegQuality)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(face);
        var left = Math.Max(0, face.X - (int)(face.Width * 0.4));
        var top = Math.Max(0, face.Y - (int)(face.Height * 0.5));
        var right = Math.Min(page.Width, face.X + face.Width + (int)(face.Width * 0.4));
        var bottom = Math.Min(page.Height, face.Y + face.Height + (int)(face.Height * 0.6));
        using var crop = new Mat(page, new Rect(left, top, right - left, bottom - top));
        return crop.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, jpegQuality));
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var classifier))
            classifier.Dispose();
    }

    private CascadeClassifier Borrow()
    {
        if (_idle.TryTake(out var classifier))
            return classifier;
        classifier = new CascadeClassifier();
        using var storage = new FileStorage(Cascade.Value, FileStorage.Modes.Read | FileStorage.Modes.Memory);
        using var root = storage.GetFirstTopLevelNode() ?? throw new InvalidOperationException("The face cascade is empty.");
        if (!classifier.Read(root))
        {
            classifier.Dispose();
            throw new InvalidOperationException("The face cascade could not be read.");
        }
        return classifier;
    }
}
