using System.Reflection;
using System.Text.RegularExpressions;
using Approvals.Functions.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Approvals.Functions.LocalHost.OpenApi;

/// <summary>
/// Describes each HTTP function in the OpenAPI document: what it does (its summary comment), its route parameters, the
/// body it reads (<see cref="JsonRequestBodyAttribute"/>: the schema of its form; <see cref="RawRequestBodyAttribute"/>),
/// and the answers every function may give (problem+json for 400, 401, 403, 404, 409 and 503).
/// </summary>
public sealed partial class FunctionOperations(XmlDocSummaries summaries) : IOpenApiOperationTransformer
{
    private static readonly (string Code, string Text)[] Problems =
    [
        ("400", "请求有误，逐项列出 / bad input, every problem named (errors: field → messages)"),
        ("401", "未登录或令牌无效 / not signed in, or the token was not accepted"),
        ("403", "无权操作 / signed in, but not allowed"),
        ("404", "不存在或无权查看 / does not exist, or not yours to see"),
        ("409", "当前状态不允许 / the case's state does not allow it"),
        ("503", "暂时不可用，可安全重试 / unavailable for now; the same request again is safe"),
    ];

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var function = context.Description.ActionDescriptor.EndpointMetadata.OfType<LocalFunction>().FirstOrDefault();
        if (function is null) return;
        operation.Summary = function.Name;
        operation.Description = summaries.For(function.Method);

        var route = context.Description.RelativePath ?? "";
        operation.Parameters ??= [];
        foreach (Match parameter in RouteParameter().Matches(route))
        {
            var name = parameter.Groups["name"].Value;
            if (operation.Parameters.Any(p => p.Name == name)) continue;
            operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Path, Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
        }

        var method = context.Description.HttpMethod ?? "GET";
        if (function.Method.GetCustomAttribute<JsonRequestBodyAttribute>() is { } json)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(json.Type, null, cancellationToken) } },
            };
        }
        else if (function.Method.GetCustomAttribute<RawRequestBodyAttribute>() is { } raw)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = raw.Description,
                Content = new Dictionary<string, OpenApiMediaType> { [raw.ContentType] = new() { Schema = raw.ContentType == "application/json" ? new OpenApiSchema { Type = JsonSchemaType.Object } : new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } } },
            };
        }

        operation.Responses ??= [];
        operation.Responses.Remove("200");
        var success = method is "GET"
            ? ("200", "成功 / OK")
            : ("2XX", "成功；开始办理一件事的请求答 202，Location 指向该案件 / success; a request that starts a case answers 202 with its Location");
        operation.Responses[success.Item1] = new OpenApiResponse { Description = success.Item2 };
        foreach (var (code, text) in Problems)
        {
            operation.Responses[code] = new OpenApiResponse
            {
                Description = text,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = ProblemSchema } },
            };
        }
    }

    private static OpenApiSchema ProblemSchema => new()
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };

    [GeneratedRegex(@"\{(?<name>[^}:?*]+)")]
    private static partial Regex RouteParameter();
}
