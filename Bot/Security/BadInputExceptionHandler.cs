using Microsoft.AspNetCore.Diagnostics;

namespace VssBot.Bot.Security;

/// <summary>
/// The safety net behind every endpoint's own checks: a request the server could not even read (a malformed multipart
/// body, a body over Kestrel's limit, a bad header) is the client's fault, answered 4xx with problem details, never a 500
/// with a stack trace. Anything else stays a server error (logged by the exception handler middleware).
/// </summary>
public sealed class BadInputExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        int? status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            InvalidDataException => StatusCodes.Status400BadRequest, // multipart/form reader
            _ => null,
        };
        if (status is null || httpContext.Response.HasStarted)
            return false;
        httpContext.Response.StatusCode = status.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = "The request could not be read." },
        });
    }
}
