namespace KycOcr.Core.Imaging;

/// <summary>The bytes cannot be used as an image: the message is safe to show to the customer.</summary>
public sealed class ImageRejectedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public ApiError ToApiError() => new(Message, Code);
}
