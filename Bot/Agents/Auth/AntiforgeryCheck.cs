using Microsoft.AspNetCore.Antiforgery;

namespace VssBot.Bot.Agents.Auth;

/// <summary>Refuses a state-changing API call without a valid antiforgery token (X-CSRF-TOKEN header or form field).</summary>
public sealed class AntiforgeryCheck(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.Problem("Phiên làm việc đã hết hạn hoặc yêu cầu không hợp lệ. Vui lòng tải lại trang.", statusCode: StatusCodes.Status400BadRequest);
            }
        }
        return await next(context);
    }
}
