using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KycOcr.Samples;
using KycOcr.TestSupport;
using KycOcr.TestSupport.Hosting;
using KycOcr.TestSupport.Images;
using KycOcr.TestSupport.Model;
using KycOcr.TestSupport.Quality;
using KycOcr.TestSupport.Storage;
using Microsoft.Playwright;
using OpenCvSharp;
using static Microsoft.Playwright.Assertions;

namespace KycOcr.LocalHost.Tests.TryIt;

/// <summary>
/// The try-it page at <c>GET /</c>, driven in a real headless Chromium against a real <c>kycocr serve</c> (Azurite, the
/// durable engine, the loopback model server): key entry, a synthetic passport through to its result, a refusal, a
/// field carrying markup, deletion, a refused key, and axe-core's WCAG A/AA rules.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class TryItPageTests(AzuriteFixture azurite) : LocalServiceTestBase(azurite.ConnectionString)
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(90);

    private string PageAddress => Service.Addresses[0].ToString();

    [Fact]
    public async Task The_page_and_its_files_come_from_this_origin_with_a_strict_policy_and_no_inline_code()
    {
        var page = await Client.GetAsync("/");
        var script = await Client.GetAsync("/try-it/try-it.js");
        var style = await Client.GetAsync("/try-it/try-it.css");

        foreach (var reply in new[] { page, script, style })
        {
            Assert.Equal(HttpStatusCode.OK, reply.Status);
            Assert.Equal("default-src 'self'; img-src 'self' blob:", reply.Headers["Content-Security-Policy"]);
            Assert.Equal("no-store", reply.Headers["Cache-Control"]);
        }
        Assert.StartsWith("text/html", page.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.StartsWith("text/javascript", script.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.StartsWith("text/css", style.Headers["Content-Type"], StringComparison.Ordinal);
        // No inline script, handler or style, and nothing from another origin.
        Assert.DoesNotMatch(InlineScript(), page.Text);
        Assert.DoesNotMatch(InlineHandler(), page.Text);
        Assert.DoesNotContain("style=", page.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(OtherOrigin(), page.Text);
        Assert.DoesNotContain("innerHTML", script.Text, StringComparison.Ordinal);
        Assert.Equal("not_found", (await Client.GetAsync("/try-it/other.js")).Code);
    }

    [Fact]
    public async Task The_key_is_asked_once_and_kept_in_the_tabs_storage_only()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(PageAddress);
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "API key" })).ToBeVisibleAsync();

        await EnterKeyAsync(page, KycOcrTestHost.ApiKey);

        await Expect(page.Locator("#key-status")).ToHaveTextAsync("A key is set for this tab.");
        Assert.Equal(KycOcrTestHost.ApiKey, await page.EvaluateAsync<string>("() => sessionStorage.getItem('kycocr.apiKey')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));
        Assert.Empty(await page.Context.CookiesAsync());
        Assert.DoesNotContain(KycOcrTestHost.ApiKey, page.Url, StringComparison.Ordinal);
        // A reload keeps it; another tab (a new context here) asks again.
        await page.ReloadAsync();
        await Expect(page.Locator("#key-form")).ToBeHiddenAsync();
        var other = await chromium.NewPageAsync();
        await other.GotoAsync(PageAddress);
        await Expect(other.Locator("#key-form")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_sample_passport_goes_through_to_its_fields_with_the_outline_drawn_at_phone_and_desktop_widths()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        var taskId = await ReadAsync(page, ("passport.jpg", DocumentPhoto));

        var result = await ResultAsync(page);
        Assert.Equal(taskId, result.GetProperty("id").GetString());
        var surname = page.Locator("#fields tbody tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "surname", Exact = true }) });
        await Expect(surname).ToContainTextAsync("ERIKSSON");
        await Expect(surname).ToContainTextAsync("model");
        // The loopback model's fields are the ICAO specimen's, the photo's MRZ another invented holder's.
        await Expect(surname.Locator(".badge")).ToHaveTextAsync(result.GetProperty("verification").GetProperty("fields").GetProperty("surname").GetString() == "agrees" ? "agrees" : "disagrees");
        Assert.Equal(result.GetProperty("fields").EnumerateObject().Count(), await page.Locator("#fields tbody tr").CountAsync());

        var canvas = page.Locator("#pages canvas");
        await Expect(canvas).ToHaveAttributeAsync("data-outline", "drawn");
        var onOutline = await page.EvaluateAsync<int[]>("""
            () => {
              const canvas = document.querySelector('#pages canvas');
              const [a, b] = JSON.parse(document.getElementById('raw').textContent).pages[0].quality.document.corners;
              const pixel = canvas.getContext('2d').getImageData(Math.round((a[0] + b[0]) / 2), Math.round((a[1] + b[1]) / 2), 1, 1).data;
              return [pixel[0], pixel[1], pixel[2]];
            }
            """);
        Assert.True(onOutline[1] > 150 && onOutline[0] < 80, $"the outline's pixel is {string.Join(",", onOutline)}, not the outline's green");

        await Expect(page.Locator("pre.mrz mark")).ToHaveCountAsync(5);
        Assert.True(await page.Locator("#checks tbody tr").CountAsync() >= 5);
        var portrait = page.Locator("#portrait img");
        await Expect(portrait).ToHaveAttributeAsync("src", new Regex("^blob:"));
        Assert.True(await portrait.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0") > 0);

        // Every control is reached by Tab.
        var reached = new HashSet<string>();
        await page.Locator("body").FocusAsync();
        for (var i = 0; i < 30; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.tagName"));
        }
        Assert.Superset(new HashSet<string> { "forget-key", "files", "camera", "submit-button", "clear-button", "delete-button" }, reached);

        Assert.Null(await page.EvaluateAsync<string[]?>("() => window.__cspViolations || null"));
        await FitsPhoneAndDesktopAsync(page, "passport");
    }

    [Fact]
    public async Task A_dropped_photo_taken_sideways_is_drawn_in_its_exif_frame_with_the_outline_where_the_service_found_it()
    {
        // The sample photo stored turned a quarter anticlockwise, with EXIF saying to show it turned back, as a phone does.
        using var upright = Cv2.ImDecode(DocumentPhoto, ImreadModes.Color);
        using var stored = new Mat();
        Cv2.Rotate(upright, stored, RotateFlags.Rotate90Counterclockwise);
        var sideways = ExifOrientation.Tag(stored.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 95)), 6);
        var plain = await Client.SubmitAsync(DocumentPhoto);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(PageAddress);
        await EnterKeyAsync(page, KycOcrTestHost.ApiKey);

        await page.EvaluateAsync("""
            ([b64]) => {
              const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
              const transfer = new DataTransfer();
              transfer.items.add(new File([bytes], 'sideways.jpg', { type: 'image/jpeg' }));
              document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
            }
            """, new object[] { Convert.ToBase64String(sideways) });
        await Expect(page.Locator("#chosen li")).ToHaveTextAsync(new Regex("sideways.jpg"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the document" }).ClickAsync();
        var result = await ResultAsync(page);

        // The browser shows the photo upright, as the service measured it: the canvas is the upright photo ...
        var canvas = page.Locator("#pages canvas");
        Assert.Equal([upright.Width, upright.Height], await canvas.EvaluateAsync<int[]>("c => [c.width, c.height]"));
        foreach (var (fx, fy) in new[] { (0.2, 0.2), (0.5, 0.5), (0.8, 0.7) })
        {
            int x = (int)(upright.Width * fx), y = (int)(upright.Height * fy);
            var rgb = await canvas.EvaluateAsync<int[]>($"c => Array.from(c.getContext('2d').getImageData({x}, {y}, 1, 1).data)");
            var bgr = upright.At<Vec3b>(y, x);
            Assert.True(Math.Abs(rgb[0] - bgr.Item2) + Math.Abs(rgb[1] - bgr.Item1) + Math.Abs(rgb[2] - bgr.Item0) < 60,
                $"at ({x}, {y}) the canvas shows {string.Join(",", rgb[..3])}, the upright photo {bgr.Item2},{bgr.Item1},{bgr.Item0}");
        }
        // ... and the outline drawn on it is where the service finds the document in the upright photo.
        var expected = (await Client.WaitForResultAsync(plain.Id)).Body.GetProperty("quality").GetProperty("document").GetProperty("corners");
        var drawn = result.GetProperty("quality").GetProperty("document").GetProperty("corners");
        for (var i = 0; i < 4; i++)
        {
            for (var axis = 0; axis < 2; axis++)
                Assert.InRange(drawn[i][axis].GetDouble() - expected[i][axis].GetDouble(), -0.01 * upright.Width, 0.01 * upright.Width);
        }
        await Expect(canvas).ToHaveAttributeAsync("data-outline", "drawn");
    }

    [Fact]
    public async Task The_stage_is_shown_as_the_job_moves()
    {
        // Under the test host's 5 s model time-out, and longer than the 2 s the service asks a poller to wait.
        Model.Default = ModelReply.Delayed(TimeSpan.FromSeconds(3.5), ModelReply.Document(SampleDocuments.Passport()));
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        await ReadAsync(page, ("passport.jpg", DocumentPhoto));

        await Expect(page.Locator("#stages li[aria-current=step]")).ToHaveTextAsync("Reading the fields", new() { Timeout = (float)JobTimeout.TotalMilliseconds });
        await Expect(page.Locator("#progress-text")).ToHaveTextAsync("Working: extracting.");
        await ResultAsync(page);
        await Expect(page.Locator("#stages li[aria-current=step]")).ToHaveTextAsync("Done");
    }

    [Fact]
    public async Task A_refused_photo_shows_the_hint_in_plain_words()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        await ReadAsync(page, ("blurry.jpg", DocumentPhotos.Blurry()));

        var refusal = page.Locator("#refusal");
        await Expect(refusal).ToBeVisibleAsync(new() { Timeout = (float)JobTimeout.TotalMilliseconds });
        await Expect(refusal).ToContainTextAsync("The photo is blurry: hold the camera still");
        await Expect(refusal).ToContainTextAsync("quality_rejected");
        await Expect(page.Locator("#checks caption")).ToHaveTextAsync("Page 1: refused");
        await Expect(page.Locator("#checks tr.failed", new() { HasText = "blur" })).ToContainTextAsync("failed");
        await Expect(page.Locator("#fields-part")).ToBeHiddenAsync();
        await FitsPhoneAndDesktopAsync(page, "refused");
    }

    [Fact]
    public async Task A_glare_spot_is_circled_where_it_is_on_the_photo()
    {
        // A card's front: no zone to prove it legible, so the glare refuses it.
        var sample = QualitySamples.AtSize(1600, 1200).Single(s => s.Label.StartsWith("glare_on_document", StringComparison.Ordinal));
        var glared = SyntheticDocumentGenerator.Generate(sample.Spec with { Side = CardSide.Front });
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        await ReadAsync(page, ("glare.jpg", glared.Bytes));

        await Expect(page.Locator("#refusal")).ToContainTextAsync("Light reflects off the document", new() { Timeout = (float)JobTimeout.TotalMilliseconds });
        var canvas = page.Locator("#pages canvas");
        await Expect(canvas).ToHaveAttributeAsync("data-spots", "1");
        await Expect(canvas).ToHaveAttributeAsync("aria-label", new Regex("glare check failed where the red circle is"));
        // The circle's rightmost point is red on the drawn page.
        var onCircle = await page.EvaluateAsync<int[]>("""
            () => {
              const canvas = document.querySelector('#pages canvas');
              const spot = JSON.parse(document.getElementById('raw').textContent).quality.checks.find(c => c.name === 'glare').spot;
              const line = Math.max(3, Math.round(Math.max(canvas.width, canvas.height) / 250));
              const pixel = canvas.getContext('2d').getImageData(Math.round(spot.x + Math.max(spot.radius, line * 4)), Math.round(spot.y), 1, 1).data;
              return [pixel[0], pixel[1], pixel[2]];
            }
            """);
        Assert.True(onCircle[0] > 150 && onCircle[1] < 80, $"the circle's pixel is {string.Join(",", onCircle)}, not red");
        await FitsPhoneAndDesktopAsync(page, "glare");
    }

    [Fact]
    public async Task A_field_value_carrying_markup_is_shown_as_text_and_never_run()
    {
        const string Markup = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">";
        var fields = SampleFields();
        fields["place_of_birth"] = new { value = Markup, raw = Markup };
        Model.Default = ModelReply.Document(new { document = new { type = "passport", issuing_country = "UTO" }, fields });
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        await ReadAsync(page, ("passport.jpg", DocumentPhoto));

        var result = await ResultAsync(page);
        var shown = result.GetProperty("fields").GetProperty("place_of_birth").GetProperty("value").GetString();
        Assert.Contains("<script>", shown, StringComparison.Ordinal);
        var cell = page.Locator("#fields tbody tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "place of birth" }) }).Locator("td").First;
        Assert.Equal(shown, await cell.TextContentAsync());
        Assert.Equal(0, await page.Locator("#fields script, #fields img").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
    }

    [Fact]
    public async Task Delete_now_erases_the_job()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        var taskId = await ReadAsync(page, ("passport.jpg", DocumentPhoto));
        await ResultAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete now" }).ClickAsync();

        await Expect(page.Locator("#delete-status")).ToContainTextAsync("Deleted");
        await Expect(page.Locator("#fields tbody tr")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.StatusAsync(taskId)).Status);
        Assert.Empty(await Store.ListJobBlobsAsync(taskId));
    }

    [Fact]
    public async Task A_refused_key_asks_for_the_key_again()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(PageAddress);
        await EnterKeyAsync(page, "not-a-key-of-this-service");
        await page.Locator("#files").SetInputFilesAsync(new FilePayload { Name = "passport.jpg", MimeType = "image/jpeg", Buffer = DocumentPhoto });

        await page.GetByRole(AriaRole.Button, new() { Name = "Read the document" }).ClickAsync();

        await Expect(page.Locator("#key-status")).ToContainTextAsync("refused this key (401)");
        await Expect(page.Locator("#key-form")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('kycocr.apiKey')"));
        await Expect(page.Locator("#refusal")).ToContainTextAsync("Invalid or missing API key");
    }

    [Fact]
    public async Task Axe_finds_no_WCAG_A_or_AA_violation_before_or_after_a_result()
    {
        var axe = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "node_modules", "axe-core", "axe.min.js"));
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(bypassCsp: true);
        await page.GotoAsync(PageAddress);
        await page.AddScriptTagAsync(new() { Content = axe });
        var before = await ViolationsAsync(page);

        await ReadAsync(page, ("passport.jpg", DocumentPhoto), gotoPage: false);
        await ResultAsync(page);
        var after = await ViolationsAsync(page);

        Assert.True(before.Length == 0, "before: " + string.Join("; ", before));
        Assert.True(after.Length == 0, "after: " + string.Join("; ", after));
    }

    /// <summary>Screenshots at a desktop's width and a phone's (TestResults/try-it/{name}-desktop.png, -phone.png), and no sideways scrolling on the phone.</summary>
    private static async Task FitsPhoneAndDesktopAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Chromium.ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotFolder, name + "-desktop.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at a phone's width");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotFolder, name + "-phone.png"), FullPage = true });
    }

    private static async Task<string[]> ViolationsAsync(IPage page) => await page.EvaluateAsync<string[]>("""
        async () => {
          const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
          return results.violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`);
        }
        """);

    private static async Task EnterKeyAsync(IPage page, string key)
    {
        await page.GetByRole(AriaRole.Textbox, new() { Name = "API key" }).FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this key" }).ClickAsync();
    }

    /// <summary>Opens the page, enters the key, chooses the photos and submits; the task id once the service took them.</summary>
    private async Task<string> ReadAsync(IPage page, (string Name, byte[] Bytes) photo, bool gotoPage = true)
    {
        if (gotoPage)
            await page.GotoAsync(PageAddress);
        await EnterKeyAsync(page, KycOcrTestHost.ApiKey);
        await page.Locator("#files").SetInputFilesAsync(new FilePayload { Name = photo.Name, MimeType = "image/jpeg", Buffer = photo.Bytes });
        await Expect(page.Locator("#chosen li")).ToHaveCountAsync(1);
        var submitted = page.WaitForResponseAsync(r => r.Url.EndsWith("/read_text", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the document" }).ClickAsync();
        var response = await submitted;
        Assert.Equal(202, response.Status);
        return (await response.JsonAsync())!.Value.GetProperty("id").GetString()!;
    }

    /// <summary>Waits for the page to say the job is done and show the answer; the answer as the page got it.</summary>
    private static async Task<JsonElement> ResultAsync(IPage page)
    {
        await Expect(page.Locator("#progress-text")).ToHaveTextAsync("Done: the document was read.", new() { Timeout = (float)JobTimeout.TotalMilliseconds });
        await Expect(page.Locator("#fields tbody tr").First).ToBeVisibleAsync();
        return JsonDocument.Parse((await page.Locator("#raw").TextContentAsync())!).RootElement.Clone();
    }

    private static Dictionary<string, object?> SampleFields()
    {
        using var sample = JsonDocument.Parse(JsonSerializer.Serialize(SampleDocuments.Passport()));
        return sample.RootElement.GetProperty("fields").EnumerateObject()
            .ToDictionary(f => f.Name, f => f.Value.ValueKind == JsonValueKind.Null ? null : (object?)f.Value.Clone());
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex(@"(src|href)\s*=\s*""(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex OtherOrigin();
}

/// <summary>With <c>TRY_IT_PAGE_ENABLED=false</c> the page is not there.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TryItPageOffTests(AzuriteFixture azurite) : LocalServiceTestBase(azurite.ConnectionString, ("TRY_IT_PAGE_ENABLED", "false"))
{
    [Fact]
    public async Task The_page_and_its_files_answer_404()
    {
        Assert.Equal("not_found", (await Client.GetAsync("/")).Code);
        Assert.Equal("not_found", (await Client.GetAsync("/try-it/try-it.js")).Code);
    }
}
