namespace KycOcr.Core.Mrz.Reading;

/// <summary>
/// How one character cell was read: the best character its field allows and the runner-up, with their
/// template-match scores (normalised correlation, up to 1). A small <see cref="Margin"/> means an uncertain cell.
/// </summary>
public readonly record struct MrzCellReading(char Best, float BestScore, char RunnerUp, float RunnerUpScore)
{
    public float Margin => BestScore - RunnerUpScore;
}
