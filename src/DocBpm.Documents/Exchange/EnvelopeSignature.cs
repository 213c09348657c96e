using System.Security.Cryptography;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using DocBpm.Documents.Signatures;
using DocBpm.Edxml;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.X509;

namespace DocBpm.Documents.Exchange;

/// <summary>What the XML signature of an edXML envelope proves by itself: nothing (absent), that the package is as signed
/// (intact), or nothing DocBpm will rely on (refused, with the reason in Vietnamese).</summary>
public enum EnvelopeSeal
{
    Absent,
    Intact,
    Refused,
}

/// <summary>The signature's state, its reason when refused, and the certificates of its <c>KeyInfo</c> (the signer first).</summary>
public sealed record EnvelopeSealRead(EnvelopeSeal State, string? Problem, IReadOnlyList<X509Certificate> Certificates)
{
    public X509Certificate? Signer => Certificates.Count > 0 ? Certificates[0] : null;

    internal static EnvelopeSealRead Refused(string problem) => new(EnvelopeSeal.Refused, problem, []);
}

/// <summary>
/// The XML-DSig of an edXML package in <c>edXMLHeader/DigitalSignature</c> (docs/edxml.md): one enveloped signature over
/// the whole package (<c>URI=""</c>, the enveloped-signature transform, exclusive canonicalisation, SHA-256), signed
/// RSA-SHA256 or ECDSA-SHA256 by the agency key, its certificate in <c>KeyInfo/X509Data</c>. The check accepts only that
/// shape: no reference outside the package, no XPath or XSLT, a bounded number of references and transforms, one signature
/// in the one place, so that neither a wrapped element nor a costly transform gets through. Who signed is
/// <see cref="EnvelopeSignatureCheck"/>'s question.
/// </summary>
public static class EnvelopeSignature
{
    public const int MaxReferences = 4;
    public const int MaxTransforms = 4;
    public const int MaxCertificates = 8;

    private const string DsNs = SignedXml.XmlDsigNamespaceUrl;
    public const string EcdsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    private static readonly string EdxmlNs = EdxmlFormat.Ns.NamespaceName;
    private static readonly string[] Transforms = [SignedXml.XmlDsigEnvelopedSignatureTransformUrl, SignedXml.XmlDsigExcC14NTransformUrl];

    /// <summary>The package with its <c>DigitalSignature</c> filled; whatever the element held before is replaced.</summary>
    public static async Task<byte[]> SignAsync(byte[] package, ISigningKey key, CancellationToken cancellationToken)
    {
        var document = Load(package);
        var slot = document.GetElementsByTagName("DigitalSignature", EdxmlNs).OfType<XmlElement>().SingleOrDefault()
            ?? throw new InvalidOperationException("The package has no DigitalSignature element to sign into.");
        while (slot.HasChildNodes)
            slot.RemoveChild(slot.FirstChild!);

        var certificate = key.Chain[0];
        var elliptic = certificate.GetPublicKey() is ECPublicKeyParameters;
        var reference = new Reference("") { DigestMethod = SignedXml.XmlDsigSHA256Url, DigestValue = SHA256.HashData(Canonical(document)) };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        var info = new SignedInfo
        {
            CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl,
            SignatureMethod = elliptic ? EcdsaSha256 : SignedXml.XmlDsigRSASHA256Url,
        };
        info.AddReference(reference);
        var signature = document.CreateElement("Signature", DsNs);
        signature.AppendChild(document.ImportNode(info.GetXml(), true));
        signature.AppendChild(document.CreateElement("SignatureValue", DsNs));
        // The signer's certificate first, then its issuers, so that a receiver without the intermediates finds the path.
        var data = document.CreateElement("X509Data", DsNs);
        foreach (var issued in key.Chain.Take(MaxCertificates))
        {
            var encoded = document.CreateElement("X509Certificate", DsNs);
            encoded.InnerText = Convert.ToBase64String(issued.GetEncoded());
            data.AppendChild(encoded);
        }

        var keyInfo = document.CreateElement("KeyInfo", DsNs);
        keyInfo.AppendChild(data);
        signature.AppendChild(keyInfo);
        slot.AppendChild(signature);

        // SignedInfo is canonicalised as a verifier will see it: in the written package, with the namespaces in scope there.
        var written = Load(Save(document));
        var placed = written.GetElementsByTagName("Signature", DsNs).OfType<XmlElement>().Single();
        var value = await key.SignAsync(Canonical(Child(placed, "SignedInfo")!), cancellationToken);
        Child(placed, "SignatureValue")!.InnerText = Convert.ToBase64String(elliptic ? Plain(value, certificate) : value);
        return Save(written);
    }

