using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SearchService.Api.Configuration;

namespace SearchService.Api.Security;

/// <summary>
/// Lets a request through only with an <c>X-Api-Key</c> header equal to the configured key,
/// compared in constant time so the key cannot be guessed byte by byte from response times.
/// With no key configured, writes are refused outright (403) rather than left open.
/// </summary>
public sealed class ApiKeyFilter : IEndpointFilter
{
    /// <summary>The header that carries the key.</summary>
    public const string Header = "X-Api-Key";

    private readonly IOptions<SearchServiceOptions> _options;

    /// <summary>A filter checking against the configured key.</summary>
    public ApiKeyFilter(IOptions<SearchServiceOptions> options) => _options = options;

    /// <inheritdoc/>
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Check(context.HttpContext.Request, _options.Value.ApiKey, "write") is { } problem ? ValueTask.FromResult<object?>(problem) : next(context);

    /// <summary>The refusal for <paramref name="request"/>, or null when it carries <paramref name="configured"/>; <paramref name="what"/> names the operation ("write", "read").</summary>
    public static IResult? Check(HttpRequest request, string? configured, string what)
    {
        if (string.IsNullOrEmpty(configured))
        {
            return TypedResults.Problem(
                title: $"{char.ToUpperInvariant(what[0])}{what[1..]}s are disabled",
                detail: $"No API key is configured, so the service refuses every {what}. Set SearchService:ApiKey (environment variable SearchService__ApiKey) and send it in the X-Api-Key header.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        var presented = request.Headers[Header].ToString();
        if (presented.Length == 0)
        {
            return TypedResults.Problem(
                title: "API key required",
                detail: $"This {what} needs the service's API key in the X-Api-Key header.",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        // Constant time: comparing hashes of equal length, so neither length nor content leaks through timing.
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(configured));
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(expected, actual)
            ? null
            : TypedResults.Problem(
                title: "Wrong API key",
                detail: "The X-Api-Key header does not match the service's key.",
                statusCode: StatusCodes.Status403Forbidden);
    }
}
