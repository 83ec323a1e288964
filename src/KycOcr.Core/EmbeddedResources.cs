namespace KycOcr.Core;

/// <summary>Files built into KycOcr.Core (the OpenAPI description, the face cascades, the try-it page).</summary>
internal static class EmbeddedResources
{
    /// <param name="name">The resource's logical name, e.g. <c>KycOcr.Core.Http.openapi.json</c>.</param>
    public static byte[] Bytes(string name)
    {
        using var stream = Open(name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static string Text(string name)
    {
        using var reader = new StreamReader(Open(name));
        return reader.ReadToEnd();
    }

    private static Stream Open(string name) => typeof(EmbeddedResources).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"{name} is not embedded in KycOcr.Core.");
}
