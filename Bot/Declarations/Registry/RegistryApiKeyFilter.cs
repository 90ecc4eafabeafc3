using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace VssBot.Bot.Declarations.Registry;

/// <summary>When <c>DeclarationApi:ApiKey</c> is set, the registry answers 401 without the same key in <c>X-Api-Key</c> (compared in fixed time).</summary>
public sealed class RegistryApiKeyFilter(IOptions<DeclarationApiOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.ApiKey;
        if (!string.IsNullOrEmpty(expected))
        {
            var given = context.HttpContext.Request.Headers[DeclarationApiOptions.ApiKeyHeader].ToString();
            // Hash both so the comparison takes the same time whatever the lengths.
            if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected))))
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid API key is required.");
        }
        return await next(context);
    }
}
