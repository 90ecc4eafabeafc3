using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using VssBot.Bot.Agents.Pages;

namespace VssBot.Bot.Agents.Auth;

/// <summary>Sign-in and sign-out (<c>/agents/login</c>, <c>/agents/logout</c>), a cookie that expires after 30 idle minutes.</summary>
public static class AgentSignInApi
{
    public const string LoginPath = "/agents/login";
    public const string CsrfHeader = "X-CSRF-TOKEN";

    public static IServiceCollection AddAgentSignIn(this IServiceCollection services, int sessionMinutes)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "vssbot.agents";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(sessionMinutes);
                o.SlidingExpiration = true;
                o.LoginPath = LoginPath;
                o.AccessDeniedPath = LoginPath;
                // APIs answer 401/403; pages go to the sign-in form.
                o.Events.OnRedirectToLogin = c => Refuse(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => Refuse(c, StatusCodes.Status403Forbidden);
                // Sign-out and role or password changes end every copy of the cookie (AgentSessions).
                o.Events.OnValidatePrincipal = c => c.HttpContext.RequestServices.GetRequiredService<AgentSessions>().ValidateAsync(c);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(AgentRoles.ConsolePolicy, p => p.RequireRole(AgentRoles.Agent, AgentRoles.Admin))
            .AddPolicy(AgentRoles.SchoolPolicy, p => p.RequireRole(AgentRoles.Staff, AgentRoles.Admin))
            .AddPolicy(AgentRoles.AdminPolicy, p => p.RequireRole(AgentRoles.Admin));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CsrfHeader;
            o.Cookie.Name = "vssbot.agents.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || status == StatusCodes.Status403Forbidden)
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static IEndpointRouteBuilder MapAgentSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(LoginPath, (HttpContext http, IAntiforgery antiforgery, AgentPages pages, string? returnUrl, string? error) =>
            pages.Page("login",
                ("token", antiforgery.GetAndStoreTokens(http).RequestToken!),
                ("returnUrl", LocalOr(returnUrl, "/agents")),
                ("error", error is null ? "" : "Tên đăng nhập hoặc mật khẩu không đúng.")))
            .AllowAnonymous();

        // Form posts are checked by the antiforgery middleware (the form carries the token).
        app.MapPost(LoginPath, async (HttpContext http, AgentSessions sessions, [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl) =>
        {
            if (await sessions.VerifyAsync(userName, password, http.RequestAborted) is not { } user)
                return Results.Redirect($"{LoginPath}?error=1&returnUrl={Uri.EscapeDataString(LocalOr(returnUrl, "/agents"))}");
            var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user.UserName),
                new Claim(ClaimTypes.Role, user.Role),
                new Claim("display_name", user.DisplayName ?? user.UserName),
                new Claim(AgentSessions.StampClaim, await sessions.StampOfAsync(user, http.RequestAborted)),
            ], CookieAuthenticationDefaults.AuthenticationScheme);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity),
                new AuthenticationProperties { IsPersistent = false });
            return Results.Redirect(LocalOr(returnUrl, user.Role == AgentRoles.Staff ? "/school" : "/agents"));
        }).AllowAnonymous().RequireRateLimiting(Security.RateLimits.SignIn);

        app.MapPost("/agents/logout", async (HttpContext http, AgentSessions sessions) =>
        {
            await sessions.SignedOutAsync(http.User.Identity!.Name!, http.RequestAborted);
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect(LoginPath);
        }).RequireAuthorization().AddEndpointFilter<AntiforgeryCheck>();

        // The token the pages' scripts send in the X-CSRF-TOKEN header with every POST.
        app.MapGet("/api/agents/me", (HttpContext http, IAntiforgery antiforgery) => Results.Ok(new
        {
            userName = http.User.Identity!.Name,
            displayName = http.User.FindFirstValue("display_name"),
            role = http.User.FindFirstValue(ClaimTypes.Role),
            csrfToken = antiforgery.GetAndStoreTokens(http).RequestToken,
        })).RequireAuthorization();
        return app;
    }

    /// <summary>ASP.NET Core's own local-URL rule: refuses "//host", "/\host", control characters ("/%09/evil"), absolute URLs.</summary>
    internal static string LocalOr(string? url, string fallback) =>
        !string.IsNullOrEmpty(url) && Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult.IsLocalUrl(url) ? url : fallback;
}
