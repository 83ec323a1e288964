using KycOcr.Core.Preprocessing;
using KycOcr.TestSupport.Quality;
using KycOcr.TestSupport.RealDocuments;
using Xunit.Abstractions;

namespace KycOcr.Core.Tests.Portraits;

/// <summary>
/// The holder's portrait on the real specimens (../shared/real-documents/specimens), found as a job's preprocessing
/// finds it: on every side that shows the holder's face, and on none that does not.
/// </summary>
public sealed class RealDocumentPortraitTests(ITestOutputHelper output)
{
    // Sides that show no holder's portrait, looked at one by one: backs (a few carry only a ghost image or a
    // thumbnail), a blank photo field, a silhouette, a cover.
    private static readonly string[] Faceless =
    [
        "id_cards__Bosnia_Herzegovina_ID_Card_back.jpg",
        "id_cards__Croatia_ID_Specimen_back_Croatian_ID_2021.jpg",
        "id_cards__France_ID_back.png",
        "id_cards__Indonesia_Passport_Specimen_data_page_Indonesian_jpg.jpg",
        "id_cards__Norway_ID_Specimen_Back.png",
        "id_cards__Oman_Document_Specimen_back_New_Romanian_ID_side_2021png.png",
        "id_cards__Poland_ID_2021_Specimen.jpg",
        "id_cards__Switzerland_ID_Specimen_back_NIDK.jpg",
        "id_cards__Unknown_ID_Specimen_specimen_Montenegrin_jpg.jpg",
        "misc__Croatia_Border_Pass_Specimen_Back.png",
        "ocr_fixtures__SerbianID_back.png",
        "ocr_fixtures__Slovenian_ID_Card_2022_-_Rear.jpg",
        "passports__Greece_Passport_Specimen.jpg",
    ];

    // Neither a portrait to find nor a side without one: a face blurred beyond recognition by its publisher; two
    // cards in one photo, of which the gate takes the back.
    private static readonly string[] Unclear = ["id_cards__Guatemala_ID_Specimen_front_Guatemalan_C_png.png", "id_cards__Switzerland_ID_front_back.jpg"];

    [Fact]
    public void The_portrait_is_found_where_the_holders_face_shows_and_nowhere_else()
    {
        if (RealDocumentSet.SharedFolder() is not { } shared)
        {
            output.WriteLine("../shared/real-documents is not on this machine: nothing to look at.");
            return;
        }
        var set = RealDocumentSet.Load(Path.Combine(shared, "specimens"));
        var preprocessor = JobPreprocessing.Create(portraits: true);
        var found = new List<string>();
        var missed = new List<string>();
        var refused = new List<string>();
        var wronglyFound = new List<string>();
        foreach (var document in set.Documents.Where(d => !Unclear.Contains(d.Name)))
        {
            var prepared = preprocessor.Prepare(File.ReadAllBytes(document.Path));
            var faceless = Faceless.Contains(document.Name);
            if (prepared is not PreparedImage.Accepted accepted)
            {
                refused.Add(document.Name);
                continue;
            }
            if (faceless && accepted.Portrait is not null)
                wronglyFound.Add(document.Name);
            else if (!faceless)
                (accepted.Portrait is null ? missed : found).Add(document.Name);
        }

        output.WriteLine($"portrait found on {found.Count} of {found.Count + missed.Count} accepted sides that show one; refused by the gate: {refused.Count}");
        output.WriteLine("missed: " + string.Join(", ", missed));
        output.WriteLine("found where none shows: " + string.Join(", ", wronglyFound));
        output.WriteLine("refused: " + string.Join(", ", refused));
        Assert.Empty(wronglyFound);
        // Missed at closing: one card whose outline was found around its photo (Bulgaria), so the page is all face.
        Assert.True(missed.Count <= 1, $"missed {missed.Count}: {string.Join(", ", missed)}");
    }
}
