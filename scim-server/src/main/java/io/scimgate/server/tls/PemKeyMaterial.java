package io.scimgate.server.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * A certificate chain and its private key from PEM files, as a key manager for the TLS listener.
 * The certificate file holds the server's certificate first, then any intermediates; the key
 * file one unencrypted key: PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1
 * ({@code EC PRIVATE KEY}). The key must belong to the first certificate.
 */
final class PemKeyMaterial {

    private static final char[] IN_MEMORY_PASSWORD = "scimgate".toCharArray();

    private PemKeyMaterial() {
    }

    /** @throws IllegalArgumentException saying which file is wrong and why */
    static X509ExtendedKeyManager load(Path certFile, Path keyFile) {
        List<X509Certificate> chain = certificates(certFile);
        PrivateKey key = privateKey(keyFile);
        if (!belongTogether(key, chain.get(0))) {
            throw new IllegalArgumentException("the key in " + keyFile + " does not belong to the first certificate in " + certFile);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("scimgate", key, IN_MEMORY_PASSWORD, chain.toArray(new Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, IN_MEMORY_PASSWORD);
            for (KeyManager manager : factory.getKeyManagers()) {
                if (manager instanceof X509ExtendedKeyManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("The JVM offers no X.509 key manager");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("the certificate and key cannot be used together: " + e.getMessage(), e);
        }
    }

    static List<X509Certificate> certificates(Path certFile) {
        try {
            byte[] pem = Files.readAllBytes(certFile);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))) {
                chain.add((X509Certificate) certificate);
            }
            if (chain.isEmpty()) {
                throw new IllegalArgumentException(certFile + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
            }
            return chain;
        } catch (IOException e) {
            throw new IllegalArgumentException(certFile + " cannot be read: " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(certFile + " holds no valid PEM certificate: " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(Path keyFile) {
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(keyFile, StandardCharsets.US_ASCII)))) {
            parsed = parser.readObject();
        } catch (IOException e) {
            throw new IllegalArgumentException(keyFile + " holds no readable PEM key: " + e.getMessage(), e);
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (parsed instanceof PrivateKeyInfo pkcs8) {
                return converter.getPrivateKey(pkcs8);
            }
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(keyFile + " holds a key of an unsupported kind: " + e.getMessage(), e);
        }
        if (parsed instanceof PEMEncryptedKeyPair || parsed instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw new IllegalArgumentException(keyFile + " holds an encrypted key; give it unencrypted (openssl pkey -in key.pem -out plain.pem) "
                    + "and protect the file instead");
        }
        throw new IllegalArgumentException(keyFile + " holds no PEM private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    /** Signs a random challenge with the key and checks it with the certificate's public key. */
    private static boolean belongTogether(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null || !key.getAlgorithm().equals(certificate.getPublicKey().getAlgorithm())) {
            return algorithm == null;
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
