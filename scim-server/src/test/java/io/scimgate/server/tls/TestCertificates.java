package io.scimgate.server.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test certificate authority that issues server certificates for 127.0.0.1 and localhost, and
 * writes them as PEM files the way operators get them: the chain (server certificate, then the
 * authority's) in one file, the key in the encoding asked for.
 */
final class TestCertificates {

    /** How a private key is written to its PEM file. */
    enum KeyEncoding {
        /** {@code -----BEGIN PRIVATE KEY-----}, RSA. */
        PKCS8_RSA,
        /** {@code -----BEGIN RSA PRIVATE KEY-----}. */
        PKCS1_RSA,
        /** {@code -----BEGIN EC PRIVATE KEY-----}, P-256. */
        SEC1_EC,
        /** {@code -----BEGIN PRIVATE KEY-----}, P-256. */
        PKCS8_EC
    }

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    private final KeyPair authorityKeys = rsa();
    private final X509Certificate authority;

    TestCertificates() {
        authority = certificate("CN=scimgate test authority", authorityKeys.getPublic(), "CN=scimgate test authority",
                authorityKeys.getPrivate(), true);
    }

    /** A new server certificate named {@code commonName}, with its chain and key written to {@code certFile} and {@code keyFile}. */
    void issue(String commonName, KeyEncoding encoding, Path certFile, Path keyFile) {
        KeyPair serverKeys = encoding == KeyEncoding.SEC1_EC || encoding == KeyEncoding.PKCS8_EC ? ec() : rsa();
        X509Certificate server = certificate("CN=" + commonName, serverKeys.getPublic(), "CN=scimgate test authority",
                authorityKeys.getPrivate(), false);
        try {
            Files.writeString(certFile, pem(server) + pem(authority));
            Files.writeString(keyFile, keyPem(serverKeys, encoding));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client context that trusts this authority only. */
    SSLContext clientContext() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("authority", authority);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(String subject, java.security.PublicKey key, String issuer, PrivateKey issuerKey,
            boolean authority) {
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(30))), new X500Name(subject), key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            if (!authority) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make a test certificate", e);
        }
    }

    private static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static String keyPem(KeyPair keys, KeyEncoding encoding) {
        return switch (encoding) {
            case PKCS8_RSA, PKCS8_EC -> pem("PRIVATE KEY", keys.getPrivate().getEncoded());
            case PKCS1_RSA -> pem("RSA PRIVATE KEY", PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded()).getPrivateKey().getOctets());
            case SEC1_EC -> pem("EC PRIVATE KEY", sec1(keys));
        };
    }

    /** As {@code openssl ec} writes it: the curve and the public key inside the ECPrivateKey structure. */
    private static byte[] sec1(KeyPair keys) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
            org.bouncycastle.asn1.sec.ECPrivateKey inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
            SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
            return new org.bouncycastle.asn1.sec.ECPrivateKey(256, inner.getKey(), publicKey.getPublicKeyData(),
                    info.getPrivateKeyAlgorithm().getParameters()).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