    /// <summary>Reads and checks the signature of <paramref name="package"/>; never throws for what a sender wrote.</summary>
    public static EnvelopeSealRead Read(byte[] package)
    {
        XmlDocument document;
        try
        {
            document = Load(package);
        }
        catch (XmlException ex)
        {
            return EnvelopeSealRead.Refused($"gói tin không đọc được ({ex.Message})");
        }

        var signatures = document.GetElementsByTagName("Signature", DsNs).OfType<XmlElement>().ToList();
        if (signatures.Count == 0)
            return new EnvelopeSealRead(EnvelopeSeal.Absent, null, []);
        if (signatures.Count > 1)
            return EnvelopeSealRead.Refused($"gói tin mang {signatures.Count} chữ ký số (Signature); chỉ chấp nhận một, trong edXMLHeader/DigitalSignature");
        var signature = signatures[0];
        if (!InSlot(signature))
            return EnvelopeSealRead.Refused("chữ ký số (Signature) không nằm trong edXMLEnvelope/edXMLHeader/DigitalSignature");
        try
        {
            return Check(document, signature);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or XmlException or ArgumentException
            or InvalidOperationException or Org.BouncyCastle.Security.GeneralSecurityException or IOException)
        {
            return EnvelopeSealRead.Refused($"chữ ký số không đọc được ({ex.Message})");
        }
    }

    private static EnvelopeSealRead Check(XmlDocument document, XmlElement signature)
    {
        var signedInfo = Child(signature, "SignedInfo");
        var method = Child(signedInfo, "SignatureMethod")?.GetAttribute("Algorithm");
        if (signedInfo is null || Child(signature, "SignatureValue") is not { } valueElement)
            return EnvelopeSealRead.Refused("chữ ký số thiếu SignedInfo hoặc SignatureValue");
        if (Child(signedInfo, "CanonicalizationMethod")?.GetAttribute("Algorithm") != SignedXml.XmlDsigExcC14NTransformUrl)
            return EnvelopeSealRead.Refused("SignedInfo phải được chuẩn hóa theo Exclusive C14N");
        if (method is not (SignedXml.XmlDsigRSASHA256Url or EcdsaSha256))
            return EnvelopeSealRead.Refused($"thuật toán ký '{method}' không được chấp nhận (chỉ RSA-SHA256, ECDSA-SHA256)");
        var references = Children(signedInfo, "Reference").ToList();
        if (references.Count is 0 or > MaxReferences)
            return EnvelopeSealRead.Refused($"chữ ký số có {references.Count} tham chiếu (Reference); chấp nhận từ 1 đến {MaxReferences}");
        foreach (var reference in references)
        {
            if (ReferenceProblem(document, reference) is { } problem)
                return EnvelopeSealRead.Refused(problem);
        }

        var certificates = Certificates(signature);
        if (certificates.Count is 0 or > MaxCertificates)
            return EnvelopeSealRead.Refused($"KeyInfo/X509Data phải mang từ 1 đến {MaxCertificates} chứng thư số, có {certificates.Count}");

        var unsigned = (XmlDocument)document.Clone();
        var copy = unsigned.GetElementsByTagName("Signature", DsNs).OfType<XmlElement>().Single();
        copy.ParentNode!.RemoveChild(copy);
        var whole = new Lazy<byte[]>(() => SHA256.HashData(Canonical(unsigned)));
        var root = new Lazy<byte[]>(() => SHA256.HashData(Canonical(unsigned.DocumentElement!)));
        if (references.Any(r => !CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(Child(r, "DigestValue")?.InnerText ?? ""),
                r.GetAttribute("URI").Length == 0 ? whole.Value : root.Value)))
            return EnvelopeSealRead.Refused("gói tin đã bị thay đổi sau khi ký (giá trị băm không khớp)");

