using DocBpm.Documents.Files;
using DocBpm.Documents.Signatures;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Expressions;
using DocBpm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Exchange;

/// <summary>Why a package was not taken in; stored as a code, so the page explains it without reading the error text.</summary>
public enum IntakeFailureCause
{
    Unknown,

    /// <summary>A process waiting for the package cannot handle it (no way for that status, a failing expression).</summary>
    Process,

    /// <summary>The package is not edXML DocBpm can read.</summary>
    Format,

    /// <summary>An attachment is refused or damaged.</summary>
    File,

    Signature,

    /// <summary>The database refused the write (a conflict, a constraint); the inner error is kept.</summary>
    Database,

    /// <summary>"Trùng mã định danh": another document from the same sender under an identifier already registered.</summary>
    DuplicateIdentifier,

    /// <summary>The document identifier names another agency than the sender (refused with status 02).</summary>
    ForeignIdentifier,

    /// <summary>A recall, update or replacement from an agency that did not send the original (refused with status 02).</summary>
    NotOriginalSender,

    /// <summary>A status from an agency that is not a recipient of the document it reports on.</summary>
    NotAParty,

    /// <summary>A document marked Mật, Tối mật or Tuyệt mật (Articles 5.2, 11.1; refused with status 02).</summary>
    StateSecret,

    /// <summary>A recall of a document no one sent here (refused with status 02).</summary>
    UnknownOriginal,

    /// <summary>
    /// A recall of a registered document whose handling has ended or was cancelled already: nothing waits for it, so the
    /// office must act by hand (Article 8.2c) rather than the notice being acknowledged into nothing.
    /// </summary>
    RecallNotApplied,
}

/// <summary>A package DocBpm will not take in as it is: set aside for an administrator at once, never retried automatically.</summary>
public sealed class IntakeSetAsideException(IntakeFailureCause cause, string message) : Exception(message)
{
    public IntakeFailureCause Cause { get; } = cause;
}

public static class IntakeFailureCauses
{
    public static IntakeFailureCause Of(Exception error) => error switch
    {
        IntakeSetAsideException setAside => setAside.Cause,
        ProcessExecutionException or ExpressionException or ActivityInputException => IntakeFailureCause.Process,
        System.Xml.XmlException or FormatException or InvalidDataException => IntakeFailureCause.Format,
        FileRefusedException or FileIntegrityException => IntakeFailureCause.File,
        SignatureRefusedException => IntakeFailureCause.Signature,
        DbUpdateException or ConcurrencyConflictException => IntakeFailureCause.Database,
        _ => IntakeFailureCause.Unknown,
    };
}
