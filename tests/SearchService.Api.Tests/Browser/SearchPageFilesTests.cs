using System.Text.RegularExpressions;

namespace SearchService.Api.Tests.Browser;

/// <summary>
/// Checks of the page's files that need no browser: the page must work on a closed network, so
/// everything it loads comes from wwwroot itself.
/// </summary>
public sealed partial class SearchPageFilesTests
{
    private static readonly string WebRoot = FindWebRoot();

    [Theory]
    [InlineData("index.html")]
    [InlineData("app.js")]
    [InlineData("app.css")]
    public void Page_file_loads_nothing_from_other_hosts(string file)
    {
        var text = File.ReadAllText(Path.Combine(WebRoot, file));

        var external = ExternalReference().Matches(text).Select(m => m.Value).ToList();

        Assert.True(external.Count == 0, $"{file} refers to other hosts: {string.Join(", ", external)}");
    }

    [Fact]
    public void Index_page_is_vietnamese_and_loads_its_script_and_style_from_wwwroot()
    {
        var html = File.ReadAllText(Path.Combine(WebRoot, "index.html"));

        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("src=\"app.js\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"app.css\"", html, StringComparison.Ordinal);
    }

    // src/href/url()/import/fetch of an absolute or protocol-relative address.
    [GeneratedRegex("""(?:src|href)\s*=\s*["'](?:https?:)?//[^"']*|url\(\s*["']?(?:https?:)?//[^)]*|@import\s+["'](?:https?:)?//[^"']*|fetch\(\s*["'`](?:https?:)?//[^"'`]*""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    private static string FindWebRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "SearchService.Api", "wwwroot");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No src/SearchService.Api/wwwroot above {AppContext.BaseDirectory}.");
    }
}
