using System.Net;
using System.Text.Json;
using KycOcr.TestSupport.Http;
using KycOcr.TestSupport.RealDocuments;
using KycOcr.TestSupport.Storage;
using Xunit.Abstractions;

namespace KycOcr.LocalHost.Tests;

/// <summary>
/// The real ID cards whose two sides are both published (../shared/real-documents/specimens), sent as one job of
/// two pages over HTTP with the offline extractor: the fields come from the back's MRZ, and each side is told.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RealDocumentPairsTests(AzuriteFixture azurite, ITestOutputHelper output)
    : LocalServiceTestBase(azurite.ConnectionString, ("EXTRACTOR", "offline"), ("MAX_UPLOAD_BYTES", (40 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture)))
{
    // Front and back, as the issuers' specimens pair them.
    private static readonly (string Front, string Back)[] Pairs =
    [
        ("id_cards__Belgian_ID_2021_front.png", "id_cards__Belgian_ID_2021_back.png"),
        ("id_cards__Belgian_ID_front_2.jpg", "id_cards__Belgian_ID_back_2.jpg"),
        ("id_cards__Bosnia_Herzegovina_ID_Card_front.jpg", "id_cards__Bosnia_Herzegovina_ID_Card_back.jpg"),
        ("id_cards__Croatia_ID_Specimen_front_Croatian_ID_2021.jpg", "id_cards__Croatia_ID_Specimen_back_Croatian_ID_2021.jpg"),
        ("id_cards__France_ID_front.png", "id_cards__France_ID_back.png"),
        ("id_cards__Norway_ID_Specimen_Front.png", "id_cards__Norway_ID_Specimen_Back.png"),
        ("id_cards__Serbian_ID_Specimen_face.png", "ocr_fixtures__SerbianID_back.png"),
        ("id_cards__Slovenian_ID_Card_2022_-_Front.jpg", "ocr_fixtures__Slovenian_ID_Card_2022_-_Rear.jpg"),
        ("id_cards__Switzerland_ID_Specimen_front_NIDK.jpg", "id_cards__Switzerland_ID_Specimen_back_NIDK.jpg"),
        ("misc__Croatia_Border_Pass_Specimen_Front.png", "misc__Croatia_Border_Pass_Specimen_Back.png"),
    ];

    // The backs that carry the holder's photo too (Belgium's); every other back shows no face.
    private static readonly string[] BacksWithAFace = ["id_cards__Belgian_ID_2021_back.png", "id_cards__Belgian_ID_back_2.jpg"];

    [Fact]
    public async Task Each_pair_is_read_from_its_back_as_that_back_alone_is_and_nothing_is_guessed()
    {
        if (RealDocumentSet.SharedFolder() is not { } shared)
        {
            output.WriteLine("../shared/real-documents is not on this machine: nothing to read.");
            return;
        }
        var set = RealDocumentSet.Load(Path.Combine(shared, "specimens"));
        int read = 0, backsTold = 0, portraits = 0;
        foreach (var (front, back) in Pairs)
        {
            var truth = set.Documents.Single(d => d.Name == back);
            var alone = await Client.WaitForResultAsync((await Client.SubmitAsync(Form(("back", back)))).Id);
            var submitted = await Client.SubmitAsync(Form(("front", front), ("back", back)));
            Assert.True(submitted.Status == HttpStatusCode.Accepted, $"{front}: {submitted}");
            var pair = await Client.WaitForResultAsync(submitted.Id, TimeSpan.FromMinutes(2));

            var pages = pair.Body.GetProperty("pages").EnumerateArray().ToArray();
            var sides = string.Join(", ", pages.Select(p => $"{p.GetProperty("side").GetString()} {(p.GetProperty("accepted").GetBoolean() ? "accepted" : p.GetProperty("error").GetProperty("code").GetString())}" +
                (p.GetProperty("portrait").ValueKind == JsonValueKind.Null ? "" : " with portrait")));
            output.WriteLine($"{back}: alone {(int)alone.Status} {alone.Code}; with {front}: {(int)pair.Status} {pair.Code} [{sides}]");
            // The front adds no reading of its own to a back's: the pair ends as the back alone does.
            Assert.Equal(alone.Status, pair.Status);
            if (pair.Status == HttpStatusCode.OK)
            {
                read++;
                var lines = pair.Body.GetProperty("mrz").GetProperty("lines").EnumerateArray().Select(l => l.GetString()!).ToArray();
                // Never a valid reading that differs from what is printed.
                if (truth.MrzLines is { } printed)
                    Assert.Equal(printed, lines);
            }
            if (pages[1].GetProperty("side").GetString() == "back")
                backsTold++;
            if (pages[0].GetProperty("portrait").ValueKind == JsonValueKind.Object)
                portraits++;
            // Never a face where the side shows none.
            if (!BacksWithAFace.Contains(back))
                Assert.Equal(JsonValueKind.Null, pages[1].GetProperty("portrait").ValueKind);
        }
        output.WriteLine($"{read} of {Pairs.Length} pairs read; {backsTold} backs told as backs; the portrait found on {portraits} fronts");
        // Bosnia's front is refused by the gate (its print is too small to read), so it gets no portrait.
        Assert.True(portraits >= 9, $"the portrait found on {portraits} fronts");
        Assert.True(read >= 8, $"{read} of {Pairs.Length} pairs read");
        Assert.True(backsTold >= read, $"{backsTold} backs told");

        MultipartFormDataContent Form(params (string Field, string File)[] files) =>
            ServiceClient.Form([.. files.Select(f => (f.Field, File.ReadAllBytes(Path.Combine(set.Folder, f.File))))]);
    }
}
