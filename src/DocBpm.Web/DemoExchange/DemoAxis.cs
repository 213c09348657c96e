using DocBpm.Web.Components.Layout;

namespace DocBpm.Web.DemoExchange;

/// <summary>The demo axis of this Development host: where it listens, who is registered on it, and whether it runs.</summary>
public sealed class DemoAxis(Uri url, string sqliteFile, DemoAgency department, IReadOnlyList<DemoAgency> peers, TimeSpan peerInterval)
{
    private volatile bool running;
    private volatile bool portBusy;

    public Uri Url { get; } = url;
    public string SqliteFile { get; } = sqliteFile;
    public DemoAgency Department { get; } = department;

    /// <summary>The seeded agencies the demo answers for.</summary>
    public IReadOnlyList<DemoAgency> Peers { get; } = peers;

    public TimeSpan PeerInterval { get; } = peerInterval;

    public bool IsRunning => running;

    public void Started() => running = true;

    public void PortTaken() => portBusy = true;

    public void Stopped() => running = false;

    /// <summary>The DEMO banner line every page shows while the demo axis is configured.</summary>
    public SiteNotice Notice() => portBusy
        ? new SiteNotice($"Trục liên thông DEMO không khởi động được: cổng {Url.Port} trên máy này đang được chương trình khác dùng, "
            + "nên văn bản đi chưa gửi được cho cơ quan ngoài. Hãy tắt chương trình đó (có thể là một DocBpm hoặc DocBpm.Axis khác) "
            + "rồi chạy lại, hoặc đặt Exchange:DemoAxis:Port hay Exchange:AxisUrl.", "demo-axis")
        : new SiteNotice("Trục liên thông DEMO: văn bản gửi các cơ quan trong danh bạ mẫu đi qua một trục chạy ngay trên máy này, "
            + "và một bộ trả lời tự động báo “Đã tiếp nhận” thay cho các cơ quan đó; không văn bản nào rời khỏi máy.", "demo-axis");
}
