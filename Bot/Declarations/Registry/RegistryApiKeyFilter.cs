namespace VssBot.Bot.Declarations.Registry;

/// <summary>The registry answers 401 without its key in <c>X-Api-Key</c>, in every environment (<see cref="RegistryApiKey"/>).</summary>
public sealed class RegistryApiKeyFilter(RegistryApiKey key) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!key.Matches(context.HttpContext.Request.Headers[DeclarationApiOptions.ApiKeyHeader].ToString()))
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid API key is required.",
                detail: $"Send the registry key in {DeclarationApiOptions.ApiKeyHeader} (DeclarationApi:ApiKey).");
        return await next(context);
    }
}
