using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SearchService.Api.Tests.Browser;

/// <summary>
/// A browser session over the W3C WebDriver HTTP protocol (https://www.w3.org/TR/webdriver2/):
/// just the commands the browser tests use, each one JSON request to the driver. Written here
/// rather than taken from a Selenium package, which the NuGet copy our machines reach lacks.
/// </summary>
internal sealed class WebDriverSession : IAsyncDisposable
{
    /// <summary>The WebDriver key code for Enter, to put at the end of typed text.</summary>
    public const string EnterKey = "\uE007";

    private readonly HttpClient _http;
    private readonly Uri _session;

    private WebDriverSession(HttpClient http, Uri driver, string id)
    {
        _http = http;
        _session = new Uri(driver, $"session/{id}/");
    }

    /// <summary>
    /// Opens headless Chromium through the driver. The flags keep Chromium from reaching for
    /// Google's services, which the closed network refuses and which can stall its start; the fresh
    /// profile folder keeps runs from sharing state.
    /// </summary>
    public static async Task<WebDriverSession> StartChromiumAsync(Uri driver, string browserPath, string profileFolder, int width, int height)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            string[] arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", $"--user-data-dir={profileFolder}",
                $"--window-size={width},{height}", "--lang=vi",
            ];
            var capabilities = new JsonObject
            {
                ["capabilities"] = new JsonObject
                {
                    ["alwaysMatch"] = new JsonObject
                    {
                        ["browserName"] = "chrome",
                        ["goog:chromeOptions"] = new JsonObject
                        {
                            ["binary"] = browserPath,
                            ["args"] = new JsonArray([.. arguments.Select(a => JsonValue.Create(a))]),
                        },
                    },
                },
            };
            var value = await SendAsync(http, HttpMethod.Post, new Uri(driver, "session"), capabilities);
            var id = value?["sessionId"]?.GetValue<string>() ?? throw new WebDriverException("The driver's new-session answer has no sessionId.");
            return new WebDriverSession(http, driver, id);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>Loads a page and waits for the document to load.</summary>
    public Task NavigateAsync(Uri url) => CommandAsync(HttpMethod.Post, "url", new JsonObject { ["url"] = url.ToString() });

    /// <summary>The address the browser shows now.</summary>
    public async Task<Uri> CurrentUrlAsync() => new((await CommandAsync(HttpMethod.Get, "url"))!.GetValue<string>());

    /// <summary>Resizes the window (the viewport follows), to look at the page at phone width.</summary>
    public Task SetWindowSizeAsync(int width, int height) =>
        CommandAsync(HttpMethod.Post, "window/rect", new JsonObject { ["width"] = width, ["height"] = height });

    /// <summary>The first element matching a CSS selector; throws "no such element" when none does.</summary>
    public async Task<WebElement> FindAsync(string cssSelector)
    {
        var value = await CommandAsync(HttpMethod.Post, "element", Locator(cssSelector));
        return new WebElement(this, ElementId(value));
    }

    /// <summary>Every element matching a CSS selector, in document order; empty when none does.</summary>
    public async Task<IReadOnlyList<WebElement>> FindAllAsync(string cssSelector)
    {
        var value = await CommandAsync(HttpMethod.Post, "elements", Locator(cssSelector));
        return [.. value!.AsArray().Select(item => new WebElement(this, ElementId(item)))];
    }

    /// <summary>Runs a script in the page and returns its JSON result.</summary>
    public Task<JsonNode?> ExecuteAsync(string script, params JsonNode?[] arguments) =>
        CommandAsync(HttpMethod.Post, "execute/sync", new JsonObject { ["script"] = script, ["args"] = new JsonArray(arguments) });

    /// <summary>A PNG of the viewport.</summary>
    public async Task<byte[]> ScreenshotAsync() =>
        Convert.FromBase64String((await CommandAsync(HttpMethod.Get, "screenshot"))!.GetValue<string>());

    /// <summary>
    /// Polls until <paramref name="probe"/> gives a value, tolerating elements that are not there
    /// yet or were just replaced; on timeout, throws with <paramref name="what"/> and the last error.
    /// </summary>
    public static async Task<T> WaitUntilAsync<T>(string what, TimeSpan timeout, Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        WebDriverException? last = null;
        while (true)
        {
            try
            {
                var result = await probe();
                if (result is not null)
                {
                    return result;
                }
            }
            catch (WebDriverException e) when (e.IsMissingElement)
            {
                last = e;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}." + (last is null ? "" : $" Last error: {last.Message}"));
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Closes the browser; errors are ignored because the driver is killed next anyway.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(_session.ToString().TrimEnd('/')));
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            using var response = await _http.SendAsync(request, cts.Token);
        }
        catch (HttpRequestException)
        {
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _http.Dispose();
        }
    }

    internal async Task<string> ElementTextAsync(string id) =>
        (await CommandAsync(HttpMethod.Get, $"element/{id}/text"))?.GetValue<string>() ?? "";

    internal async Task<string?> ElementAttributeAsync(string id, string name) =>
        (await CommandAsync(HttpMethod.Get, $"element/{id}/attribute/{Uri.EscapeDataString(name)}"))?.GetValue<string>();

    internal Task ElementClickAsync(string id) => CommandAsync(HttpMethod.Post, $"element/{id}/click", new JsonObject());

    internal Task ElementSendKeysAsync(string id, string text) =>
        CommandAsync(HttpMethod.Post, $"element/{id}/value", new JsonObject { ["text"] = text });

    private static JsonObject Locator(string cssSelector) => new() { ["using"] = "css selector", ["value"] = cssSelector };

    private static string ElementId(JsonNode? value) =>
        value?[WebElement.IdentifierKey]?.GetValue<string>() ?? throw new WebDriverException($"Not an element reference: {value?.ToJsonString()}");

    private Task<JsonNode?> CommandAsync(HttpMethod method, string path, JsonObject? body = null) =>
        SendAsync(_http, method, new Uri(_session, path), body);

    /// <summary>Sends one command; every answer is <c>{ "value": … }</c>, an error's value names the error.</summary>
    private static async Task<JsonNode?> SendAsync(HttpClient http, HttpMethod method, Uri url, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            // A string body has a Content-Length; chromedriver drops the connection on a chunked one.
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? answer;
        try
        {
            answer = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new WebDriverException($"{method} {url} answered {(int)response.StatusCode} with no JSON: {text}", e);
        }

        var value = answer?["value"];
        if (!response.IsSuccessStatusCode)
        {
            throw new WebDriverException(
                value?["error"]?.GetValue<string>() ?? $"http {(int)response.StatusCode}",
                value?["message"]?.GetValue<string>() ?? text);
        }

        return value;
    }
}
