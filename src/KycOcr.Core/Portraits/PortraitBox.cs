namespace KycOcr.Core.Portraits;

/// <summary>
/// Where the holder's face is on a page (<c>pages[i].portrait</c>), in the pixels of the page's straightened document
/// image: the document cropped to its outline and deskewed, long side at most <c>MODEL_IMAGE_MAX_SIDE</c>.
/// </summary>
public sealed record PortraitBox(int X, int Y, int Width, int Height);
