namespace KycOcr.Core.Imaging;

/// <summary>What an image's header declares, read before any pixel is decoded.</summary>
/// <param name="Width">Declared width, or null when the header ends before saying it (a truncated file).</param>
public sealed record ImageHeader(ImageFormat Format, int? Width, int? Height)
{
    public long? Pixels => Width is { } w && Height is { } h ? (long)w * h : null;
}
