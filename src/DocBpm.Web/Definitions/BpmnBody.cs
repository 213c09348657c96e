using DocBpm.Engine.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocBpm.Web.Definitions;

/// <summary>Reads a BPMN file posted as the raw request body (application/xml), within a size limit.</summary>
internal static class BpmnBody
{
    public static async Task<string?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }

        var text = BpmnText.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    public static ProblemHttpResult TooLargeOrEmpty() => TypedResults.Problem(
        $"Tệp BPMN trống hoặc vượt quá {DefinitionEndpoints.MaxXmlBytes / (1024 * 1024)} MB.",
        statusCode: StatusCodes.Status400BadRequest, title: "Tệp quy trình không hợp lệ");
}
