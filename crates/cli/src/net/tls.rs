//! TLS for `send` and `relay`: rustls with the ring provider, trusting Mozilla's roots
//! (webpki-roots, built in, so the result does not depend on the machine's store) plus any
//! `--ca-file`; and a failed handshake explained in plain words.

use std::path::Path;
use std::sync::Arc;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::CertificateDer;
use rustls::{CertificateError, ClientConfig, RootCertStore};

/// Reads every certificate of a PEM file (`--ca-file`), to be trusted as a root.
pub fn read_ca_file(path: &Path) -> Result<Vec<CertificateDer<'static>>, String> {
    let name = path.display();
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {name}: {e}"))?;
    let certificates = CertificateDer::pem_slice_iter(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("{name} is not a PEM certificate file: {e}"))?;
    if certificates.is_empty() {
        return Err(format!(
            "{name} holds no certificate (a PEM file with -----BEGIN CERTIFICATE-----)"
        ));
    }
    Ok(certificates)
}

/// The client's TLS settings: TLS 1.2 and 1.3, Mozilla's roots and `extra_roots`.
pub fn client_config(extra_roots: &[CertificateDer<'static>]) -> Result<ClientConfig, String> {
    let mut roots = RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    for certificate in extra_roots {
        roots
            .add(certificate.clone())
            .map_err(|e| format!("the --ca-file certificate cannot be a root: {e}"))?;
    }
    // rustls 0.23.48 deprecates ring's provider for lacking post-quantum key exchange; ring
    // still gives TLS 1.2 and 1.3 with the classical groups every webhook endpoint speaks, and
    // builds with a C compiler alone, where aws-lc-rs (the post-quantum one) is a long C build.
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Ok(ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS cannot start: {e}"))?
        .with_root_certificates(roots)
        .with_no_client_auth())
}

/// A failed handshake with `host`, in plain words.
pub fn explain(error: &rustls::Error, host: &str) -> String {
    match error {
        rustls::Error::InvalidCertificate(certificate) => match certificate {
            CertificateError::UnknownIssuer => format!(
                "The certificate of {host} is not signed by an authority hookcheck trusts \
                 (Mozilla's roots). If {host} uses your organisation's own CA, pass that CA's \
                 certificate with --ca-file."
            ),
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                format!("The certificate {host} presented is for another name ({certificate}).")
            }
            CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
                format!("The certificate of {host} has expired.")
            }
            CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
                format!("The certificate of {host} is not valid yet (check this machine's clock).")
            }
            other => format!("The certificate of {host} was refused: {other}."),
        },
        rustls::Error::AlertReceived(alert) => {
            format!("{host} ended the TLS handshake with the alert {alert:?}.")
        }
        other => format!("The TLS handshake with {host} failed: {other}."),
    }
}
