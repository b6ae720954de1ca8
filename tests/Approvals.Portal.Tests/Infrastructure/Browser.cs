using Microsoft.Playwright;

namespace Approvals.Portal.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium) driven by Playwright: never a downloaded browser. Every page's console errors
/// and uncaught exceptions are collected; screenshots go to artifacts/screenshots/ (git-ignored) at 1280 and 360 px.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Flags =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly List<string> errors = [];

    private Browser(IPlaywright playwright, IBrowser browser, Uri baseAddress)
    {
        this.playwright = playwright;
        this.browser = browser;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Console errors and page exceptions so far, except the browser's own line for a 4xx answer that the page then explains.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (errors) return [.. errors];
        }
    }

    public static string ScreenshotFolder { get; } = Path.Combine(RepoRoot(), "artifacts", "screenshots");

    public static async Task<Browser> LaunchAsync(Uri baseAddress)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = Flags });
        return new Browser(playwright, browser, baseAddress);
    }

    /// <summary>A person with their own browser profile (their own sign-in) on a desktop-sized window.</summary>
    public async Task<IPage> PersonAsync(int width = 1280, int height = 900)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), ViewportSize = new() { Width = width, Height = height }, Locale = "zh-CN", TimezoneId = "Europe/London", AcceptDownloads = true });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type != "error") return;
            if (message.Text.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal)) return;
            lock (errors) errors.Add($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) =>
        {
            lock (errors) errors.Add($"{page.Url}: uncaught {error}");
        };
        return page;
    }

    /// <summary>Signs in with the Development role picker, as a person would.</summary>
    public static async Task SignInAsync(IPage page, string role, string id)
    {
        await page.GotoAsync("/api/portal/");
        await page.GetByLabel("身份 Role").SelectOptionAsync(role);
        await page.Locator("input[name=principal]").FillAsync(id);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录 Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("who")).ToContainTextAsync(id);
    }

    /// <summary>Full-page screenshots of what the page shows now, at 1280 px and at 360 px wide.</summary>
    public static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var size = page.ViewportSize ?? new() { Width = 1280, Height = 900 };
        foreach (var (width, height) in new[] { (1280, 900), (360, 780) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{name}-{width}.png"), FullPage = true });
        }
        await page.SetViewportSizeAsync(size.Width, size.Height);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Serverless.sln"))) dir = dir.Parent;
        return dir?.FullName ?? AppContext.BaseDirectory;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