        var signer = certificates[0];
        var elliptic = signer.GetPublicKey() is ECPublicKeyParameters;
        if (elliptic != (method == EcdsaSha256))
            return EnvelopeSealRead.Refused("thuật toán ký không khớp với khóa của chứng thư số");
        var value = Convert.FromBase64String(valueElement.InnerText);
        return SignatureValue.Verifies(signer, Canonical(signedInfo), elliptic ? Der(value) : value)
            ? new EnvelopeSealRead(EnvelopeSeal.Intact, null, certificates)
            : EnvelopeSealRead.Refused("giá trị chữ ký số (SignatureValue) không khớp với chứng thư số kèm theo");
    }

    /// <summary>
    /// A reference must cover the whole package: <c>URI=""</c>, or <c>#id</c> of the root alone (a second element with that
    /// id is a wrapping attempt), with only the enveloped-signature and exclusive canonicalisation transforms and SHA-256.
    /// </summary>
    private static string? ReferenceProblem(XmlDocument document, XmlElement reference)
    {
        var uri = reference.GetAttributeNode("URI")?.Value;
        if (uri is null || (uri.Length > 0 && !uri.StartsWith('#')))
            return $"tham chiếu '{uri}' trỏ ra ngoài gói tin; chỉ chấp nhận URI rỗng hoặc #Id trong gói tin";
        if (uri.Length > 0)
        {
            var id = uri[1..];
            var named = document.SelectNodes($"//*[@Id or @id or @ID]")!.OfType<XmlElement>()
                .Where(e => e.GetAttribute("Id") == id || e.GetAttribute("id") == id || e.GetAttribute("ID") == id).ToList();
            if (named.Count != 1)
                return $"tham chiếu '{uri}' khớp {named.Count} phần tử; Id phải là duy nhất trong gói tin";
            if (named[0] != document.DocumentElement)
                return $"chữ ký số ký phần tử {named[0].LocalName}, không phải toàn bộ gói tin";
        }

        var transforms = Child(reference, "Transforms") is { } list ? Children(list, "Transform").ToList() : [];
        if (transforms.Count > MaxTransforms)
            return $"tham chiếu có {transforms.Count} phép biến đổi; tối đa {MaxTransforms}";
        var algorithms = transforms.Select(t => t.GetAttribute("Algorithm")).ToList();
        if (algorithms.FirstOrDefault(a => !Transforms.Contains(a)) is { } refused)
            return $"phép biến đổi '{refused}' không được chấp nhận (XPath, XSLT và các phép khác bị từ chối)";
        if (!algorithms.Contains(SignedXml.XmlDsigEnvelopedSignatureTransformUrl))
            return "tham chiếu thiếu phép biến đổi enveloped-signature";
        return Child(reference, "DigestMethod")?.GetAttribute("Algorithm") == SignedXml.XmlDsigSHA256Url
            ? null
            : "thuật toán băm của tham chiếu phải là SHA-256";
    }

    private static bool InSlot(XmlElement signature) =>
        signature.ParentNode is XmlElement { LocalName: "DigitalSignature" } slot && slot.NamespaceURI == EdxmlNs
        && slot.ParentNode is XmlElement { LocalName: "edXMLHeader" } header && header.NamespaceURI == EdxmlNs
        && header.ParentNode is XmlElement { LocalName: "edXMLEnvelope" } envelope && envelope.NamespaceURI == EdxmlNs;

    private static List<X509Certificate> Certificates(XmlElement signature)
    {
        var encoded = (Child(signature, "KeyInfo") is { } info ? Children(info, "X509Data") : [])
            .SelectMany(d => Children(d, "X509Certificate")).Take(MaxCertificates + 1).ToList();
        var parser = new X509CertificateParser();
        return [.. encoded.Select(e => parser.ReadCertificate(Convert.FromBase64String(e.InnerText))
            ?? throw new FormatException("X509Certificate holds no certificate"))];
    }

    private static XmlDocument Load(byte[] package)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersFromEntities = 0 };
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(package), settings);
        document.Load(reader);
        return document;
    }

    private static byte[] Save(XmlDocument document)
    {
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), NewLineHandling = NewLineHandling.None }))
            document.Save(writer);
        return output.ToArray();
    }

    /// <summary>
    /// Exclusive canonical form of a whole document, or of one element with the namespace declarations in scope where it
    /// stands (exclusive canonicalisation keeps those it uses), as XML-DSig canonicalises a subtree.
    /// </summary>
    private static byte[] Canonical(XmlNode node)
    {
        var transform = new XmlDsigExcC14NTransform();
        if (node is XmlDocument document)
            transform.LoadInput(document);
        else
        {
            var standalone = new XmlDocument { PreserveWhitespace = true };
            var copy = (XmlElement)standalone.AppendChild(standalone.ImportNode(node, true))!;
            for (var scope = node.ParentNode as XmlElement; scope is not null; scope = scope.ParentNode as XmlElement)
            {
                foreach (var declaration in scope.Attributes.OfType<XmlAttribute>().Where(a => a.Name == "xmlns" || a.Prefix == "xmlns"))
                {
                    if (!copy.HasAttribute(declaration.Name))
                        copy.SetAttribute(declaration.Name, declaration.Value);
                }
            }

            transform.LoadInput(standalone);
        }

        using var output = (Stream)transform.GetOutput(typeof(Stream));
        using var bytes = new MemoryStream();
        output.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static XmlElement? Child(XmlElement? parent, string name) => parent is null ? null : Children(parent, name).FirstOrDefault();

    private static IEnumerable<XmlElement> Children(XmlElement parent, string name) =>
        parent.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == name && e.NamespaceURI == DsNs);

    /// <summary>XML-DSig writes an ECDSA signature as r‖s, each as long as the curve's order; BouncyCastle gives DER.</summary>
    private static byte[] Plain(byte[] der, X509Certificate certificate)
    {
        var size = (((ECPublicKeyParameters)certificate.GetPublicKey()).Parameters.N.BitLength + 7) / 8;
        var sequence = Asn1Sequence.GetInstance(der);
        return [.. Fixed(DerInteger.GetInstance(sequence[0]).PositiveValue, size), .. Fixed(DerInteger.GetInstance(sequence[1]).PositiveValue, size)];
    }

    private static byte[] Fixed(BigInteger value, int size) => value.ToByteArrayUnsigned() is var bytes && bytes.Length <= size
        ? [.. new byte[size - bytes.Length], .. bytes]
        : throw new CryptographicException("An ECDSA signature component is longer than the curve's order.");

    private static byte[] Der(byte[] plain)
    {
        if (plain.Length is 0 or > 264 || plain.Length % 2 != 0)
            throw new FormatException("the ECDSA signature value is not r‖s");
        var half = plain.Length / 2;
        return new DerSequence(new DerInteger(new BigInteger(1, plain, 0, half)), new DerInteger(new BigInteger(1, plain, half, half))).GetEncoded();
    }
}
