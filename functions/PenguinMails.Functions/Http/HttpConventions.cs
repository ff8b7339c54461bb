using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace PenguinMails.Functions.Http;

/// <summary>The API's cross-cutting behaviour: strict JSON, problem responses, body limits, correlation, OpenAPI.</summary>
public static class HttpConventions
{
    public static WebApplicationBuilder AddHttpConventions(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Http").Get<HttpOptions>() ?? new HttpOptions();
        builder.Services.AddSingleton(options);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            k.AddServerHeader = false;
        });
        builder.Services.Configure<JsonOptions>(json => Configure(json.SerializerOptions));
        // Binding failures throw, so ErrorHandlingMiddleware can answer each with its own code.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.AddOpenApiDocument();
        return builder;
    }

    public static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.NumberHandling = JsonNumberHandling.Strict;
        json.RespectNullableAnnotations = true;
        json.RespectRequiredConstructorParameters = true;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
    }

    public static WebApplication UseHttpConventions(this WebApplication app)
    {
        // Under the Functions host every request is forwarded by the host, which sets X-Forwarded-For to the client.
        if (app.Services.GetRequiredService<Hosting.FunctionHostMode>().UnderFunctionsHost || app.Configuration.GetValue<bool>("Http:TrustForwardedHeaders"))
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor, ForwardLimit = 1 };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            app.UseForwardedHeaders(forwarded);
        }
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseMiddleware<ErrorHandlingMiddleware>();
        app.UseStatusCodeProblems();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "no-store";
            await next(context);
        });
        return app;
    }
}
