namespace DocBpm.Web.AccessLog;

/// <summary>How a page says it was read: the feature's own entry point, so that the shared page base knows no feature.</summary>
public static class AccessRecording
{
    /// <summary>The signed-in person has just read this document or file: it goes to the access log, written in the background.</summary>
    public static void RecordRead(this HttpContext http, AccessedKind kind, Guid id) =>
        http.RequestServices.GetRequiredService<AccessRecorder>().Record(http.User.Identity!.Name!, kind, id);
}
