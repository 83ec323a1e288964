namespace KycOcr.Core.Mrz.Reading;

/// <summary>
/// A reading with how it was reached: the mean match score of the characters chosen, whether the image was
/// read turned 180°, and each cell's best and runner-up character (line by line, as printed, before parser corrections).
/// </summary>
public sealed record MrzImageAttempt(MrzReading Reading, double Score, bool UpsideDown, IReadOnlyList<IReadOnlyList<MrzCellReading>> Cells)
{
    /// <summary>How far the image is turned clockwise from upright (0, 90, 180 or 270), as the MRZ shows it.</summary>
    public int RotationDegrees { get; init; }

    internal static MrzImageAttempt NotFound(string reason) => new(MrzReading.NotFound(reason), 0, false, []);
}
