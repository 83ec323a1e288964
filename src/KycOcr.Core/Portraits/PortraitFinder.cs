using System.Collections.Concurrent;
using OpenCvSharp;

namespace KycOcr.Core.Portraits;

/// <summary>
/// Finds the holder's portrait on a straightened document page with OpenCV's frontal face cascades (its LBP cascade for
/// a quick first look, Lienhart's Haar <c>haarcascade_frontalface_alt2</c> to confirm and to look closer; both embedded
/// with their licences beside them). Of the faces found, the largest is the portrait: the ghost image and small
/// secondary photos are smaller. Faces below a holder's portrait's size are not looked for (see the fractions below):
/// a page without one gets no portrait, never a guess.
/// </summary>
/// <remarks>
/// The page is searched at a fixed size (short side <see cref="SearchShortSide"/> px), which keeps the work per
/// page the same whatever the upload's resolution. Safe for concurrent use: each call borrows classifiers of its
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
    private const double ScaleStep = 1.2;
    private const int MinNeighbours = 3;

    // The LBP cascade looks a quarter as long as the Haar one but takes more for a face; each face it offers counts
    // only when the Haar cascade finds one there too, searched around it at fine scales.
    private const double ConfirmMargin = 0.3;
    private const double ConfirmScaleStep = 1.1;

    // A page where neither finds one gets a closer look, at finer scales: a booklet photographed whole puts its face
    // under 0.18 of the short side, yet a main portrait is still 0.14 of the width the zone reads across and a
    // thumbnail on a card's back 0.10. A face under a dense hologram shows only without equalising, where the
    // pattern also forms faint faces: that pass asks for twice the agreeing detections.
    private const double CloserMinFaceOfWidth = 0.14;
    private const double CloserScaleStep = 1.05;
    private const int UnequalisedMinNeighbours = 6;

    private static readonly Lazy<string> HaarCascade = new(() => EmbeddedResources.Text("KycOcr.Core.Portraits.haarcascade_frontalface_alt2.xml"));
    private static readonly Lazy<string> LbpCascade = new(() => EmbeddedResources.Text("KycOcr.Core.Portraits.lbpcascade_frontalface.xml"));

    private readonly ConcurrentBag<Classifiers> _idle = [];

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
        // Evens out a pale scan or a dark photo: the cascades were trained on equalised faces.
        using var equalised = new Mat();
        Cv2.EqualizeHist(small, equalised);

        var classifiers = _idle.TryTake(out var idle) ? idle : Classifiers.Load();
        Rect? face;
        try
        {
            face = Search(classifiers, small, equalised);
        }
        finally
        {
            _idle.Add(classifiers);
        }
        if (face is not { } f)
            return null;

        var x = (int)Math.Round(f.X / scale);
        var y = (int)Math.Round(f.Y / scale);
        return new PortraitBox(x, y, Math.Min(page.Width - x, (int)Math.Round(f.Width / scale)), Math.Min(page.Height - y, (int)Math.Round(f.Height / scale)));
    }

    private static Rect? Search(Classifiers classifiers, Mat gray, Mat equalised)
    {
        var shortSide = Math.Min(gray.Width, gray.Height);
        var minFace = (int)(MinFaceFraction * shortSide);
        var maxFace = (int)(MaxFaceFraction * shortSide);
        foreach (var offered in Detect(classifiers.Lbp, equalised, ScaleStep, MinNeighbours, minFace, maxFace).OrderByDescending(Area))
        {
            if (Confirm(classifiers.Haar, equalised, offered) is { } confirmed)
                return confirmed;
        }

        var closerMinFace = (int)(CloserMinFaceOfWidth * gray.Width);
        var faces = Detect(classifiers.Haar, equalised, ScaleStep, MinNeighbours, minFace, maxFace);
        if (faces.Length == 0)
            faces = Detect(classifiers.Haar, equalised, CloserScaleStep, MinNeighbours, closerMinFace, maxFace);
        if (faces.Length == 0)
            faces = Detect(classifiers.Haar, gray, CloserScaleStep, UnequalisedMinNeighbours, closerMinFace, maxFace);
        return faces.Length == 0 ? null : faces.MaxBy(Area);
    }

    // The Haar cascade's face around the one offered, in the page's search pixels.
    private static Rect? Confirm(CascadeClassifier haar, Mat equalised, Rect offered)
    {
        var margin = (int)(offered.Width * ConfirmMargin);
        var around = Rect.Intersect(new Rect(offered.X - margin, offered.Y - margin, offered.Width + 2 * margin, offered.Height + 2 * margin),
            new Rect(0, 0, equalised.Width, equalised.Height));
        using var region = new Mat(equalised, around);
        var faces = Detect(haar, region, ConfirmScaleStep, MinNeighbours, (int)(offered.Width * 0.6), Math.Min(around.Width, around.Height));
        if (faces.Length == 0)
            return null;
        var face = faces.MaxBy(Area);
        return face with { X = face.X + around.X, Y = face.Y + around.Y };
    }

    private static int Area(Rect r) => r.Width * r.Height;

    private static Rect[] Detect(CascadeClassifier classifier, Mat gray, double scaleStep, int minNeighbours, int minFace, int maxFace) =>
        minFace > maxFace ? []
            : classifier.DetectMultiScale(gray, scaleStep, minNeighbours, HaarDetectionTypes.ScaleImage, new Size(minFace, minFace), new Size(maxFace, maxFace));

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
        while (_idle.TryTake(out var classifiers))
            classifiers.Dispose();
    }

    private sealed record Classifiers(CascadeClassifier Lbp, CascadeClassifier Haar) : IDisposable
    {
        public static Classifiers Load()
        {
            var lbp = Read(LbpCascade.Value);
            try
            {
                return new Classifiers(lbp, Read(HaarCascade.Value));
            }
            catch
            {
                lbp.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            Lbp.Dispose();
            Haar.Dispose();
        }

        private static CascadeClassifier Read(string cascade)
        {
            var classifier = new CascadeClassifier();
            using var storage = new FileStorage(cascade, FileStorage.Modes.Read | FileStorage.Modes.Memory);
            using var root = storage.GetFirstTopLevelNode() ?? throw new InvalidOperationException("A face cascade is empty.");
            if (!classifier.Read(root))
            {
                classifier.Dispose();
                throw new InvalidOperationException("A face cascade could not be read.");
            }
            return classifier;
        }
    }
}
