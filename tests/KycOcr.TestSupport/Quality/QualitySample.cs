using KycOcr.Samples;

namespace KycOcr.TestSupport.Quality;

/// <summary>One labelled photo for calibrating the quality gate: whether each preset should accept it, and why not.</summary>
/// <param name="Label">e.g. "blurred@1600x1200".</param>
/// <param name="Expected">Whether easy, medium and hard should accept it.</param>
/// <param name="FailingCheck">The check that must fail when rejected (null when accepted).</param>
public sealed record QualitySample(string Label, DocumentPhotoSpec Spec, QualityExpectation Expected, string? FailingCheck)
{
    public SyntheticDocumentPhoto Generate() => SyntheticDocumentGenerator.Generate(Spec);

    public override string ToString() => Label;
}

public sealed record QualityExpectation(bool Easy, bool Medium, bool Hard)
{
    public static QualityExpectation AcceptedByAll { get; } = new(true, true, true);
    public static QualityExpectation RejectedByAll { get; } = new(false, false, false);

    public bool For(string preset) => preset switch
    {
        "easy" => Easy,
        "medium" => Medium,
        "hard" => Hard,
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown preset."),
    };
}
