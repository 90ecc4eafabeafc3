using VssBot.Bot.Declarations.Outbox;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using VssBot.Bot.Declarations.Contracts;

namespace VssBot.Bot.Declarations.Registry;

/// <summary>
/// The embedded school registry (what the student-affairs office receives), as described in
/// <c>Declarations/declaration-api.openapi.yaml</c>.
/// </summary>
public static class DeclarationRegistryApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapDeclarationRegistryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/registry/v1/declarations")
            .AddEndpointFilter<RegistryApiKeyFilter>()
            .WithTags("Declarations");

        api.MapPost("/", SubmitAsync).WithName("SubmitDeclaration");
        api.MapGet("/", ListAsync).WithName("ListDeclarations");
        api.MapGet("/{id}", GetAsync).WithName("GetDeclaration");
        api.MapPost("/{id}/status", UpdateStatusAsync).WithName("UpdateDeclarationStatus");
        return app;
    }

    private static async Task<IResult> SubmitAsync(HttpRequest request, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        IDeclarationRegistry registry, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (content, problem) = await ReadBodyAsync<DeclarationContent>(request, cancellationToken);
        if (problem is not null) return problem;
        var errors = DeclarationValidator.Validate(idempotencyKey, content);
        if (errors.Count > 0)
        {
            loggers.CreateLogger(typeof(DeclarationRegistryApi)).LogWarning("Declaration refused: invalid {Fields}", string.Join(",", errors.Keys));
            return Results.ValidationProblem(errors, title: "The declaration is invalid.");
        }
        var (declaration, created) = await registry.SubmitAsync(idempotencyKey!, content!, cancellationToken);
        return created ? Results.Created($"/registry/v1/declarations/{declaration.Id}", declaration) : Results.Ok(declaration);
    }

    private static async Task<IResult> ListAsync(string? studentId, string? status, DateTimeOffset? from, DateTimeOffset? to,
        IDeclarationRegistry registry, CancellationToken cancellationToken)
    {
        if (status is not null && !DeclarationStatus.All.Contains(status))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"One of {string.Join(", ", DeclarationStatus.All)}."] });
        return Results.Ok(await registry.ListAsync(studentId, status, from, to, cancellationToken));
    }

    private static async Task<IResult> GetAsync(string id, IDeclarationRegistry registry, CancellationToken cancellationToken)
        => await registry.GetAsync(id, cancellationToken) is { } declaration ? Results.Ok(declaration) : Results.NotFound();

    private static async Task<IResult> UpdateStatusAsync(string id, HttpRequest request, IDeclarationRegistry registry, Outbox.DeclarationFollowUp followUp,
        ILogger<IDeclarationRegistry> logger, CancellationToken cancellationToken)
    {
        var (update, problem) = await ReadBodyAsync<DeclarationStatusUpdate>(request, cancellationToken);
        if (problem is not null) return problem;
        var errors = DeclarationValidator.Validate(update);
        if (errors.Count > 0) return Results.ValidationProblem(errors, title: "The status update is invalid.");
        if (await registry.UpdateStatusAsync(id, update!, cancellationToken) is not { } declaration) return Results.NotFound();
        // The decision reaches the student's journey and chat; the registry's answer does not depend on the channel.
        try
        {
            await followUp.DecidedAsync(declaration, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Declaration {Receipt}: the decision could not be applied to the conversation: {Error}", declaration.ReceiptNumber, e.GetType().Name);
        }
        return Results.Ok(declaration);
    }

    /// <summary>Malformed JSON is a 400 with problem details too (not a bare 400 from the binder).</summary>
    private static async Task<(T? Body, IResult? Problem)> ReadBodyAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        try
        {
            return (await JsonSerializer.DeserializeAsync<T>(request.Body, DeclarationDatabase.Json, cancellationToken), null);
        }
        catch (JsonException e)
        {
            return (null, Results.ValidationProblem(new Dictionary<string, string[]> { [e.Path is { Length: > 0 } p ? p : "body"] = ["Not valid JSON for this field."] },
                title: "The request body is not valid JSON."));
        }
    }
}
