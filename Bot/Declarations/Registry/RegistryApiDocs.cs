namespace VssBot.Bot.Declarations.Registry;

/// <summary>
/// The registry API's contract, served as written (<c>Declarations/declaration-api.openapi.yaml</c>) at
/// <see cref="SpecPath"/>, and Swagger UI to browse and try it at <c>/registry/docs</c>. Both are public and hold no data:
/// every call the UI makes goes to the API itself, which still requires the registry key (X-Api-Key).
/// </summary>
public static class RegistryApiDocs
{
    public const string SpecPath = "/registry/v1/openapi.yaml";
    public const string UiPath = "/registry/docs";

    private static readonly Lazy<string> Spec = new(() =>
    {
        using var stream = typeof(RegistryApiDocs).Assembly.GetManifestResourceStream("Declarations/declaration-api.openapi.yaml")
            ?? throw new InvalidOperationException("The embedded Declarations/declaration-api.openapi.yaml is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static WebApplication UseRegistryApiDocs(this WebApplication app)
    {
        app.MapGet(SpecPath, () => Results.Text(Spec.Value, "application/yaml; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = UiPath.TrimStart('/');
            options.DocumentTitle = "VssBot – API sổ tờ khai (registry)";
            options.SwaggerEndpoint(SpecPath, "VssBot declaration registry v1");
        });
        return app;
    }
}
