namespace KycOcr.Samples;

/// <summary>What the document lies on.</summary>
public enum BackgroundKind
{
    /// <summary>A plain table colour with gentle shading.</summary>
    Plain,

    /// <summary>Wood-grain or speckled texture.</summary>
    NoisyTexture,

    /// <summary>Clutter: random shapes, lines, paper sheets and scribbles.</summary>
    Busy,
}
