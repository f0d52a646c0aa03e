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
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var configured = _options.Value.ApiKey;
        if (string.IsNullOrEmpty(configured))
        {
            return ValueTask.FromResult<object?>(TypedResults.Problem(
                title: "Writes are disabled",
                detail: "No API key is configured, so the service refuses every write. Set SearchService:ApiKey (environment variable SearchService__ApiKey) and send it in the X-Api-Key header.",
                statusCode: StatusCodes.Status403Forbidden));
        }

        var presented = context.HttpContext.Request.Headers[Header].ToString();
        if (presented.Length == 0)
        {
            return ValueTask.FromResult<object?>(TypedResults.Problem(
                title: "API key required",
                detail: "This operation needs the service's API key in the X-Api-Key header.",
                statusCode: StatusCodes.Status401Unauthorized));
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(configured)))
        {
            return ValueTask.FromResult<object?>(TypedResults.Problem(
                title: "Wrong API key",
                detail: "The X-Api-Key header does not match the service's key.",
                statusCode: StatusCodes.Status403Forbidden));
        }

        return next(context);
    }
}
