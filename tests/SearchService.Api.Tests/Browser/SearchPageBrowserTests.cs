using System.Collections.ObjectModel;
using System.Drawing;
using System.Globalization;
using System.Net;
using System.Text;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
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
    private ChromeDriver? _browser;

    [Fact]
    public async Task Unaccented_query_shows_highlighted_results_that_a_facet_narrows_and_a_document_opens_with_similar_ones()
    {
        var browser = await StartAsync();
        var site = _service!.BaseAddress;

        // The page and each endpoint are checked over plain HTTP first, so a missing piece fails
        // with its own name rather than as a page that never fills in.
        await RequireAnswerAsync("", "the search page (Program.cs must serve wwwroot: UseDefaultFiles + UseStaticFiles)");
        await RequireAnswerAsync("api/search?q=nong%20thon%20moi", "the search endpoint");

        Step("type an unaccented query and press Enter", () =>
        {
            browser.Navigate().GoToUrl(site);
            var box = WaitUntil(browser, "the search box", b => b.FindElement(By.CssSelector("#q")));
            box.SendKeys("nong thon moi" + Keys.Enter);
        });

        var hitCount = 0;
        Step("results with highlighted snippets", () =>
        {
            var hits = WaitForResults(browser);
            hitCount = hits.Count;
            var marks = browser.FindElements(By.CssSelector("#hits .snippet mark"));
            Assert.NotEmpty(marks);
            var marked = marks.Select(mark => Fold(mark.Text)).ToList();

            Assert.Contains(marked, text => text.Contains("nong", StringComparison.Ordinal) || text.Contains("thon", StringComparison.Ordinal) || text.Contains("moi", StringComparison.Ordinal));
            var status = browser.FindElement(By.CssSelector("#status")).Text;
            output.WriteLine($"results: {status}");
        });

        Step("screenshot of the results", () =>
        {
            var path = SaveScreenshot("results.png");
            output.WriteLine($"screenshot of the results page: {path}");
        });

        string locality = "";
        Step("click a locality facet", () =>
        {
            // The facet with the fewest documents: the one most likely to change what is shown.
            var facets = ((IEnumerable<object>)browser.ExecuteScript(
                "return [...document.querySelectorAll('.facet-group[data-facet=locality] li:not([hidden]) .facet-value')]" +
                ".map(b => ({ value: b.dataset.value, count: parseInt(b.querySelector('.facet-count').textContent.replace(/\\D/g, ''), 10) }));")!)
                .Cast<IDictionary<string, object>>()
                .Select(f => (Value: (string)f["value"], Count: Convert.ToInt32(f["count"], CultureInfo.InvariantCulture)))
                .ToList();
            Assert.True(facets.Count > 0, "The results page shows no locality facet values.");
            var chosen = facets.OrderBy(f => f.Count).First();
            locality = chosen.Value;
            var expected = Math.Min(chosen.Count, 10);
            output.WriteLine($"facet: Địa phương = {locality} ({chosen.Count} of {hitCount} shown before)");

            browser.FindElement(By.CssSelector($".facet-group[data-facet=locality] .facet-value[data-value=\"{CssString(locality)}\"]")).Click();

            var chip = WaitUntil(browser, "the active-filter chip for the locality", b =>
            {
                var chips = b.FindElements(By.CssSelector(".chip[data-filter=locality]"));
                return chips.Count == 1 && ResultsSettled(b) ? chips[0] : null;
            });
            Assert.Contains(locality, chip.Text, StringComparison.Ordinal);
            var inUrl = browser.ExecuteScript("return new URL(location.href).searchParams.get('locality');");
            Assert.Equal(locality, inUrl as string);

            // Every hit shown is from that place: the filter reached the API, not just the URL.
            var metas = browser.FindElements(By.CssSelector("#hits .hit-meta"));
            Assert.NotEmpty(metas);
            Assert.True(metas.Count <= expected, $"{metas.Count} hits shown after filtering on a facet that counted {expected}.");
            foreach (var meta in metas)
            {
                Assert.Contains(locality, meta.Text, StringComparison.Ordinal);
            }
        });

        string title = "";
        await StepAsync("open the first result", async () =>
        {
            var link = browser.FindElement(By.CssSelector("#hits .hit-title a"));
            title = link.Text;
            var id = browser.ExecuteScript(
                "return new URL(document.querySelector('#hits .hit-title a').href).searchParams.get('doc');") as string;
            Assert.False(string.IsNullOrEmpty(id), "The first result's link names no document (?doc=…).");
            await RequireAnswerAsync($"api/documents/{Uri.EscapeDataString(id)}", "the document endpoint");
            await RequireAnswerAsync($"api/documents/{Uri.EscapeDataString(id)}/similar", "the similar-documents endpoint");
            link.Click();

            WaitUntil(browser, "the document's metadata", b =>
                b.FindElements(By.CssSelector("#document-meta dt")).Count > 0 ? "shown" : null);
            Assert.Equal(title, browser.FindElement(By.CssSelector("#document-title")).Text);
            var meta = browser.FindElement(By.CssSelector("#document-meta")).Text;
            Assert.Contains("Loại văn bản", meta, StringComparison.Ordinal);
            Assert.Contains("Địa phương", meta, StringComparison.Ordinal);
            Assert.Contains(locality, meta, StringComparison.Ordinal);

            var similar = WaitUntil(browser, "the similar-documents list", b =>
            {
                var items = b.FindElements(By.CssSelector("#similar-list li a"));
                return items.Count > 0 ? items : null;
            });
            output.WriteLine($"document: {title}; {similar.Count} similar documents");
            output.WriteLine($"screenshot of the document: {SaveScreenshot("document.png")}");
        });

        Step("Back returns to the filtered results", () =>
        {
            browser.ExecuteScript("history.back();");
            WaitUntil(browser, "the filtered results after Back", b =>
                b.FindElements(By.CssSelector(".chip[data-filter=locality]")).Count == 1 && ResultsSettled(b) ? "shown" : null);
        });

        Step("the results at phone width", () =>
        {
            browser.Manage().Window.Size = new Size(360, 800);
            output.WriteLine($"screenshot at 360 px: {SaveScreenshot("results-phone.png")}");
        });
    }

    [Fact]
    public async Task Todays_province_facet_takes_in_the_former_province_with_a_chip_that_says_so()
    {
        var browser = await StartAsync();
        await RequireAnswerAsync("api/search?province=Gia%20Lai&history=true", "the search endpoint with history");

        Step("filter by a province of today", () =>
        {
            browser.Navigate().GoToUrl(new Uri(_service!.BaseAddress, "?province=Gia%20Lai"));
            Assert.Single(WaitForResults(browser));
        });

        Step("click today's-province facet to take in the former Bình Định", () =>
        {
            browser.FindElement(By.CssSelector(".facet-group[data-facet=current_province] .facet-value[data-value=\"Gia Lai\"]")).Click();
            var chip = WaitUntil(browser, "the history chip", b =>
            {
                var hits = b.FindElements(By.CssSelector("#hits .hit"));
                var chips = b.FindElements(By.CssSelector(".chip[data-filter=province]"));
                return hits.Count == 2 && chips.Count == 1 && ResultsSettled(b) ? chips[0] : null;
            });
            Assert.Contains("Tỉnh hiện nay", chip.Text, StringComparison.Ordinal);
            Assert.Equal("true", browser.ExecuteScript("return new URL(location.href).searchParams.get('history');") as string);
            var metas = browser.FindElements(By.CssSelector("#hits .hit-meta")).Select(meta => meta.Text).ToList();

            Assert.Contains(metas, m => m.Contains("Quy Nhơn, Bình Định", StringComparison.Ordinal) && m.Contains("nay thuộc Gia Lai", StringComparison.Ordinal));
            Assert.Contains(metas, m => m.Contains("Phường", StringComparison.Ordinal) && m.Contains("Quy Nhơn Nam", StringComparison.Ordinal));
            output.WriteLine($"screenshot of the history filter: {SaveScreenshot("history.png")}");
        });
    }

    /// <summary>Starts the service on the samples, chromedriver and a browser window (disposed with the test).</summary>
    private async Task<ChromeDriver> StartAsync()
    {
        HeadlessChromium.RequireInstalled();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        _service = await SearchServiceProcess.StartAsync(timeout.Token);
        Directory.CreateDirectory(_profileFolder);
        _browser = HeadlessChromium.Start(_profileFolder, new Size(1280, 1000));
        return _browser;
    }

    /// <summary>Closes the browser and stops the driver and the service, whatever the test did.</summary>
    public void Dispose()
    {
        try
        {
            _browser?.Dispose();
        }
        catch (WebDriverException)
        {
            // The browser may already be gone; disposing stops the driver process all the same.
        }

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

    private static ReadOnlyCollection<IWebElement> WaitForResults(IWebDriver browser) =>
        WaitUntil(browser, "search results", b =>
        {
            var message = b.FindElements(By.CssSelector("#message:not([hidden])"));
            if (message.Count > 0)
            {
                throw new InvalidOperationException($"The page shows a message instead of results: {message[0].Text}");
            }

            var hits = b.FindElements(By.CssSelector("#hits .hit"));
            return hits.Count > 0 && ResultsSettled(b) ? hits : null;
        });

    private static bool ResultsSettled(IWebDriver browser) =>
        browser.FindElements(By.CssSelector("#hits[aria-busy]")).Count == 0;

    /// <summary>
    /// Polls until <paramref name="probe"/> gives a value, tolerating elements that are not there
    /// yet or were just replaced; on timeout, throws with <paramref name="what"/> and the last error.
    /// </summary>
    private static T WaitUntil<T>(IWebDriver browser, string what, Func<IWebDriver, T?> probe)
        where T : class
    {
        var wait = new WebDriverWait(browser, StepTimeout) { PollingInterval = TimeSpan.FromMilliseconds(100) };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        try
        {
            return wait.Until(probe)!;
        }
        catch (WebDriverTimeoutException e)
        {
            throw new TimeoutException(
                $"Waited {StepTimeout.TotalSeconds:0} s for {what}." + (e.InnerException is null ? "" : $" Last error: {e.InnerException.Message}"), e);
        }
    }

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
    private void Step(string name, Action step)
    {
        try
        {
            step();
        }
        catch (Exception e) when (_browser is not null)
        {
            throw StepFailure(name, e);
        }
    }

    /// <summary>Runs one step that also awaits plain HTTP checks; see <see cref="Step"/>.</summary>
    private async Task StepAsync(string name, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception e) when (_browser is not null)
        {
            throw StepFailure(name, e);
        }
    }

    /// <summary>The step's error with the page's address, visible status and message, and a screenshot.</summary>
    private InvalidOperationException StepFailure(string name, Exception e)
    {
        var state = new StringBuilder();
        try
        {
            state.Append(CultureInfo.InvariantCulture, $"URL: {_browser!.Url}; ");
            var text = _browser.ExecuteScript(
                "const t = id => { const e = document.getElementById(id); return e && !e.hidden ? e.innerText.trim() : ''; };" +
                "return 'status: ' + t('status') + '; message: ' + t('message') + ' ' + t('document-message');");
            state.Append(text as string);
            state.Append(CultureInfo.InvariantCulture, $"; screenshot: {SaveScreenshot("failure.png")}");
        }
        catch (WebDriverException probe)
        {
            state.Append(CultureInfo.InvariantCulture, $"(page state unavailable: {probe.Message})");
        }

        return new InvalidOperationException($"Browser step '{name}' failed: {e.Message}{Environment.NewLine}{state}", e);
    }

    private string SaveScreenshot(string fileName)
    {
        Directory.CreateDirectory(_screenshots);
        var path = Path.Combine(_screenshots, fileName);
        File.WriteAllBytes(path, _browser!.GetScreenshot().AsByteArray);
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
