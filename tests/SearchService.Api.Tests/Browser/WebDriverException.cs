namespace SearchService.Api.Tests.Browser;

/// <summary>
/// An error answer of a WebDriver endpoint: the W3C error code ("no such element",
/// "stale element reference", …) and the driver's message.
/// </summary>
public sealed class WebDriverException : Exception
{
    /// <summary>An error with the driver's code and message.</summary>
    public WebDriverException(string error, string message)
        : base($"WebDriver error '{error}': {message}")
    {
        Error = error;
    }

    /// <summary>An error without a W3C code.</summary>
    public WebDriverException(string message)
        : this("unknown error", message)
    {
    }

    /// <summary>An error without a W3C code, caused by another.</summary>
    public WebDriverException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = "unknown error";
    }

    /// <summary>The required parameterless form; says nothing useful.</summary>
    public WebDriverException()
        : this("unknown error", "no details")
    {
    }

    /// <summary>The W3C error code, such as "no such element".</summary>
    public string Error { get; } = "unknown error";

    /// <summary>Whether the element asked for was not there (yet) or has been replaced since.</summary>
    public bool IsMissingElement => Error is "no such element" or "stale element reference";
}
