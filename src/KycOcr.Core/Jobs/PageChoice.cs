namespace KycOcr.Core.Jobs;

/// <summary>The page a job's fields are read from, for the orchestration and <c>kycocr extract</c> alike.</summary>
public static class PageChoice
{
    /// <summary>
    /// The index of the accepted page whose MRZ is valid, else of one with an AAMVA barcode, else of one whose MRZ was
    /// found, else of the first accepted page (in the order sent); null when no page was accepted.
    /// </summary>
    public static int? Best(IReadOnlyList<PreprocessOutcome> outcomes)
    {
        var accepted = outcomes.Select((outcome, index) => (Prepared: outcome as PreprocessOutcome.Prepared, Index: index))
            .Where(o => o.Prepared is not null)
            .ToList();
        return accepted.Count == 0
            ? null
            : accepted.OrderByDescending(o => o.Prepared!.Mrz.Valid).ThenByDescending(o => o.Prepared!.Barcode is not null)
                .ThenByDescending(o => o.Prepared!.Mrz.Found).First().Index;
    }
}
