using System.Globalization;
using System.Net;
using System.Text;
using Xunit.Abstractions;

namespace SearchService.Api.Tests.Browser;

/// <summary>
/// The search page in a real browser against the real service: type a query without accents,
/// see highlighted results, narrow them with a facet, open a document and its similar documents.
/// Needs Debian's chromium and chromium-driver (scripts/setup.sh); fails, saying so, without them.
/// </summary>
public sealed class SearchPageBrowserTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(20);

    private readonly string _profileFolder = Path.Combine(Path.GetTempPath(), $"searchservice-chromium-{Guid.NewGuid():N}");
    private readonly string _screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
    private SearchServiceProcess? _service;
    private ChromeDriverProcess? _driver;
    private WebDriverSession? _browser;

    [Fact]
    public async Task Unaccented_query_shows_highlighted_results_that_a_facet_narrows_and_a_document_opens_with_similar_ones()
    {
        var browser = await StartAsync();
        var site = _service!.BaseAddress;

        // The page and each endpoint are checked over plain HTTP first, so a missing piece fails
        // with its own name rather than as a page that never fills in.
        await RequireAnswerAsync("", "the search page (Program.cs must serve wwwroot: UseDefaultFiles + UseStaticFiles)");
        await RequireAnswerAsync("api/search?q=nong%20thon%20moi", "the search endpoint");

        await StepAsync("type an unaccented query and press Enter", async () =>
        {
            await browser.NavigateAsync(site);
            var box = await WebDriverSession.WaitUntilAsync("the search box", StepTimeout, async () => await browser.FindAsync("#q"));
            await box.SendKeysAsync("nong thon moi" + WebDriverSession.EnterKey);
        });

        var hitCount = 0;
        await StepAsync("results with highlighted snippets", async () =>
        {
            var hits = await WaitForResultsAsync(browser);
            hitCount = hits.Count;
            var marks = await browser.FindAllAsync("#hits .snippet mark");
            Assert.NotEmpty(marks);
            var marked = new List<string>();
            foreach (var mark in marks)
            {
                marked.Add(Fold(await mark.TextAsync()));
            }

            Assert.Contains(marked, text => text.Contains("nong", StringComparison.Ordinal) || text.Contains("thon", StringComparison.Ordinal) || text.Contains("moi", StringComparison.Ordinal));
            var status = await (await browser.FindAsync("#status")).TextAsync();
            output.WriteLine($"results: {status}");
        });

        await StepAsync("screenshot of the results", async () =>
        {
            var path = await SaveScreenshotAsync("results.png");
            output.WriteLine($"screenshot of the results page: {path}");
        });

        string locality = "";
        await StepAsync("click a locality facet", async () =>
        {
            // The facet with the fewest documents: the one most likely to change what is shown.
            var facets = (await browser.ExecuteAsync(
                "return [...document.querySelectorAll('.facet-group[data-facet=locality] li:not([hidden]) .facet-value')]" +
                ".map(b => ({ value: b.dataset.value, count: parseInt(b.querySelector('.facet-count').textContent.replace(/\\D/g, ''), 10) }));"))!.AsArray();
            Assert.True(facets.Count > 0, "The results page shows no locality facet values.");
            var chosen = facets.OrderBy(f => f!["count"]!.GetValue<int>()).First()!;
            locality = chosen["value"]!.GetValue<string>();
            var expected = Math.Min(chosen["count"]!.GetValue<int>(), 10);
            output.WriteLine($"facet: Địa phương = {locality} ({chosen["count"]} of {hitCount} shown before)");

            await (await browser.FindAsync($".facet-group[data-facet=locality] .facet-value[data-value=\"{CssString(locality)}\"]")).ClickAsync();

            var chip = await WebDriverSession.WaitUntilAsync("the active-filter chip for the locality", StepTimeout, async () =>
            {
                var chips = await browser.FindAllAsync(".chip[data-filter=locality]");
                return chips.Count == 1 && await ResultsSettledAsync(browser) ? chips[0] : null;
            });
            Assert.Contains(locality, await chip.TextAsync(), StringComparison.Ordinal);
            var inUrl = await browser.ExecuteAsync("return new URL(location.href).searchParams.get('locality');");
            Assert.Equal(locality, inUrl?.GetValue<string>());

            // Every hit shown is from that place: the filter reached the API, not just the URL.
            var metas = await browser.FindAllAsync("#hits .hit-meta");
            Assert.NotEmpty(metas);
            Assert.True(metas.Count <= expected, $"{metas.Count} hits shown after filtering on a facet that counted {expected}.");
            foreach (var meta in metas)
            {
                Assert.Contains(locality, await meta.TextAsync(), StringComparison.Ordinal);
            }
        });

        string title = "";
        await StepAsync("open the first result", async () =>
        {
            var link = await browser.FindAsync("#hits .hit-title a");
            title = await link.TextAsync();
            var id = (await browser.ExecuteAsync(
                "return new URL(document.querySelector('#hits .hit-title a').href).searchParams.get('doc');"))?.GetValue<string>();
            Assert.False(string.IsNullOrEmpty(id), "The first result's link names no document (?doc=…).");
            await RequireAnswerAsync($"api/documents/{Uri.EscapeDataString(id)}", "the document endpoint");
            await RequireAnswerAsync($"api/documents/{Uri.EscapeDataString(id)}/similar", "the similar-documents endpoint");
            await link.ClickAsync();

            await WebDriverSession.WaitUntilAsync("the document's metadata", StepTimeout, async () =>
                (await browser.FindAllAsync("#document-meta dt")).Count > 0 ? "shown" : null);
            Assert.Equal(title, await (await browser.FindAsync("#document-title")).TextAsync());
            var meta = await (await browser.FindAsync("#document-meta")).TextAsync();
            Assert.Contains("Loại văn bản", meta, StringComparison.Ordinal);
            Assert.Contains("Địa phương", meta, StringComparison.Ordinal);
            Assert.Contains(locality, meta, StringComparison.Ordinal);

            var similar = await WebDriverSession.WaitUntilAsync("the similar-documents list", StepTimeout, async () =>
            {
                var items = await browser.FindAllAsync("#similar-list li a");
                return items.Count > 0 ? items : null;
            });
            output.WriteLine($"document: {title}; {similar.Count} similar documents");
            output.WriteLine($"screenshot of the document: {await SaveScreenshotAsync("document.png")}");
        });

        await StepAsync("Back returns to the filtered results", async () =>
        {
            await browser.ExecuteAsync("history.back();");
            await WebDriverSession.WaitUntilAsync("the filtered results after Back", StepTimeout, async () =>
                (await browser.FindAllAsync(".chip[data-filter=locality]")).Count == 1 && await ResultsSettledAsync(browser) ? "shown" : null);
        });

        await StepAsync("the results at phone width", async () =>
        {
            await browser.SetWindowSizeAsync(360, 800);
            output.WriteLine($"screenshot at 360 px: {await SaveScreenshotAsync("results-phone.png")}");
        });
    }

    [Fact]
    public async Task Todays_province_facet_takes_in_the_former_province_with_a_chip_that_says_so()
    {
        var browser = await StartAsync();
        await RequireAnswerAsync("api/search?province=Gia%20Lai&history=true", "the search endpoint with history");

        await StepAsync("filter by a province of today", async () =>
        {
            await browser.NavigateAsync(new Uri(_service!.BaseAddress, "?province=Gia%20Lai"));
            Assert.Single(await WaitForResultsAsync(browser));
        });

        await StepAsync("click today's-province facet to take in the former Bình Định", async () =>
        {
            await (await browser.FindAsync(".facet-group[data-facet=current_province] .facet-value[data-value=\"Gia Lai\"]")).ClickAsync();
            var chip = await WebDriverSession.WaitUntilAsync("the history chip", StepTimeout, async () =>
            {
                var hits = await browser.FindAllAsync("#hits .hit");
                var chips = await browser.FindAllAsync(".chip[data-filter=province]");
                return hits.Count == 2 && chips.Count == 1 && await ResultsSettledAsync(browser) ? chips[0] : null;
            });
            Assert.Contains("Tỉnh hiện nay", await chip.TextAsync(), StringComparison.Ordinal);
            Assert.Equal("true", (await browser.ExecuteAsync("return new URL(location.href).searchParams.get('history');"))?.GetValue<string>());
            var metas = new List<string>();
            foreach (var meta in await browser.FindAllAsync("#hits .hit-meta"))
            {
                metas.Add(await meta.TextAsync());
            }

            Assert.Contains(metas, m => m.Contains("Quy Nhơn, Bình Định", StringComparison.Ordinal) && m.Contains("nay thuộc Gia Lai", StringComparison.Ordinal));
            Assert.Contains(metas, m => m.Contains("Phường", StringComparison.Ordinal) && m.Contains("Quy Nhơn Nam", StringComparison.Ordinal));
            output.WriteLine($"screenshot of the history filter: {await SaveScreenshotAsync("history.png")}");
        });
    }

    /// <summary>Starts the service on the samples, chromedriver and a browser window (disposed with the test).</summary>
    private async Task<WebDriverSession> StartAsync()
    {
        ChromeDriverProcess.RequireInstalled();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        _service = await SearchServiceProcess.StartAsync(timeout.Token);
        _driver = await ChromeDriverProcess.StartAsync(timeout.Token);
        Directory.CreateDirectory(_profileFolder);
        _browser = await WebDriverSession.StartChromiumAsync(_driver.Address, ChromeDriverProcess.BrowserPath, _profileFolder, 1280, 1000);
        return _browser;
    }

    /// <summary>Closes the browser and kills the driver and the service, whatever the test did.</summary>
    public void Dispose()
    {
        if (_browser is not null)
        {
            // Off the test's synchronization context, so blocking here cannot deadlock the close.
            var browser = _browser;
            Task.Run(async () => await browser.DisposeAsync()).Wait(TimeSpan.FromSeconds(15));
        }

        _driver?.Dispose();
        _service?.Dispose();
        try
        {
            if (Directory.Exists(_profileFolder))
            {
                Directory.Delete(_profileFolder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile as it dies; a leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task<IReadOnlyList<WebElement>> WaitForResultsAsync(WebDriverSession browser) =>
        await WebDriverSession.WaitUntilAsync("search results", StepTimeout, async () =>
        {
            var message = await browser.FindAllAsync("#message:not([hidden])");
            if (message.Count > 0)
            {
                throw new InvalidOperationException($"The page shows a message instead of results: {await message[0].TextAsync()}");
            }

            var hits = await browser.FindAllAsync("#hits .hit");
            return hits.Count > 0 && await ResultsSettledAsync(browser) ? hits : null;
        });

    private static async Task<bool> ResultsSettledAsync(WebDriverSession browser) =>
        (await browser.FindAllAsync("#hits[aria-busy]")).Count == 0;

    /// <summary>Fails with the endpoint's name and what it answered unless it answers 200.</summary>
    private async Task RequireAnswerAsync(string relative, string what)
    {
        using var http = new HttpClient { BaseAddress = _service!.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.GetAsync(new Uri(relative, UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"GET /{relative} ({what}) answered {(int)response.StatusCode} {response.ReasonPhrase}, expected 200. Body: {Truncate(body, 400)}");
        }
    }

    /// <summary>Runs one step; on failure adds the page's state and a screenshot to the message.</summary>
    private async Task StepAsync(string name, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception e) when (_browser is not null)
        {
            var state = new StringBuilder();
            try
            {
                state.Append(CultureInfo.InvariantCulture, $"URL: {await _browser.CurrentUrlAsync()}; ");
                var text = await _browser.ExecuteAsync(
                    "const t = id => { const e = document.getElementById(id); return e && !e.hidden ? e.innerText.trim() : ''; };" +
                    "return 'status: ' + t('status') + '; message: ' + t('message') + ' ' + t('document-message');");
                state.Append(text?.GetValue<string>());
                state.Append(CultureInfo.InvariantCulture, $"; screenshot: {await SaveScreenshotAsync("failure.png")}");
            }
            catch (Exception probe) when (probe is WebDriverException or HttpRequestException)
            {
                state.Append(CultureInfo.InvariantCulture, $"(page state unavailable: {probe.Message})");
            }

            throw new InvalidOperationException($"Browser step '{name}' failed: {e.Message}{Environment.NewLine}{state}", e);
        }
    }

    private async Task<string> SaveScreenshotAsync(string fileName)
    {
        Directory.CreateDirectory(_screenshots);
        var path = Path.Combine(_screenshots, fileName);
        await File.WriteAllBytesAsync(path, await _browser!.ScreenshotAsync());
        return path;
    }

    /// <summary>Lowercase without tone marks and with đ as d, to compare highlights with an unaccented query.</summary>
    private static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
            }
        }

        return folded.ToString();
    }

    private static string CssString(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
