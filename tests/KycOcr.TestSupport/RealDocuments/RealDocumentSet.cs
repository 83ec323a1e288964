using System.Text.Json;
using System.Text.Json.Serialization;

namespace KycOcr.TestSupport.RealDocuments;

/// <summary>
/// A folder of real document images, with their transcribed MRZs when it holds a <c>truth.json</c> (the format of
/// <c>../shared/real-documents/specimens/truth.json</c>); without one, every image in the folder, truth unknown.
/// The images are third-party specimens: they are read where they lie and never copied into the repository.
/// </summary>
public sealed record RealDocumentSet(string Folder, IReadOnlyList<RealDocument> Documents)
{
    private static readonly string[] _imageExtensions = [".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".bmp"];

    /// <summary>Names the real-document folder when it is not <c>../shared/real-documents</c> beside the repository.</summary>
    public const string FolderVariable = "KYCOCR_REAL_DOCUMENTS";

    /// <summary><c>../shared/real-documents</c> beside the repository (or <see cref="FolderVariable"/>), when this machine has it.</summary>
    public static string? SharedFolder()
    {
        var named = Environment.GetEnvironmentVariable(FolderVariable);
        var folder = Path.GetFullPath(string.IsNullOrWhiteSpace(named) ? Path.Combine(RepositoryPaths.Root, "..", "shared", "real-documents") : named);
        return Directory.Exists(folder) ? folder : null;
    }

    public static RealDocumentSet Load(string folder)
    {
        folder = Path.GetFullPath(folder);
        var truthFile = Path.Combine(folder, "truth.json");
        if (!File.Exists(truthFile))
        {
            var images = Directory.EnumerateFiles(folder)
                .Where(f => _imageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Order(StringComparer.Ordinal)
                .Select(f => new RealDocument(f, HasMrz: null, MrzLines: null, CheckDigitsValid: null))
                .ToList();
            return new RealDocumentSet(folder, images);
        }

        var truth = JsonSerializer.Deserialize<TruthFile>(File.ReadAllText(truthFile))
            ?? throw new InvalidDataException($"{truthFile} is empty.");
        var documents = truth.Images.Select(i => new RealDocument(
            Resolve(folder, i.File), i.HasMrz, i.MrzLines, i.CheckDigitsValid, i.Format)).ToList();
        return new RealDocumentSet(folder, documents);
    }

    // Paths in truth.json are relative to the folder that holds the set's folder (specimens/x.jpg); accept both.
    private static string Resolve(string folder, string file)
    {
        foreach (var candidate in new[] { Path.Combine(folder, file), Path.Combine(folder, "..", file), Path.Combine(folder, Path.GetFileName(file)) })
        {
            if (File.Exists(candidate))
                return Path.GetFullPath(candidate);
        }

        throw new FileNotFoundException($"truth.json names {file}, which is not in {folder}.");
    }

    private sealed record TruthFile([property: JsonPropertyName("images")] List<TruthImage> Images);

    private sealed record TruthImage(
        [property: JsonPropertyName("file")] string File,
        [property: JsonPropertyName("has_mrz")] bool HasMrz,
        [property: JsonPropertyName("mrz_lines")] List<string>? MrzLines,
        [property: JsonPropertyName("check_digits_valid")] bool? CheckDigitsValid,
        [property: JsonPropertyName("format")] string? Format);
}

/// <summary>One image and, when transcribed, what it prints.</summary>
/// <param name="HasMrz">Null when the set has no truth.</param>
/// <param name="CheckDigitsValid">False where the specimen prints a wrong check digit; null where it is not an ICAO MRZ or not known.</param>
public sealed record RealDocument(string Path, bool? HasMrz, IReadOnlyList<string>? MrzLines, bool? CheckDigitsValid, string? Format = null)
{
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>The right answer is a valid reading (200): the MRZ is printed with every check digit right.</summary>
    public bool ShouldBeValid => HasMrz == true && CheckDigitsValid == true;
}
