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
            k.ConfigureEndpointDefaults(listen => listen.Use(next => async connection =>
            {
                var transport = connection.Transport;
                connection.Transport = new KestrelRejectionPipe(transport.Input, new KestrelRejectionWriter(transport.Output));
                try
                {
                    await next(connection);
                }
                finally
                {
                    connection.Transport = transport;
                }
            }));
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
        json.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
        {
            Modifiers = { RequestContractRules.RemoveReadOnlyRequestProperties },
        };
    }

    /// <summary>After authorization, so a key is scoped to the signed-in staff member and a refused request reserves nothing.</summary>
    public static WebApplication UseIdempotencyKeys(this WebApplication app)
    {
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
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
        app.UseMiddleware<BoundaryValidationMiddleware>();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "no-store";
            await next(context);
        });
        return app;
    }
}
