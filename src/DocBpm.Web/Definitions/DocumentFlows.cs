using DocBpm.Engine.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocBpm.Web.Definitions;

/// <summary>
/// The processes a document flow drives (those with a <see cref="ProcessContract"/>): only the flow starts them and sends
/// them its messages, together with its document. Through the generic API, an instance carrying a document's key could
/// push the document past the people its flow names.
/// </summary>
public sealed class DocumentFlows(IEnumerable<ProcessContract> contracts)
{
    private readonly ProcessContract[] contracts = [.. contracts];

    public bool OwnsProcess(string? key) => contracts.Any(c => c.Key == key);

    public bool OwnsMessage(string? name) => contracts.Any(c => c.Messages.Contains(name ?? ""));

    public static ProblemHttpResult Refused(string what) => TypedResults.Problem(
        $"{what} thuộc quy trình văn bản (văn bản đến, văn bản đi, nhiệm vụ UBND tỉnh giao, danh mục hồ sơ): chỉ thực hiện được qua chức năng của văn bản đó. "
        + "Không có thay đổi nào được lưu.", statusCode: StatusCodes.Status400BadRequest, title: "Không thực hiện được qua giao diện chung");
}
