using System.Text.Json.Nodes;

namespace DocBpm.Web.Tests.Hardening;

/// <summary>One operation of the host's OpenAPI document: what a fuzzer or an access matrix needs of it.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, IReadOnlyList<string> BodyProperties,
    string? BodyContentType)
{
    public override string ToString() => $"{Method} {Path}";

    /// <summary>Every operation of <c>/openapi/v1.json</c>.</summary>
    public static IReadOnlyList<ApiOperation> Read(JsonObject document)
    {
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation is not JsonObject op || method == "parameters")
                    continue;
                var parameters = (op["parameters"]?.AsArray() ?? []).Select(p => new ApiParameter(
                    (string)p!["name"]!, (string)p["in"]!, TypeOf(p["schema"]?["type"]), (string?)p["schema"]?["format"])).ToList();
                var content = op["requestBody"]?["content"]?.AsObject();
                var contentType = content?.Select(c => c.Key).FirstOrDefault();
                var schema = contentType is null ? null : Resolve(document, content![contentType]?["schema"]);
                var properties = schema?["properties"]?.AsObject().Select(p => p.Key).ToList() ?? [];
                operations.Add(new ApiOperation(method.ToUpperInvariant(), path, parameters, properties, contentType));
            }
        }

        return operations;
    }

    /// <summary>OpenAPI 3.1 writes a nullable type as a list (<c>["integer", "null"]</c>).</summary>
    private static string? TypeOf(JsonNode? type) => type switch
    {
        JsonValue value => (string?)value,
        JsonArray list => list.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
        _ => null,
    };

    private static JsonNode? Resolve(JsonObject document, JsonNode? schema)
    {
        for (var depth = 0; depth < 5 && schema?["$ref"] is JsonValue reference; depth++)
        {
            var name = ((string)reference!).Split('/')[^1];
            schema = document["components"]?["schemas"]?[name];
        }

        return schema;
    }
}

public sealed record ApiParameter(string Name, string In, string? Type, string? Format);
