namespace KycOcr.Samples;

/// <summary>Which side of a card a photo shows.</summary>
public enum CardSide
{
    /// <summary>Portrait, printed fields and MRZ on one side, as a passport's data page (the default).</summary>
    Both,

    /// <summary>A card's front: the portrait and printed fields, no MRZ.</summary>
    Front,

    /// <summary>A card's back: the MRZ, no portrait.</summary>
    Back,
}
