using System.Diagnostics;
using Microsoft.Playwright;

namespace TestSupport.Documents;

/// <summary>Prints HTML to PDF in Debian's Chromium through Playwright, as a publisher's "save as PDF" does.</summary>
public sealed class PdfPrinter : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private PdfPrinter(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    public static async Task<PdfPrinter> StartAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // The machine has no network beyond loopback: keep Chromium from reaching out.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new PdfPrinter(playwright, browser);
    }

    /// <summary>Prints an issue in a layout to <paramref name="path"/>.</summary>
    public async Task PrintAsync(IssueContent issue, PrintLayout layout, int variant, string path)
    {
        var page = await _browser.NewPageAsync();
        try
        {
            await page.SetContentAsync(IssueHtml.Render(issue, layout, variant));
            await page.PdfAsync(layout == PrintLayout.Classic
                ? new PagePdfOptions
                {
                    Path = path, Format = "A4", DisplayHeaderFooter = true,
                    HeaderTemplate = IssueHtml.ClassicHeader(issue), FooterTemplate = IssueHtml.ClassicFooter,
                    Margin = new() { Top = "28mm", Bottom = "25mm", Left = "22mm", Right = "22mm" },
                }
                : new PagePdfOptions { Path = path, PreferCSSPageSize = true });
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>A scan: the issue's first page as a picture, printed to a PDF that has no text layer.</summary>
    public async Task PrintScanAsync(IssueContent issue, string path)
    {
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 794, Height = 1123 } });
        try
        {
            await page.SetContentAsync(IssueHtml.Render(issue, PrintLayout.Classic, 0));
            var picture = Convert.ToBase64String(await page.ScreenshotAsync());
            await page.SetContentAsync($"<!doctype html><body style=\"margin:0\"><img style=\"width:100%\" src=\"data:image/png;base64,{picture}\"></body>");
            await page.PdfAsync(new() { Path = path, Format = "A4" });
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>Encrypts a PDF with a password to open it (qpdf, AES-256), as a publisher's "protect" does.</summary>
    public static void Protect(string source, string path, string password)
    {
        using var qpdf = Process.Start(new ProcessStartInfo("qpdf", ["--encrypt", password, password + "-owner", "256", "--", source, path])
        {
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("qpdf did not start (test.sh installs it)");
        var error = qpdf.StandardError.ReadToEnd();
        qpdf.WaitForExit();
        if (qpdf.ExitCode != 0)
            throw new InvalidOperationException($"qpdf failed: {error}");
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
