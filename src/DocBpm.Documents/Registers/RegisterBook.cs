namespace DocBpm.Documents.Registers;

public enum RegisterDirection
{
    /// <summary>Sổ đăng ký văn bản đến.</summary>
    Incoming,

    /// <summary>Sổ đăng ký văn bản đi.</summary>
    Outgoing,
}

/// <summary>
/// A register book (sổ đăng ký văn bản, NĐ30 art. 15 and 22): its own number series, restarting at 01 every 1 January.
/// State secrets stay out of the system (Articles 5.2, 11.1), so there are no confidential books. A deactivated book allocates no more numbers but keeps its history.
/// </summary>
public sealed class RegisterBook
{
    public Guid Id { get; set; }

    /// <summary>Short unique code an administrator chooses, e.g. "DEN".</summary>
    public required string Code { get; set; }

    /// <summary>The name people read, e.g. "Sổ văn bản đến".</summary>
    public required string Name { get; set; }

    public RegisterDirection Direction { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>The last number a book issued in one year; allocators lock its row until their transaction ends.</summary>
public sealed class RegisterCounter
{
    public Guid BookId { get; set; }
    public int Year { get; set; }
    public int LastNumber { get; set; }
}
