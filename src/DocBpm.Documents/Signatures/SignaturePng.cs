using System.Buffers.Binary;
using DocBpm.Engine;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace DocBpm.Documents.Signatures;

/// <summary>
/// The limits of a signature or seal image (NĐ30 Phụ lục I asks for PNG with a transparent background): a real PNG whose
/// header declares at most <see cref="MaxSide"/> pixels a side, in at most <see cref="MaxBytes"/>, that decodes whole.
/// The header is read before anything is decompressed, so a small file cannot make the server inflate a huge bitmap.
/// </summary>
public static class SignaturePng
{
    public const int MaxBytes = 512 * 1024;
    public const int MaxSide = 2000;

    private static readonly byte[] Magic = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The image's width and height in pixels.</summary>
    /// <exception cref="SignatureImageRefusedException">Not such a PNG (422); the code says why.</exception>
    public static (int Width, int Height) Check(byte[] png)
    {
        if (png.Length > MaxBytes)
            throw new SignatureImageRefusedException("image-too-large", $"Ảnh quá lớn ({png.Length / 1024} KB); tối đa {MaxBytes / 1024} KB.",
                $"The image holds {png.Length} bytes; the limit is {MaxBytes}.");
        // Signature (8), IHDR length and type (8), IHDR data (13), CRC (4).
        if (png.Length < 33 || !png.AsSpan(0, 8).SequenceEqual(Magic) || BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(8)) != 13
            || !png.AsSpan(12, 4).SequenceEqual("IHDR"u8))
            throw NotPng("The upload does not start with a PNG signature and header.");
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        if (width is < 1 or > MaxSide || height is < 1 or > MaxSide)
            throw new SignatureImageRefusedException("image-dimensions", $"Ảnh {width}×{height} điểm ảnh; mỗi chiều từ 1 đến {MaxSide} điểm ảnh.",
                $"The image is {width}x{height}; each side must be 1..{MaxSide}.");
        if (!Decodes(png))
            throw NotPng("The PNG does not decode.");
        return (width, height);
    }

    /// <summary>Decoding it the way the appearance will (PdfPig's writer) proves the whole file, chunks and pixels, is sound.</summary>
    private static bool Decodes(byte[] png)
    {
        try
        {
            using var builder = new PdfDocumentBuilder();
            builder.AddPage(10, 10).AddPng(png, new PdfRectangle(0, 0, 10, 10));
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IOException or IndexOutOfRangeException
            or NotSupportedException or OverflowException or NullReferenceException)
        {
            return false;
        }
    }

    private static SignatureImageRefusedException NotPng(string english) =>
        new("image-not-png", "Tệp không phải ảnh PNG hợp lệ (ảnh chữ ký, con dấu phải là PNG nền trong suốt).", english);
}

/// <summary>An image the admin uploaded that DocBpm will not draw: 422 with its code, nothing stored.</summary>
public sealed class SignatureImageRefusedException(string code, string detailVi, string message)
    : DocumentRefusedException(RefusalKind.Invalid, "Ảnh chữ ký, con dấu không hợp lệ", detailVi, message)
{
    public string Code { get; } = code;

    public override IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?> { ["code"] = Code };
}
