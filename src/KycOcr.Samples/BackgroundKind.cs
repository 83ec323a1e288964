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

    /// <summary>Floor tiles: a grid of light grout lines, each tile a shade of its own, at an angle to the frame.</summary>
    Tiles,

    /// <summary>A striped tablecloth: wide bands of two colours with sharp edges, at an angle to the frame.</summary>
    Stripes,
}
