namespace DocBpm.Web.Hosting;

/// <summary>
/// A NUL character in a query or route value can reach a database query (PostgreSQL refuses it with an error), so it is
/// refused at the door with a 400 naming the parameter.
/// </summary>
public static class QueryValues
{
    public static WebApplication UseQueryValueCheck(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var bad = context.Request.Query.FirstOrDefault(q => q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)).Key
                ?? (context.Request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true ? "path" : null);
            if (bad is not null)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await Results.ValidationProblem(new Dictionary<string, string[]> { [bad] = ["Giá trị chứa ký tự NUL (\\u0000), không được phép."] },
                    title: "Dữ liệu không hợp lệ").ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        return app;
    }
}
