using KycOcr.TestSupport;
using Microsoft.Playwright;

namespace KycOcr.LocalHost.Tests.TryIt;

/// <summary>
/// Debian's <c>chromium</c> (the bootstrap installs it), driven headless by Playwright: nothing is downloaded. One
/// browser per test; each test's pages get a fresh context, so no storage leaks from one to the next.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Screenshots of synthetic documents only, for a person to look at: TestResults/try-it in the repository.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryPaths.Root, "TestResults", "try-it");

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: run scripts/bootstrap.sh, which installs Debian's chromium.");
        var playwright = await Playwright.CreateAsync();
        try
        {
            // Running as root in CI: Chromium's sandbox needs a user namespace it cannot have there.
            var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = ["--no-sandbox"] });
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A page in a fresh context (its own tab storage), at a desktop width unless told.</summary>
    /// <param name="bypassCsp">Only to inject a checker (axe-core) that the page's policy rightly refuses.</param>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BypassCSP = bypassCsp });
        // Records what the page's Content-Security-Policy blocked, had the page tried anything it forbids.
        await context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective));");
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
