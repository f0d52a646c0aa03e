namespace SearchService.Api.Tests.Browser;

/// <summary>An element found in the page: the driver's reference to it, valid until the page replaces it.</summary>
internal sealed class WebElement(WebDriverSession session, string id)
{
    /// <summary>The W3C web element identifier key in the driver's JSON.</summary>
    public const string IdentifierKey = "element-6066-11e4-a52e-4f735466cecf";

    /// <summary>The driver's id for the element.</summary>
    public string Id { get; } = id;

    /// <summary>The rendered text of the element, as a person sees it.</summary>
    public Task<string> TextAsync() => session.ElementTextAsync(Id);

    /// <summary>An attribute's value, or null when the element has none.</summary>
    public Task<string?> AttributeAsync(string name) => session.ElementAttributeAsync(Id, name);

    /// <summary>Clicks the element's centre, scrolling it into view first.</summary>
    public Task ClickAsync() => session.ElementClickAsync(Id);

    /// <summary>Types into the element; "\uE007" is Enter.</summary>
    public Task SendKeysAsync(string text) => session.ElementSendKeysAsync(Id, text);
}
