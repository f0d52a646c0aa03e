using System.Drawing;
using OpenQA.Selenium.Chrome;

namespace SearchService.Api.Tests.Browser;

/// <summary>
/// Headless Debian Chromium (<c>/usr/bin/chromium</c>) under Debian's ChromeDriver
/// (<c>/usr/bin/chromedriver</c>), both from <c>scripts/setup.sh</c>, driven by Selenium. Naming
/// both paths keeps Selenium Manager from running: its browser and driver downloads cannot work on
/// the closed network, and a test should not fetch programs anyway.
/// </summary>
internal static class HeadlessChromium
{
    /// <summary>Where Debian's chromium-driver package puts the driver.</summary>
    public const string DriverPath = "/usr/bin/chromedriver";

    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string BrowserPath = "/usr/bin/chromium";

    /// <summary>
    /// Fails, naming the fix, when the driver or the browser is not installed. A browser test that
    /// skipped itself here would let CI stay green without ever opening the page.
    /// </summary>
    public static void RequireInstalled()
    {
        var missing = new[] { DriverPath, BrowserPath }.Where(path => !File.Exists(path)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The browser test needs Debian's chromium and chromium-driver; missing: {string.Join(", ", missing)}. " +
                "Run scripts/setup.sh (as root, or with sudo) to install them.");
        }
    }

    /// <summary>
    /// Starts the driver on a free local port and opens a browser window of the given size. The
    /// flags keep Chromium from reaching for Google's services, which the closed network refuses
    /// and which can stall its start; the fresh profile folder keeps runs from sharing state.
    /// Disposing the driver closes the browser and stops the driver process.
    /// </summary>
    public static ChromeDriver Start(string profileFolder, Size window)
    {
        RequireInstalled();

        // Should Selenium Manager ever run after all, it must not download anything.
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath), Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;

        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--hide-scrollbars", $"--user-data-dir={profileFolder}",
            $"--window-size={window.Width},{window.Height}", "--lang=vi");

        try
        {
            return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        }
        catch
        {
            service.Dispose();
            throw;
        }
    }
}
