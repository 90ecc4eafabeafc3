namespace VssBot.Bot.Web;

/// <summary>
/// The files under wwwroot: the widget a school embeds (<c>/widget/vssbot-widget.js</c>), the demo school page
/// at <c>/</c> and the official Web Chat page (<c>/webchat.html</c>).
/// </summary>
public static class StaticSite
{
    public static WebApplication UseStaticSite(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
                context.Context.Response.Headers.XContentTypeOptions = "nosniff",
        });
        return app;
    }
}
