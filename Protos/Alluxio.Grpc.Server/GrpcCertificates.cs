using System.Security.Cryptography.X509Certificates;

namespace Alluxio.Grpc.Server;

/// <summary>Loads a server certificate with its private key from files.</summary>
public static class GrpcCertificates
{
    /// <summary>
    /// Loads <paramref name="certificatePath"/>: a PKCS#12 file (.pfx / .p12) with <paramref name="password"/>, or a PEM
    /// certificate whose key is in <paramref name="keyPath"/> (or in the same file), encrypted with
    /// <paramref name="password"/> when given.
    /// </summary>
    public static X509Certificate2 Load(string certificatePath, string? keyPath = null, string? password = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(certificatePath);
        if (!File.Exists(certificatePath))
            throw new FileNotFoundException($"TLS certificate file '{certificatePath}' does not exist.", certificatePath);

        var extension = Path.GetExtension(certificatePath);
        if (extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".p12", StringComparison.OrdinalIgnoreCase))
            return X509CertificateLoader.LoadPkcs12FromFile(certificatePath, password);

        var pem = password is null
            ? X509Certificate2.CreateFromPemFile(certificatePath, keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(certificatePath, password, keyPath);
        if (!pem.HasPrivateKey)
            throw new InvalidOperationException($"TLS certificate '{certificatePath}' has no private key; pass the key file.");

        // An ephemeral PEM key is not usable by SslStream on every platform; a PKCS#12 round trip makes it so.
        using (pem)
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}
