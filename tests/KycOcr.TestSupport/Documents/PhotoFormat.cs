namespace KycOcr.TestSupport.Documents;

public enum PhotoFormat
{
    Jpeg,
    Png,
}
