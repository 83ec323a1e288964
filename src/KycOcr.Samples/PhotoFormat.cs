namespace KycOcr.Samples;

public enum PhotoFormat
{
    Jpeg,
    Png,
}
