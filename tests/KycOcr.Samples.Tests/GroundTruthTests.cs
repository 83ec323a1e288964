using System.Text.Json;
using KycOcr.Samples;

namespace KycOcr.Samples.Tests;

public class GroundTruthTests
{
    [Fact]
    public void Ground_truth_serialises_as_snake_case_and_round_trips()
    {
        var photo = SyntheticDocumentGenerator.Generate(new DocumentPhotoSpec
        {
            Seed = 3,
            Kind = DocumentKind.PassportTd3,
            FrameWidth = 480,
            FrameHeight = 360,
            Degradations = new Degradations { GaussianBlurSigma = 1 },
        });
        string json = GroundTruthJson.Serialize(photo.Truth);

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("passport_td3", root.GetProperty("kind").GetString());
        Assert.Equal(2, root.GetProperty("mrz_lines").GetArrayLength());
        Assert.Equal(4, root.GetProperty("corners").GetArrayLength());
        Assert.True(root.GetProperty("corners")[0].TryGetProperty("x", out _));
        var holder = root.GetProperty("holder");
        foreach (string name in new[] { "document_code", "issuing_state", "surname", "given_names", "document_number", "nationality", "birth_date", "sex", "expiry_date", "optional_data" })
        {
            Assert.True(holder.TryGetProperty(name, out _), name);
        }

        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", holder.GetProperty("birth_date").GetString());
        Assert.Equal("P", holder.GetProperty("document_code").GetString());
        Assert.Equal("gaussian_blur=1", root.GetProperty("degradations")[0].GetString());

        var back = GroundTruthJson.Deserialize(json);
        Assert.Equal(photo.Truth.Holder, back.Holder);
        Assert.Equal(photo.Truth.MrzLines, back.MrzLines);
        Assert.Equal(photo.Truth.Corners, back.Corners);
        Assert.Equal(DocumentKind.PassportTd3, back.Kind);
    }

    [Fact]
    public void Ground_truth_fields_match_the_mrz_text()
    {
        for (int seed = 0; seed < 50; seed++)
        {
            using var flat = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.PassportTd3, seed, 6);
            var t = flat.Truth;
            var h = t.Holder!;
            string l1 = t.MrzLines[0], l2 = t.MrzLines[1];
            Assert.Equal(h.IssuingState, l1[2..5].TrimEnd('<'));
            Assert.Equal(h.Nationality, l2[10..13].TrimEnd('<'));
            Assert.Equal(h.DocumentNumber, l2[0..9].TrimEnd('<'));
            Assert.Equal(h.BirthDate[2..4] + h.BirthDate[5..7] + h.BirthDate[8..10], l2[13..19]);
            Assert.Equal(h.ExpiryDate[2..4] + h.ExpiryDate[5..7] + h.ExpiryDate[8..10], l2[21..27]);
            Assert.Equal(h.Sex == "X" ? '<' : h.Sex[0], l2[20]);
            Assert.Equal(h.OptionalData, l2[28..42].TrimEnd('<'));
            Assert.StartsWith(h.Surname.Replace(' ', '<') + "<<", l1[5..] + "<<");
        }
    }
}
