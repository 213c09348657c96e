namespace DocBpm.Documents.Registers;

/// <summary>
/// The books every installation starts with; administrators rename, add or deactivate them afterwards. The ids are
/// fixed so that processes and the seed migration can name them.
/// </summary>
public static class RegisterBookSeed
{
    public static readonly Guid Incoming = new("0193a5c0-0000-7000-8000-000000000001");
    public static readonly Guid Outgoing = new("0193a5c0-0000-7000-8000-000000000002");

    public static IReadOnlyList<RegisterBook> Books { get; } =
    [
        new() { Id = Incoming, Code = "DEN", Name = "Sổ văn bản đến", Direction = RegisterDirection.Incoming },
        new() { Id = Outgoing, Code = "DI", Name = "Sổ văn bản đi", Direction = RegisterDirection.Outgoing },
    ];
}
